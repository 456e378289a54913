import type { Readable } from 'node:stream';
import { CATALOG_LIMITS } from '@siyu/contracts';
import { badRequest, sharpLib } from '../../platform';
import { fileStore } from '../../platform/data-jobs';

/**
 * Smaller WebP copies of an uploaded image (240 and 480 px wide, never enlarged), made with sharp
 * (libvips) at upload; images uploaded before variants existed get theirs on first request
 * (`variantOf`) or from the backfill job. Stored beside the original: `<original key>.w240.webp`.
 */
export type VariantWidth = (typeof CATALOG_LIMITS.imageVariantWidths)[number];
export const VARIANT_WIDTHS: readonly VariantWidth[] = CATALOG_LIMITS.imageVariantWidths;

export const variantKey = (storageKey: string, width: VariantWidth) => `${storageKey}.w${width}.webp`;

const decode = async (bytes: Buffer) =>
  (await sharpLib())(bytes, { animated: true, autoOrient: true, limitInputPixels: CATALOG_LIMITS.imagePixels });

/** Width and height of a readable image (all frames of an animation), or a 400 naming why not. */
export async function readableImage(bytes: Buffer) {
  try {
    const m = await (await decode(bytes)).metadata();
    if (!m.width || !m.height) throw new Error('no size');
    if (m.width * m.height > CATALOG_LIMITS.imagePixels) throw new Error('pixel limit');
    return { width: m.width, height: m.height };
  } catch (err) {
    if (String(err).includes('pixel limit'))
      throw badRequest(
        'IMAGE_TOO_LARGE',
        `An image may have at most ${CATALOG_LIMITS.imagePixels / 1_000_000} million pixels`,
      );
    throw badRequest('IMAGE_TYPE', 'The image cannot be read (damaged or incomplete file)');
  }
}

/** The image as WebP at most `width` px wide (aspect kept; animations stay animated). */
export async function renderVariant(bytes: Buffer, width: VariantWidth) {
  return (await decode(bytes)).resize({ width, withoutEnlargement: true }).webp({ quality: 80, effort: 4 }).toBuffer();
}

/** Makes and stores every variant of an image; returns the size of each. */
export async function storeVariants(storageKey: string, bytes: Buffer) {
  const sizes = new Map<VariantWidth, number>();
  for (const w of VARIANT_WIDTHS) {
    const { size } = await fileStore().put(variantKey(storageKey, w), await renderVariant(bytes, w));
    sizes.set(w, size);
  }
  return sizes;
}

async function readAll(stream: Readable) {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const making = new Map<string, Promise<number>>();

/** The stored variant's size, made from the original first when it is missing (once per key at a time). */
export async function variantOf(storageKey: string, width: VariantWidth): Promise<number> {
  const key = variantKey(storageKey, width);
  const size = await fileStore().size(key);
  if (size !== null) return size;
  let pending = making.get(key);
  if (!pending) {
    pending = (async () => {
      const original = await readAll(await fileStore().open(storageKey));
      return (await fileStore().put(key, await renderVariant(original, width))).size;
    })().finally(() => making.delete(key));
    making.set(key, pending);
  }
  return pending;
}

/** Makes the missing variants of stored originals; an unreadable original is counted and skipped. */
export async function backfillVariants(storageKeys: string[]) {
  const result = { made: 0, failed: [] as string[] };
  for (const storageKey of storageKeys)
    for (const w of VARIANT_WIDTHS) {
      if ((await fileStore().size(variantKey(storageKey, w))) !== null) continue;
      try {
        await variantOf(storageKey, w);
        result.made++;
      } catch {
        result.failed.push(storageKey);
        break;
      }
    }
  return result;
}
