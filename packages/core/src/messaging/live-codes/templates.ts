/**
 * Template variables ({昵称} {渠道} {员工} {日期}, LIVE_CODE_VARIABLES in contracts) and the welcome
 * message in WeCom's send_welcome_msg shape.
 */
import type { Attachment } from '../wecom/endpoint';
import type { StoredAttachment } from './live-codes.types';

export type TemplateValues = { nickname: string; channel: string; staff: string; date: string };

export function renderTemplate(template: string, v: TemplateValues): string {
  const values: Record<string, string> = { 昵称: v.nickname, 渠道: v.channel, 员工: v.staff, 日期: v.date };
  return template.replace(/\{([^{}]*)\}/g, (m, k: string) => values[k] ?? m);
}

/** Cut to `max` characters (code points, so a Chinese character or emoji is never split). */
export const cut = (s: string, max: number) => [...s].slice(0, max).join('');

/** Mini-program covers as WeCom media: picture URL → media_id (media.service.ts). */
export type Covers = ReadonlyMap<string, string>;

/** One attachment in WeCom's shape; null for a mini-program card whose cover is not uploaded. */
function toWecom(a: StoredAttachment, v: TemplateValues, covers: Covers): Attachment | null {
  switch (a.type) {
    case 'image':
      return { msgtype: 'image', image: { pic_url: a.url } };
    case 'link':
      return {
        msgtype: 'link',
        link: {
          title: renderTemplate(a.title, v),
          url: a.url,
          ...(a.desc ? { desc: renderTemplate(a.desc, v) } : {}),
          ...(a.picUrl ? { picurl: a.picUrl } : {}),
        },
      };
    case 'miniprogram': {
      // WeCom wants the cover as pic_media_id (media/upload), not as a URL
      const media = covers.get(a.picUrl);
      return media
        ? { msgtype: 'miniprogram', miniprogram: { title: a.title, appid: a.appid, page: a.page, pic_media_id: media } }
        : null;
    }
  }
}

/** The cover URLs of the mini-program cards among the attachments that will be sent. */
export const coverUrls = (attachments: StoredAttachment[]) => [
  ...new Set(attachments.flatMap((a) => (a.type === 'miniprogram' ? [a.picUrl] : []))),
];

export type WelcomePayload = { text?: { content: string }; attachments?: Attachment[] };

/** The send_welcome_msg body (without welcome_code); null when there is nothing to send. */
export function welcomePayload(
  message: { text: string; attachments: StoredAttachment[] },
  v: TemplateValues,
  groupQr: { name: string; qrCodeUrl: string } | null,
  maxAttachments: number,
  covers: Covers = new Map(),
): WelcomePayload | null {
  // the group code's QR goes last and always fits (it takes the ninth place if need be)
  const own = message.attachments.slice(0, groupQr ? maxAttachments - 1 : maxAttachments);
  const attachments = own.flatMap((a) => toWecom(a, v, covers) ?? []);
  if (groupQr) attachments.push({ msgtype: 'image', image: { pic_url: groupQr.qrCodeUrl } });
  const text = renderTemplate(message.text, v).trim();
  if (!text && attachments.length === 0) return null;
  return {
    ...(text ? { text: { content: text } } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
}
