/** A QR code of a landing page's public address, as SVG (for staff to print or share). */
import QRCode from 'qrcode';
import type { Ctx } from '../../platform';
import { getLandingPage, type LandingOpts } from './landing.service';

export async function landingQrSvg(
  ctx: Ctx,
  id: string,
  opts: LandingOpts,
): Promise<{ svg: string; fileName: string }> {
  const page = await getLandingPage(ctx, id, opts);
  // M: a URL, printed or on a screen; 4 modules of quiet zone as ISO/IEC 18004 asks.
  const svg = await QRCode.toString(page.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 512 });
  return { svg, fileName: `landing-${page.slug}.svg` };
}
