import type { ShopProduct } from '@siyu/contracts';
import { Image, ImageViewer, Swiper } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** The product's pictures (the 480 px WebP variant), swiped, with "2/5"; tapping one opens the original full screen. */
export function ProductGallery({ product }: { product: ShopProduct }) {
  const { t } = useTranslation();
  const images = product.images.length > 0 ? product.images : product.cover ? [product.cover] : [];
  if (images.length === 0) {
    return (
      <div className="gallery gallery--empty" role="img" aria-label={t('catalog.detail.noImage')}>
        <span>{product.title.slice(0, 1)}</span>
      </div>
    );
  }
  const urls = images.map((i) => i.url);
  return (
    <div className="gallery" data-testid="gallery">
      <Swiper
        loop={images.length > 1}
        indicator={(total, current) =>
          total > 1 ? (
            <span className="gallery__indicator">
              {current + 1}/{total}
            </span>
          ) : null
        }
      >
        {images.map((img, i) => (
          <Swiper.Item key={img.id}>
            <Image
              src={img.mediumUrl}
              srcSet={img.srcset}
              sizes="(min-width: 560px) 560px, 100vw"
              alt={i === 0 ? product.title : ''}
              fit="cover"
              className="gallery__image"
              onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })}
            />
          </Swiper.Item>
        ))}
      </Swiper>
    </div>
  );
}
