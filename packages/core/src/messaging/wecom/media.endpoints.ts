/**
 * 上传临时素材 media/upload (doc 90253): a multipart/form-data POST with the file in the part named
 * `media`; the answer's media_id is valid 3 days. Welcome messages need one for a mini-program card's
 * cover (`pic_media_id`); images may use a pic_url instead.
 */
import { z } from 'zod';
import { ok } from './endpoint';

export const MEDIA_TYPES = ['image', 'voice', 'video', 'file'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const UPLOAD_MEDIA_PATH = '/cgi-bin/media/upload';
export const uploadMediaResponse = ok.extend({
  type: z.string(),
  media_id: z.string().min(1),
  created_at: z.union([z.string(), z.number()]),
});
export type UploadedMedia = z.infer<typeof uploadMediaResponse>;

export type MediaFile = { filename: string; contentType: string; data: Buffer };
