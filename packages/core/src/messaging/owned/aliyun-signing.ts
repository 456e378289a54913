/**
 * Alibaba Cloud RPC request signing, signature version 1.0 (HMAC-SHA1), as documented in
 * "签名机制 / Signature mechanism" for RPC APIs (dysmsapi is one):
 *   CanonicalizedQueryString = sorted parameters (without Signature), each name and value percent-encoded
 *   StringToSign = METHOD + "&" + percentEncode("/") + "&" + percentEncode(CanonicalizedQueryString)
 *   Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 * Percent-encoding: A–Z a–z 0–9 - _ . ~ stay; everything else is %XY of its UTF-8 bytes, upper-case hex;
 * a space is %20 (not +), * is %2A.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export const rpcStringToSign = (method: string, params: Record<string, string>) =>
  `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;

export const signRpc = (method: string, params: Record<string, string>, accessKeySecret: string) =>
  createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params), 'utf8').digest('base64');

/** Constant-time comparison of a received signature with the expected one. */
export function verifyRpc(method: string, params: Record<string, string>, accessKeySecret: string): boolean {
  const got = Buffer.from(params.Signature ?? '');
  const want = Buffer.from(signRpc(method, params, accessKeySecret));
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Aliyun's Timestamp format: ISO 8601 in UTC without milliseconds (2016-02-23T12:46:24Z). */
export const aliyunTimestamp = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
