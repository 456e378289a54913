/**
 * Money in the catalog is integer fen. People type yuan with up to two decimals; the text is parsed
 * digit by digit (never through a float), so "19.99" is exactly 1999 fen.
 */

/** Largest price the contracts accept: ¥100,000,000. */
export const MAX_FEN = 100_000_000_00;

const YUAN = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/** "12.3" → 1230, "0.05" → 5, "" → null; undefined when the text is not a yuan amount with ≤ 2 decimals. */
export function parseYuan(text: string | null | undefined): number | null | undefined {
  const s = (text ?? '').trim().replace(/^¥/, '').replaceAll(',', '');
  if (s === '') return null;
  const m = YUAN.exec(s);
  if (!m) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > MAX_FEN ? undefined : fen;
}

/** 1230 → "12.30" (for an input); null → "". */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "¥1,234.56". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "¥12.00" or "¥12.00 – ¥18.00". */
export const formatFenRange = (min: number, max: number) =>
  min === max ? formatFen(min) : `${formatFen(min)} – ${formatFen(max)}`;
