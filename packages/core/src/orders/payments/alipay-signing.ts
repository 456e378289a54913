/**
 * Alipay classic gateway RSA2 (SHA256withRSA) signing and verification (opendocs.alipay.com
 * 自行实现签名 / 异步通知验签).
 */
import type { KeyObject } from 'node:crypto';
import { PaymentError } from './provider';
import { rsaSign, rsaVerify } from './keys';

export type AlipayParams = Record<string, string | undefined>;

/**
 * Request signing content: every parameter except `sign` (and those in `exclude`) and except
 * empty values, sorted by key in ASCII order, joined as `k=v` with `&`. Values are not encoded.
 */
export function signContent(params: AlipayParams, exclude: readonly string[] = ['sign']): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/** Async notification content: the same, with both `sign` and `sign_type` removed. */
export const notifyContent = (params: AlipayParams): string => signContent(params, ['sign', 'sign_type']);

export const rsa2Sign = (content: string, key: KeyObject): string => rsaSign(Buffer.from(content, 'utf8'), key);

export const rsa2Verify = (content: string, sign: string, key: KeyObject): boolean =>
  rsaVerify(Buffer.from(content, 'utf8'), sign, key);

/** Adds `sign` over the request content. */
export function signParams(params: AlipayParams, key: KeyObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') out[k] = v;
  out.sign = rsa2Sign(signContent(out), key);
  return out;
}

/** `alipay.trade.query` → `alipay_trade_query_response`. */
export const responseKey = (method: string): string => `${method.replaceAll('.', '_')}_response`;

/**
 * Finds the value of `"<key>":` in a gateway answer and returns its exact text (the signed
 * content, byte for byte as Alipay sent it), plus the top-level `sign` if any. Falls back to
 * `error_response`, which Alipay uses for gateway-level failures.
 */
export function extractSignedResponse(raw: string, key: string): { key: string; content: string; sign?: string } {
  for (const k of [key, 'error_response']) {
    const at = raw.indexOf(`"${k}"`);
    if (at < 0) continue;
    const colon = raw.indexOf(':', at + k.length + 2);
    let start = colon + 1;
    while (start < raw.length && /\s/.test(raw[start]!)) start++;
    if (raw[start] !== '{') break;
    const end = matchingBrace(raw, start);
    const content = raw.slice(start, end + 1);
    const rest = raw.slice(0, at) + raw.slice(end + 1);
    const sign = /"sign"\s*:\s*"([^"]*)"/.exec(rest)?.[1];
    return { key: k, content, sign };
  }
  throw new PaymentError('MALFORMED', `Alipay answered without ${key}`);
}

/** Index of the `}` closing the object that opens at `start`, skipping strings and escapes. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new PaymentError('MALFORMED', 'Alipay answered with unbalanced JSON');
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the format of `timestamp` and `time_expire`. */
export function alipayTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseAlipayTime(s: string | undefined): Date | undefined {
  // gmt_refund carries milliseconds: `2015-04-28 15:45:57.320`.
  if (!s || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,3})?$/.test(s)) return undefined;
  return new Date(`${s.replace(' ', 'T')}+08:00`);
}

/** Form fields of an async notification; values are URL-decoded by URLSearchParams. */
export function parseForm(rawBody: Buffer | string): Record<string, string> {
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
  return out;
}
