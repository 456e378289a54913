/**
 * A WeCom code's QR as a download: read the content of its `qr_code` image (cached per URL in
 * process), draw it again at a print size as PNG or SVG with the brand logo, and name the file.
 * Takes the image URL, so every kind of code can use it: live codes (contact ways) and group codes
 * (join ways).
 */
import { QR_LIMITS, type QrFormat } from '@siyu/contracts';
import { LRUCache } from 'lru-cache';
import * as access from '../../access';
import { AppError, type Ctx } from '../../platform';
import { decodeQrImage, fetchImage, type FetchImageOptions } from './qr-image';
import { brandLogo } from './qr-logo';
import { checkQrSize, renderQr } from './qr-render';

const contents = new LRUCache<string, Promise<string>>({ max: QR_LIMITS.contentCacheEntries });

/**
 * The content of the QR code at `imageUrl` (e.g. a contact way's `qr_code`): 503 QR_IMAGE_UNAVAILABLE
 * when the image cannot be fetched, 422 QR_UNREADABLE when it holds no readable code. A code's image
 * never changes its content, so a success is kept (LRU, QR_LIMITS.contentCacheEntries); failures are not.
 */
export function readQrContent(imageUrl: string, opts: FetchImageOptions = {}): Promise<string> {
  const hit = contents.get(imageUrl);
  if (hit) return hit;
  const p = (async () => {
    const content = await decodeQrImage(await fetchImage(imageUrl, 'QR code image', opts));
    if (!content) throw new AppError(422, 'QR_UNREADABLE', 'The QR code image holds no readable QR code');
    return content;
  })();
  contents.set(imageUrl, p);
  p.catch(() => contents.delete(imageUrl));
  return p;
}

/** Forgets cached contents (tests). */
export const clearQrContentCache = () => contents.clear();

export type QrFileInput = {
  /** The code's `qr_code` image URL from WeCom (or the demo sandbox). */
  imageUrl: string;
  format: QrFormat;
  size: number;
  /** Draw the tenant's logo (or brand initial) in the middle. */
  logo: boolean;
  /** The file's name without size and extension, e.g. the code's name. */
  baseName: string;
};

export type QrFile = { fileName: string; contentType: string; body: Buffer };

const CONTENT_TYPES: Record<QrFormat, string> = { png: 'image/png', svg: 'image/svg+xml' };

/** A name safe on every file system: no path separators or control characters, at most 80 characters. */
const safeName = (s: string) => [...s.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim()].slice(0, 80).join('') || 'qrcode';

/** The code at `imageUrl` drawn again as a file of the tenant's brand. */
export async function qrCodeFile(ctx: Ctx, input: QrFileInput, opts: FetchImageOptions = {}): Promise<QrFile> {
  const size = checkQrSize(input.size);
  const content = await readQrContent(input.imageUrl, opts);
  let logo: Buffer | null = null;
  if (input.logo) {
    const settings = await access.getSettings(ctx);
    logo = await brandLogo(
      { brandName: settings.brandName, logoUrl: settings.logoUrl },
      { ...opts, onLogoError: (e) => ctx.log.warn({ err: e }, 'brand logo unreadable; drawing the initial') },
    );
  }
  return {
    fileName: `${safeName(input.baseName)}-${size}.${input.format}`,
    contentType: CONTENT_TYPES[input.format],
    body: await renderQr({ content, format: input.format, size, logo }),
  };
}
