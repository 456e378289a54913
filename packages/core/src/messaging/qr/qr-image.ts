/**
 * Reading a WeCom code's image: fetch it (with a timeout and a size cap), turn it into pixels with
 * sharp (loaded on first use) and find the QR code's content with jsQR. WeCom gives a contact way or
 * join way only as `qr_code`, an image URL; its content is what Siyu draws again at print sizes.
 */
import { QR_LIMITS } from '@siyu/contracts';
import jsQR from 'jsqr';
import { AppError, sharpLib } from '../../platform';

export type FetchImageOptions = { fetch?: typeof fetch; timeoutMs?: number; maxBytes?: number };

const unavailable = (what: string, why: string) =>
  new AppError(503, 'QR_IMAGE_UNAVAILABLE', `The ${what} could not be read: ${why}`);

/** The bytes of an image at `url` (http(s) or a data: URL); 503 QR_IMAGE_UNAVAILABLE when it cannot be had. */
export async function fetchImage(url: string, what: string, opts: FetchImageOptions = {}): Promise<Buffer> {
  const maxBytes = opts.maxBytes ?? QR_LIMITS.maxImageBytes;
  const data = /^data:image\/[a-z+.-]+;base64,(.*)$/s.exec(url);
  if (data) return Buffer.from(data[1] ?? '', 'base64');
  if (!/^https?:\/\//.test(url)) throw unavailable(what, 'not an http(s) URL');
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? QR_LIMITS.fetchTimeoutMs),
      headers: { accept: 'image/*' },
    });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw unavailable(what, timedOut ? 'no answer in time' : 'unreachable');
  }
  if (!res.ok) throw unavailable(what, `HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > maxBytes) throw unavailable(what, `larger than ${maxBytes} bytes`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw unavailable(what, `larger than ${maxBytes} bytes`);
  return bytes;
}

/** Pixels at most this many on a side are searched (a larger picture is scaled down first). */
const DECODE_MAX_SIDE = 1600;

/** The content of the QR code in an image (PNG, JPEG, WebP, GIF, SVG), or null when there is none. */
export async function decodeQrImage(bytes: Buffer): Promise<string | null> {
  const sharp = await sharpLib();
  let raw: { data: Buffer; info: { width: number; height: number } };
  try {
    raw = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .flatten({ background: '#ffffff' })
      .resize({ width: DECODE_MAX_SIDE, height: DECODE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    return null; // not an image sharp can read
  }
  const pixels = new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.length);
  const found = jsQR(pixels, raw.info.width, raw.info.height, { inversionAttempts: 'attemptBoth' });
  return found?.data ? found.data : null;
}
