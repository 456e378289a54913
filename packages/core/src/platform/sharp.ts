type Sharp = typeof import('sharp').default;
let loaded: Promise<Sharp> | null = null;

/**
 * sharp (libvips), loaded on first use: it adds ~25 MB to a process, and most requests never touch an
 * image (catalog pictures and their variants, QR codes drawn for print). No libvips operation cache:
 * each image is processed once, and the cache would only hold memory.
 */
export function sharpLib(): Promise<Sharp> {
  loaded ??= import('sharp').then((m) => {
    const sharp = m.default as Sharp;
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}
