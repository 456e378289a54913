/**
 * The brand mark drawn in the middle of a downloaded QR code: the tenant's logo (settings `logoUrl`,
 * an http(s) or data: URL), or — without one, or when it cannot be read — the brand's initial on a
 * rounded square. The initial is the brand's first letter or digit, or for a Chinese name the pinyin
 * initial of its first character (拾光咖啡 → S): a Latin letter draws with any server font, where a
 * Chinese character would need a CJK font on the server.
 */
import { createHash } from 'node:crypto';
import { QR_LIMITS } from '@siyu/contracts';
import { LRUCache } from 'lru-cache';
import { pinyin } from 'pinyin-pro';
import { sharpLib } from '../../platform';
import { fetchImage, type FetchImageOptions } from './qr-image';

/** Side of the logo PNG: enough for the 1280 px code (20% of it is 256 px). */
const LOGO_PX = 256;
const INITIAL_BACKGROUND = '#1677ff';

export type Brand = { brandName: string; logoUrl: string | null };

/** The letter drawn for a brand without a logo. */
export function brandInitial(brandName: string): string {
  for (const ch of brandName.trim()) {
    if (/[A-Za-z0-9]/.test(ch)) return ch.toUpperCase();
    if (/\p{Script=Han}/u.test(ch)) {
      const first = pinyin(ch, { pattern: 'first', toneType: 'none' }).trim();
      if (/^[a-z]$/i.test(first)) return first.toUpperCase();
    }
  }
  return '#';
}

/** A rounded square with the brand's initial, as a PNG. */
export async function initialLogo(brandName: string): Promise<Buffer> {
  const letter = brandInitial(brandName);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO_PX}" height="${LOGO_PX}" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" rx="22" fill="${INITIAL_BACKGROUND}"/>` +
    '<text x="50" y="51" text-anchor="middle" dominant-baseline="central" fill="#ffffff" ' +
    `font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-weight="bold" font-size="62">${letter}</text></svg>`;
  return (await sharpLib())(Buffer.from(svg)).png().toBuffer();
}

/** An uploaded logo as a square PNG on white (a wide logo is fitted inside, not cut). */
async function squareLogo(bytes: Buffer): Promise<Buffer> {
  return (await sharpLib())(bytes, { limitInputPixels: 40_000_000 })
    .resize(LOGO_PX, LOGO_PX, { fit: 'contain', background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

const logos = new LRUCache<string, Promise<Buffer>>({ max: QR_LIMITS.logoCacheEntries });

/**
 * The brand mark as a square PNG. A logo that cannot be fetched or read falls back to the initial
 * (`onLogoError` hears why) and is tried again on the next download.
 */
export function brandLogo(
  brand: Brand,
  opts: FetchImageOptions & { onLogoError?: (e: unknown) => void } = {},
): Promise<Buffer> {
  const key = createHash('sha1')
    .update(`${brand.brandName}\n${brand.logoUrl ?? ''}`)
    .digest('base64url');
  const hit = logos.get(key);
  if (hit) return hit;
  const make = async () => {
    if (!brand.logoUrl) return { png: await initialLogo(brand.brandName), keep: true };
    try {
      return { png: await squareLogo(await fetchImage(brand.logoUrl, 'brand logo', opts)), keep: true };
    } catch (e) {
      opts.onLogoError?.(e);
      return { png: await initialLogo(brand.brandName), keep: false };
    }
  };
  const p = make().then(({ png, keep }) => {
    if (!keep) logos.delete(key);
    return png;
  });
  logos.set(key, p);
  p.catch(() => logos.delete(key));
  return p;
}
