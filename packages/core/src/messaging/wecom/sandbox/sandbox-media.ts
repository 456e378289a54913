/**
 * DEMO AND TESTS ONLY. media/upload (上传临时素材, doc 90253) as WeCom answers it: the multipart part
 * `media`, a media type WeCom knows (40004), a JPG/PNG for images (40005), a size within the type's
 * bounds (40006); the media_id is valid 3 days — messages naming an unknown or older one answer 40007.
 */
import type { Attachment } from '../endpoint';
import { WECOM_LIMITS } from '../limits';
import { MEDIA_TYPES, type MediaType } from '../media.endpoints';
import type { SbxCtx } from './sandbox-context';
import { ERR, fail, okReply, type Reply, sbxId, unix } from './sandbox-model';

type Part = { name: string; filename: string; data: Buffer };

/** The parts of a multipart/form-data body; the delimiter is its first line. */
function partsOf(body: Buffer): Part[] {
  const eol = body.indexOf('\r\n');
  if (eol < 3 || body[0] !== 0x2d || body[1] !== 0x2d) return [];
  const delimiter = Buffer.from(`\r\n${body.subarray(0, eol).toString('latin1')}`);
  const parts: Part[] = [];
  let at = eol + 2;
  while (at < body.length) {
    const end = body.indexOf(delimiter, at);
    if (end < 0) break;
    const chunk = body.subarray(at, end);
    const split = chunk.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = chunk.subarray(0, split).toString('utf8');
      parts.push({
        name: /name="([^"]*)"/i.exec(head)?.[1] ?? '',
        filename: /filename="([^"]*)"/i.exec(head)?.[1] ?? '',
        data: chunk.subarray(split + 4),
      });
    }
    at = end + delimiter.length + 2; // past the delimiter and its CRLF (or the closing "--")
  }
  return parts;
}

const isImage = (b: Buffer) =>
  (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'));

export function uploadMedia(ctx: SbxCtx, type: string | null, body: Buffer | string): Reply {
  if (!type || !(MEDIA_TYPES as readonly string[]).includes(type))
    return fail(ERR.invalidMediaType, 'invalid media type');
  const media = partsOf(Buffer.isBuffer(body) ? body : Buffer.from(body)).find((p) => p.name === 'media');
  if (!media) return fail(ERR.invalidParam, 'missing the multipart part "media"');
  const size = media.data.length;
  if (size < WECOM_LIMITS.media.minBytes || size > WECOM_LIMITS.media.maxBytes[type as MediaType])
    return fail(ERR.invalidFileSize, `invalid file size ${size}`);
  if (type === 'image' && !isImage(media.data)) return fail(ERR.invalidFileType, 'invalid file type (JPG or PNG)');
  const media_id = `3${sbxId.code(36)}`;
  ctx.corp.media.set(media_id, { media_id, type, filename: media.filename, size, createdAt: ctx.now });
  return okReply({ type, media_id, created_at: String(unix(ctx.now)) });
}

/** The media_id an attachment names, if any. */
export function mediaIdOf(a: Attachment): string | undefined {
  switch (a.msgtype) {
    case 'image':
      return a.image.media_id;
    case 'link':
      return a.link.media_id;
    case 'miniprogram':
      return a.miniprogram.pic_media_id;
    case 'video':
      return a.video.media_id;
    case 'file':
      return a.file.media_id;
  }
}

export function liveMedia(ctx: SbxCtx, mediaId: string): boolean {
  const m = ctx.corp.media.get(mediaId);
  return Boolean(m && ctx.now - m.createdAt <= WECOM_LIMITS.media.validMs);
}
