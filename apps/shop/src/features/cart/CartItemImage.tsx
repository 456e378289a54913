import { Image } from 'antd-mobile';
import { useSlug } from '../../app/useSlug';
import { catalogImageUrl } from './cart-api';

/** A small square picture of a cart or order line (an image id), or its first character. */
export function LineImage({ cover, title, className }: { cover: string | null; title: string; className?: string }) {
  const slug = useSlug();
  const placeholder = <div className="line-image__placeholder">{title.slice(0, 1)}</div>;
  return (
    <div className={`line-image ${className ?? ''}`}>
      {cover ? (
        <Image
          src={`${catalogImageUrl(slug, cover)}?w=240`} // the small WebP variant, not the upload
          alt=""
          fit="cover"
          lazy
          placeholder={placeholder}
          fallback={placeholder}
        />
      ) : (
        placeholder
      )}
    </div>
  );
}
