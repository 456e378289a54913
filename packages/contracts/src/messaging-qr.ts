import { z } from 'zod';
import { idOf } from './common';
import { route } from './routes';

/**
 * QR downloads of WeCom codes (渠道活码 live codes; group codes reuse the same core function): WeCom
 * gives a contact way or join way only as `qr_code`, an image URL. Siyu reads the code's content
 * from that image and draws it again at print sizes, as PNG or SVG, error correction H, with the
 * tenant's brand logo in the middle. docs/wecom.md, section QR downloads.
 */
export const QR_FORMATS = ['png', 'svg'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

/**
 * Side lengths in pixels: WeChat's download set for codes, by print size and scanning distance —
 * 8 cm (258 px, 0.5 m), 12 cm (344 px, 0.8 m), 15 cm (430 px, 1 m), 30 cm (860 px, 1.5 m),
 * 50 cm (1280 px, 2.5 m). The SVG is a vector: the size is its width and height attributes.
 */
export const QR_SIZES = [258, 344, 430, 860, 1280] as const;
export type QrSize = (typeof QR_SIZES)[number];
export const QR_SIZE_CM: Record<QrSize, number> = { 258: 8, 344: 12, 430: 15, 860: 30, 1280: 50 };

export const QR_LIMITS = {
  /** Reading a code's image (WeCom's CDN, the demo sandbox) or a logo gives up after this. */
  fetchTimeoutMs: 8000,
  /** A code image or logo larger than this is refused (WeCom's qr_code images are ~10–40 KB). */
  maxImageBytes: 5 * 1024 * 1024,
  /** Decoded contents kept in process, by image URL (a code's content never changes). */
  contentCacheEntries: 500,
  /** Brand logos kept in process, by logo. */
  logoCacheEntries: 50,
  /** The logo and its white margin cover at most this share of the code's width (H corrects 30%). */
  logoMaxRatio: 0.2,
  /** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
  quietZoneModules: 4,
} as const;

const SIZE_MESSAGE = `must be one of ${QR_SIZES.join(', ')} (pixels)`;
export const QrSizeParam = z.coerce
  .number({ error: SIZE_MESSAGE })
  .refine((n): n is QrSize => (QR_SIZES as readonly number[]).includes(n), { message: SIZE_MESSAGE });

export const QrDownloadQuery = z.object({
  format: z.enum(QR_FORMATS, { error: 'must be png or svg' }).default('png'),
  size: QrSizeParam.default(430),
  logo: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true')
    .describe('draw the brand logo (or the brand initial) in the middle'),
});
export type QrDownloadQuery = z.input<typeof QrDownloadQuery>;

const QrFile = z.string().describe('the file itself (image/png or image/svg+xml), as an attachment');

export const liveCodeQrRoutes = {
  download: route({
    method: 'GET',
    path: '/admin/live-codes/:id/qr',
    audience: 'admin',
    permission: 'channels.read',
    summary:
      "A live code's QR code as a PNG or SVG file of a print size, error correction H, with the brand logo " +
      '(named <code name>-<size>.<format>)',
    params: z.object({ id: idOf('lc') }),
    query: QrDownloadQuery,
    response: QrFile,
  }),
};
