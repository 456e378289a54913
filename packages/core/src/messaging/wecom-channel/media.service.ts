/**
 * A picture as WeCom temporary media: the media_id a mini-program card's cover needs (send_welcome_msg
 * wants `pic_media_id`, not a URL). Uploaded once per source URL and corp, then reused while fresh
 * (WECOM_LIMITS.media.reuseMs; WeCom keeps a media_id 3 days), so a welcome waits for an upload only
 * the first time a cover is used in 2.5 days.
 */
import type { Ctx } from '../../platform';
import { fetchImage } from '../qr';
import type { WecomClient } from '../wecom/client';
import { WECOM_LIMITS } from '../wecom/limits';
import { findMedia, saveMedia } from './media.repo';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

/** WeCom takes JPG or PNG images; the type comes from the bytes, not from what the URL claims. */
function pictureFile(bytes: Buffer) {
  if (bytes.subarray(0, 8).equals(PNG)) return { filename: 'cover.png', contentType: 'image/png', data: bytes };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { filename: 'cover.jpg', contentType: 'image/jpeg', data: bytes };
  return null;
}

export async function pictureMediaId(
  ctx: Ctx,
  client: WecomClient,
  sourceUrl: string,
  opts: { fetch?: typeof fetch } = {},
): Promise<string> {
  const known = await findMedia(ctx.db, ctx.tenantId, client.corpId, sourceUrl);
  const now = ctx.clock.now();
  if (known && now.getTime() - known.uploadedAt.getTime() < WECOM_LIMITS.media.reuseMs) return known.mediaId;
  const bytes = await fetchImage(sourceUrl, 'picture', {
    fetch: opts.fetch,
    maxBytes: WECOM_LIMITS.media.maxBytes.image,
  });
  const file = pictureFile(bytes);
  if (!file) throw new Error(`${sourceUrl} is not a JPG or PNG picture (WeCom takes only those)`);
  const uploaded = await client.media.upload('image', file);
  await saveMedia(ctx.db, {
    tenantId: ctx.tenantId,
    corpId: client.corpId,
    sourceUrl,
    mediaId: uploaded.media_id,
    uploadedAt: now,
  });
  return uploaded.media_id;
}
