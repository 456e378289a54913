import type { Readable } from 'node:stream';
import { CATALOG_LIMITS, type CatalogImage, type ImageRef } from '@siyu/contracts';
import { tenantSlug } from '../../access';
import { actorId, badRequest, type Ctx, invalid, newId, notFound } from '../../platform';
import { fileStore } from '../../platform/data-jobs';
import { readableImage, storeVariants, type VariantWidth, variantKey, variantOf } from './image-variants';
import { existingImageIds, findImageRow, type ImageRow, insertImageRow } from './images.repo';

type ImageType = ImageRow['contentType'];

/** The image type its first bytes say, or null: JPEG, PNG, WebP and GIF only (the content decides, not the header). */
export function sniffImageType(b: Buffer): ImageType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'image/gif';
  return null;
}

/** Public URL of a catalog image (served by the shop image route; images never change). */
export const imageUrl = (slug: string, id: string) => `/api/shop/t/${slug}/catalog/images/${id}`;

/** An image's URLs: the original and its WebP variants (see image-variants.ts), with a ready srcset. */
export function imageRef(slug: string, id: string): ImageRef {
  const url = imageUrl(slug, id);
  const [thumb, medium] = CATALOG_LIMITS.imageVariantWidths;
  const [thumbUrl, mediumUrl] = [`${url}?w=${thumb}`, `${url}?w=${medium}`];
  return { id, url, thumbUrl, mediumUrl, srcset: `${thumbUrl} ${thumb}w, ${mediumUrl} ${medium}w` };
}

/** Image refs for image ids, in their order. */
export async function imageRefs(ctx: Ctx, ids: string[]) {
  if (!ids.length) return [];
  const slug = await tenantSlug(ctx);
  return ids.map((id) => imageRef(slug, id));
}

const imageKey = (tenantId: string, id: string) => `${tenantId}/catalog-images/${id}`;

export async function uploadImage(ctx: Ctx, body: Buffer): Promise<CatalogImage> {
  if (body.length > CATALOG_LIMITS.imageBytes)
    throw badRequest('IMAGE_TOO_LARGE', `An image may have at most ${CATALOG_LIMITS.imageBytes / 1024 / 1024} MB`);
  const contentType = sniffImageType(body);
  if (!contentType) throw badRequest('IMAGE_TYPE', 'Send a JPEG, PNG, WebP or GIF image');
  await readableImage(body);
  const now = ctx.clock.now();
  const id = newId('img', now);
  const storageKey = imageKey(ctx.tenantId, id);
  await storeVariants(storageKey, body).catch(() => {
    throw badRequest('IMAGE_TYPE', 'The image cannot be read (damaged or incomplete file)');
  });
  await fileStore().put(storageKey, body);
  await insertImageRow(ctx.db, {
    tenantId: ctx.tenantId,
    id,
    contentType,
    bytes: body.length,
    storageKey,
    createdBy: actorId(ctx),
    createdAt: now,
  });
  const [ref] = await imageRefs(ctx, [id]);
  return { ...ref!, contentType, bytes: body.length, createdAt: now.toISOString() };
}

/**
 * The image's bytes: the original, or the WebP variant `width` px wide — made now when the image was
 * uploaded before variants existed. An original that cannot be decoded is served as it is.
 */
export async function openImage(
  ctx: Ctx,
  id: string,
  width?: VariantWidth,
): Promise<{ contentType: string; bytes: number; stream: Readable }> {
  const row = await findImageRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Image', id);
  if (width) {
    const bytes = await variantOf(row.storageKey, width).catch((err) => {
      ctx.log.warn({ err, imageId: id, width }, 'image variant could not be made; serving the original');
      return null;
    });
    if (bytes !== null)
      return { contentType: 'image/webp', bytes, stream: await fileStore().open(variantKey(row.storageKey, width)) };
  }
  return { contentType: row.contentType, bytes: row.bytes, stream: await fileStore().open(row.storageKey) };
}

/** Refuses image ids that are not this tenant's uploads (400 on the field). */
export async function checkImages(ctx: Ctx, field: string, ids: string[]) {
  const found = await existingImageIds(ctx.db, ctx.tenantId, ids);
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw invalid(field === 'iconImageId' ? field : `${field}.${i}`, 'no such uploaded image');
}
