/** Prices arrive in integer fen (R12); the shop shows yuan with two decimals: 1230 → ¥12.30. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The number part only (no ¥), for prices drawn with a small currency sign: 1230 → '12.30'. */
export const fenDigits = (fen: number) => formatFen(fen).replace('¥', '');

/**
 * A price typed by a shopper in yuan ('12', '12.3', '12.30') as fen, or null when empty or not a price.
 * Parsed as text so 0.1 + 0.2 never happens.
 */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,8})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** fen → the text a price field shows: 1230 → '12.3', 1200 → '12'. */
export const yuanText = (fen: number | undefined) =>
  fen === undefined
    ? ''
    : fenDigits(fen)
        .replace(/\.00$/, '')
        .replace(/(\.\d)0$/, '$1');
