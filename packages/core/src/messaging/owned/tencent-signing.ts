/**
 * Tencent Cloud API 3.0 signature v3 (TC3-HMAC-SHA256), as documented in "签名方法 v3 / Signature v3":
 *   CanonicalRequest = METHOD \n URI \n QUERY \n CanonicalHeaders \n SignedHeaders \n hex(SHA256(payload))
 *   StringToSign = "TC3-HMAC-SHA256" \n timestamp \n date/service/tc3_request \n hex(SHA256(CanonicalRequest))
 *   key = HMAC(HMAC(HMAC("TC3" + SecretKey, date), service), "tc3_request"); Signature = hex(HMAC(key, StringToSign))
 * The date is the UTC date of the timestamp. We sign content-type and host (the documented minimum).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TC3 = 'TC3-HMAC-SHA256';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest();

export type Tc3Request = {
  method: string;
  /** Header names and values taking part in the signature (names any case). */
  headers: Record<string, string>;
  payload: string;
  query?: string;
  timestamp: number;
  service: string;
};

export const utcDate = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10);

function canonicalHeaders(headers: Record<string, string>) {
  const entries = Object.entries(headers)
    .map(([k, v]) => [k.trim().toLowerCase(), v.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: entries.map(([k, v]) => `${k}:${v}\n`).join(''),
    signed: entries.map(([k]) => k).join(';'),
  };
}

export function tc3CanonicalRequest(r: Tc3Request) {
  const h = canonicalHeaders(r.headers);
  return [r.method.toUpperCase(), '/', r.query ?? '', h.canonical, h.signed, sha256Hex(r.payload)].join('\n');
}

export function tc3StringToSign(r: Tc3Request) {
  const scope = `${utcDate(r.timestamp)}/${r.service}/tc3_request`;
  return [TC3, String(r.timestamp), scope, sha256Hex(tc3CanonicalRequest(r))].join('\n');
}

export function tc3Signature(r: Tc3Request, secretKey: string) {
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, utcDate(r.timestamp)), r.service), 'tc3_request');
  return createHmac('sha256', signing).update(tc3StringToSign(r), 'utf8').digest('hex');
}

export function tc3Authorization(r: Tc3Request, secretId: string, secretKey: string) {
  const scope = `${utcDate(r.timestamp)}/${r.service}/tc3_request`;
  const signed = canonicalHeaders(r.headers).signed;
  return `${TC3} Credential=${secretId}/${scope}, SignedHeaders=${signed}, Signature=${tc3Signature(r, secretKey)}`;
}

export type ParsedAuthorization = {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
};

/** Reads an Authorization header; null when it is not a TC3 one. */
export function parseTc3Authorization(value: string | undefined): ParsedAuthorization | null {
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      value ?? '',
    );
  if (!m) return null;
  return { secretId: m[1]!, date: m[2]!, service: m[3]!, signedHeaders: m[4]!.split(';'), signature: m[5]! };
}

export function sameHex(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
