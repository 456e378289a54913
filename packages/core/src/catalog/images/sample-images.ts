import { sharpLib } from '../../platform';
export type SampleImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/**
 * A picture drawn from scratch: a soft two-colour gradient with a round highlight, in the format asked.
 * Used by the demo seed (product covers without shipping photos) and by tests that need real image bytes.
 */
export async function drawSampleImage(
  width: number,
  height: number,
  colours: [string, string],
  format: SampleImageFormat,
) {
  const r = Math.round(Math.min(width, height) * 0.28);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${colours[0]}"/><stop offset="1" stop-color="${colours[1]}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${Math.round(width / 2)}" cy="${Math.round(height / 2)}" r="${r}" fill="#ffffff" fill-opacity="0.35"/>
  </svg>`;
  return (await sharpLib())(Buffer.from(svg)).toFormat(format).toBuffer();
}
