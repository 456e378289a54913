import type { ShopProduct } from '@siyu/contracts';
import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Page } from '../../app/Page';
import { PageError } from '../../app/PageState';
import { shopPath, useSlug } from '../../app/useSlug';
import { BuyBar } from './BuyBar';
import { useProduct } from './catalog-api';
import { Price } from './Price';
import { ProductGallery } from './ProductGallery';
import { RichText } from './RichText';
import { SpecSelector } from './SpecSelector';
import { initialPick, LOW_STOCK_HINT, missingNames, pickedSku, type SpecPick } from './spec-choice';
import './detail.css';

/** One product: pictures, price, specs to pick, stock, the description, and the buy bar. */
export function ProductDetailPage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const id = useParams().id ?? '';
  const product = useProduct(slug, id);

  const body = () => {
    if (product.isPending) return <DetailSkeleton />;
    if (product.isError) {
      const e = product.error;
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return <ProductGone />;
      return <PageError error={e} onRetry={() => product.refetch()} />;
    }
    // keyed: another product starts with its own picks
    return <ProductDetail key={product.data.id} product={product.data} />;
  };
  return (
    <Page title={t('catalog.detail.title')} fallback={shopPath(slug, 'category')}>
      {body()}
    </Page>
  );
}

function ProductDetail({ product }: { product: ShopProduct }) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<SpecPick>(() => initialPick(product.specs, product.skus));
  const [quantity, setQuantity] = useState(1);
  const sku = pickedSku(product.specs, product.skus, pick);
  const soldOut = !product.inStock || product.skus.every((s) => s.available <= 0);

  return (
    <div className="detail" data-testid="product-detail">
      <ProductGallery product={product} />
      <section className="shop-card detail__info">
        {sku ? (
          <Price fen={sku.price} listPrice={sku.listPrice} size="large" />
        ) : (
          <Price fen={product.priceMin} max={product.priceMax} listPrice={product.listPrice} size="large" />
        )}
        <h1 className="detail__title" data-testid="product-title">
          {product.title}
        </h1>
        {product.subtitle && <p className="detail__subtitle">{product.subtitle}</p>}
        <div className="detail__meta">
          {product.tags.map((tag) => (
            <span key={tag} className="product-tag">
              {tag}
            </span>
          ))}
          {product.salesCount > 0 && (
            <span className="shop-muted">{t('catalog.sold', { count: product.salesCount })}</span>
          )}
        </div>
      </section>
      {(product.specs.length > 0 || product.skus.length > 0) && (
        <section className="shop-card">
          <SpecSelector product={product} pick={pick} onChange={setPick} />
          <StockHint product={product} pick={pick} />
        </section>
      )}
      <section className="shop-card detail__description">
        <h2 className="section-title">{t('catalog.detail.description')}</h2>
        {product.description.trim() ? (
          <RichText html={product.description} />
        ) : (
          <p className="shop-muted">{t('catalog.detail.noDescription')}</p>
        )}
      </section>
      <BuyBar
        sku={sku}
        quantity={quantity}
        onQuantity={setQuantity}
        missing={missingNames(product.specs, pick).join(' / ')}
        soldOut={soldOut}
      />
    </div>
  );
}

/** "已选 大杯 / 冰 · 仅剩 3 件", or what is still to pick, or that the product is sold out. */
function StockHint({ product, pick }: { product: ShopProduct; pick: SpecPick }) {
  const { t } = useTranslation();
  const sku = pickedSku(product.specs, product.skus, pick);
  let text: string;
  let tone = 'muted';
  if (!product.inStock || product.skus.every((s) => s.available <= 0)) {
    text = t('catalog.detail.allSoldOut');
    tone = 'warn';
  } else if (!sku) {
    text = t('catalog.detail.pleasePick', { names: missingNames(product.specs, pick).join(' / ') });
  } else {
    const picked = sku.specText ? `${t('catalog.detail.picked', { spec: sku.specText })} · ` : '';
    if (sku.available <= 0) {
      text = picked + t('catalog.soldOut');
      tone = 'warn';
    } else if (sku.available <= LOW_STOCK_HINT) {
      text = picked + t('catalog.detail.fewLeft', { count: sku.available });
      tone = 'warn';
    } else text = picked + t('catalog.detail.inStock');
  }
  return (
    <p className={`stock-hint stock-hint--${tone}`} data-testid="stock-hint" aria-live="polite">
      {text}
    </p>
  );
}

function ProductGone() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  return (
    <div className="page-state" data-testid="product-gone">
      <ErrorBlock status="empty" title={t('catalog.detail.gone')} description={t('catalog.detail.goneHint')}>
        <Button color="primary" size="small" onClick={() => navigate(shopPath(slug, 'category'), { replace: true })}>
          {t('catalog.detail.browse')}
        </Button>
      </ErrorBlock>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div className="detail" aria-busy="true" data-testid="detail-skeleton">
      <Skeleton animated className="gallery skeleton-block" />
      <div className="shop-card">
        <Skeleton.Title animated />
        <Skeleton.Paragraph lineCount={3} animated />
      </div>
      <div className="shop-card">
        <Skeleton.Paragraph lineCount={4} animated />
      </div>
    </div>
  );
}
