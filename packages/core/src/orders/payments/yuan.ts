/**
 * Alipay states money as a yuan string with at most two decimals ("12.30"); we keep integer fen.
 * Converted by string, never through a float.
 */
import { PaymentError } from './provider';

const YUAN = /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/;

/** "12.30" → 1230, "12.3" → 1230, "100" → 10000, "0.01" → 1. Anything else throws MALFORMED. */
export function yuanToFen(yuan: string): number {
  const m = YUAN.exec(yuan);
  if (!m) throw new PaymentError('MALFORMED', `Not a yuan amount: ${JSON.stringify(yuan)}`);
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(cents);
}

/** 1230 → "12.30", 1 → "0.01". Only non-negative safe integers. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new PaymentError('INVALID_INPUT', `Not an amount in fen: ${fen}`);
  const s = String(fen).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
