import type { ShopProductCard } from '@siyu/contracts';
import { Image, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shopPath, useSlug } from '../../app/useSlug';
import { Price } from './Price';
import './catalog.css';

/**
 * The square picture of a product — the small WebP variants (240/480 px) by `srcset`, so a list never
 * loads the full upload — or a soft placeholder with its first character. `sizes`: its rendered width.
 */
export function ProductImage({
  product,
  className,
  sizes = '(min-width: 560px) 280px, 50vw', // two columns of a phone-wide page
}: {
  product: ShopProductCard;
  className: string;
  sizes?: string;
}) {
  const placeholder = <div className="product-image__placeholder">{product.title.slice(0, 1)}</div>;
  return (
    <div className={`product-image ${className}`}>
      {product.cover ? (
        <Image
          src={product.cover.thumbUrl}
          srcSet={product.cover.srcset}
          sizes={sizes}
          alt=""
          fit="cover"
          lazy
          placeholder={placeholder}
          fallback={placeholder}
        />
      ) : (
        placeholder
      )}
      {!product.inStock && <SoldOutMark />}
    </div>
  );
}

function SoldOutMark() {
  const { t } = useTranslation();
  return <span className="product-image__sold-out">{t('catalog.soldOut')}</span>;
}

const productPath = (slug: string, id: string) => shopPath(slug, `products/${id}`);

/** A product in a two-column grid: picture, title, a tag, price, sales. */
export function ProductGridCard({ product }: { product: ShopProductCard }) {
  const { t } = useTranslation();
  const slug = useSlug();
  return (
    <Link to={productPath(slug, product.id)} className="product-card" data-testid="product-card">
      <ProductImage product={product} className="product-card__image" />
      <div className="product-card__body">
        <div className="product-card__title">{product.title}</div>
        {product.tags.length > 0 && (
          <div className="product-card__tags">
            {product.tags.slice(0, 2).map((tag) => (
              <span key={tag} className="product-tag">
                {tag}
              </span>
            ))}
          </div>
        )}
        <div className="product-card__footer">
          <Price fen={product.priceMin} max={product.priceMax} listPrice={product.listPrice} />
          {product.salesCount > 0 && (
            <span className="product-card__sales">{t('catalog.sold', { count: product.salesCount })}</span>
          )}
        </div>
      </div>
    </Link>
  );
}

/** A product as a row (picture left), for the narrow right side of the category tab. */
export function ProductRowCard({ product }: { product: ShopProductCard }) {
  const slug = useSlug();
  return (
    <Link to={productPath(slug, product.id)} className="product-row" data-testid="product-card">
      <ProductImage product={product} className="product-row__image" sizes="84px" />
      <div className="product-row__body">
        <div className="product-row__title">{product.title}</div>
        {product.subtitle && <div className="product-row__subtitle">{product.subtitle}</div>}
        <Price fen={product.priceMin} max={product.priceMax} listPrice={product.listPrice} />
      </div>
    </Link>
  );
}

/** Grey cards while the first page loads. */
export function ProductGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div className="product-grid" aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="product-card product-card--skeleton">
          <Skeleton animated className="product-card__image skeleton-block" />
          <div className="product-card__body">
            <Skeleton.Paragraph lineCount={2} animated />
          </div>
        </div>
      ))}
    </div>
  );
}

export function ProductRowSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="product-row">
          <Skeleton animated className="product-row__image skeleton-block" />
          <div className="product-row__body">
            <Skeleton.Paragraph lineCount={2} animated />
          </div>
        </div>
      ))}
    </div>
  );
}
