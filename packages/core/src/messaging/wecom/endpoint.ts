/**
 * One WeCom endpoint = method + path + zod schemas of the request and of the success answer. The
 * client sends through these; the sandbox routes and validates with the very same definitions.
 */
import { z } from 'zod';

export type Endpoint<Req = unknown, Res = unknown> = {
  method: 'GET' | 'POST';
  /** Under https://qyapi.weixin.qq.com, e.g. `/cgi-bin/externalcontact/add_contact_way`. */
  path: string;
  request: z.ZodType<Req>;
  response: z.ZodType<Res>;
};

export const endpoint = <Req, Res>(
  method: 'GET' | 'POST',
  path: string,
  request: z.ZodType<Req>,
  response: z.ZodType<Res>,
): Endpoint<Req, Res> => ({ method, path, request, response });

/** The `{errcode, errmsg}` every answer carries. */
export const ok = z.object({ errcode: z.literal(0), errmsg: z.string() });
export type Ok = z.infer<typeof ok>;
export const noInput = z.object({});

export const cursorPage = { cursor: z.string().optional(), limit: z.number().int().positive().optional() };

/** Message attachments, shared by send_welcome_msg, add_msg_template and add_moment_task (doc 92599). */
export const attachment = z.discriminatedUnion('msgtype', [
  z.object({
    msgtype: z.literal('image'),
    image: z.object({ media_id: z.string().optional(), pic_url: z.string().optional() }),
  }),
  z.object({
    msgtype: z.literal('link'),
    link: z.object({
      title: z.string().min(1),
      picurl: z.string().optional(),
      desc: z.string().optional(),
      url: z.string().min(1),
      media_id: z.string().optional(),
    }),
  }),
  z.object({
    msgtype: z.literal('miniprogram'),
    miniprogram: z.object({ title: z.string(), pic_media_id: z.string(), appid: z.string(), page: z.string() }),
  }),
  z.object({ msgtype: z.literal('video'), video: z.object({ media_id: z.string() }) }),
  z.object({ msgtype: z.literal('file'), file: z.object({ media_id: z.string() }) }),
]);
export type Attachment = z.infer<typeof attachment>;
export const textContent = z.object({ content: z.string() });
