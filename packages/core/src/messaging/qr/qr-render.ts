/**
 * Drawing a QR code for print: error correction H (30% of the code may be covered), a quiet zone of
 * 4 modules, an optional logo in the middle on a white rounded square covering at most 20% of the
 * code's width. The SVG is in module units (viewBox `0 0 n n`, width and height the size in pixels)
 * with the logo as an <image> data URI; the PNG is that SVG drawn by sharp at the exact size.
 */
import { QR_LIMITS, QR_SIZES, type QrFormat, type QrSize } from '@siyu/contracts';
import QRCode from 'qrcode';
import { invalid } from '../../platform';
import { sharpLib } from '../../platform';

export type QrRenderInput = {
  content: string;
  format: QrFormat;
  size: number;
  /** A square PNG drawn in the middle, or null for a plain code. */
  logo: Buffer | null;
};

/** Refuses a size that is not one of QR_SIZES (400 naming `size`). */
export function checkQrSize(size: number): QrSize {
  if (!(QR_SIZES as readonly number[]).includes(size))
    throw invalid('size', `must be one of ${QR_SIZES.join(', ')} (pixels)`);
  return size as QrSize;
}

/** The modules of the code as one SVG path of unit squares, offset by the quiet zone. */
function modulePath(modules: { size: number; get(row: number, col: number): number | boolean }, offset: number) {
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + offset} ${row + offset}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}

/** The logo's white square and the image inside it, centred, in module units. */
function logoMarkup(logo: Buffer, symbol: number, total: number) {
  const box = Math.floor(symbol * QR_LIMITS.logoMaxRatio * 100) / 100;
  const at = (total - box) / 2;
  const inset = box * 0.1;
  const href = `data:image/png;base64,${logo.toString('base64')}`;
  return (
    `<rect x="${at}" y="${at}" width="${box}" height="${box}" rx="${box * 0.18}" fill="#ffffff"/>` +
    `<image x="${at + inset}" y="${at + inset}" width="${box - 2 * inset}" height="${box - 2 * inset}" ` +
    `preserveAspectRatio="xMidYMid meet" href="${href}" xlink:href="${href}"/>`
  );
}

/** The code as an SVG document, `size` pixels wide. */
export function qrSvg(content: string, size: number, logo: Buffer | null): string {
  checkQrSize(size);
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'H' });
  const quiet = QR_LIMITS.quietZoneModules;
  const total = modules.size + 2 * quiet;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${size}" height="${size}" viewBox="0 0 ${total} ${total}">` +
    `<rect width="${total}" height="${total}" fill="#ffffff"/>` +
    `<path fill="#000000" shape-rendering="crispEdges" d="${modulePath(modules, quiet)}"/>` +
    (logo ? logoMarkup(logo, modules.size, total) : '') +
    '</svg>'
  );
}

/** The code as a PNG of exactly `size` × `size` pixels. */
export async function qrPng(content: string, size: number, logo: Buffer | null): Promise<Buffer> {
  const svg = qrSvg(content, size, logo);
  const sharp = await sharpLib();
  return sharp(Buffer.from(svg))
    .resize(size, size, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .png({ palette: !logo, compressionLevel: 9 })
    .toBuffer();
}

/** The code drawn in `format`: PNG bytes or SVG text as bytes. */
export async function renderQr({ content, format, size, logo }: QrRenderInput): Promise<Buffer> {
  return format === 'svg' ? Buffer.from(qrSvg(content, size, logo), 'utf8') : qrPng(content, size, logo);
}
