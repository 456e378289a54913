/**
 * WeChat Pay API v3 signatures (pay.weixin.qq.com 签名生成 / 签名验证): SHA256withRSA over
 * newline-terminated lines, Base64. Requests are signed with the merchant key; responses and
 * notifications are verified with the platform certificate or WeChat Pay public key named by
 * `Wechatpay-Serial`, over the raw body bytes.
 */
import { type KeyObject, randomBytes } from 'node:crypto';
import { rsaSign } from './keys';

export const WECHATPAY_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

/** `METHOD\nURL-path?query\ntimestamp\nnonce\nbody\n` (empty body line for GET). */
export function requestMessage(method: string, urlPath: string, timestamp: string, nonce: string, body = ''): string {
  return `${method.toUpperCase()}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** `Wechatpay-Timestamp\nWechatpay-Nonce\nbody\n` over the exact bytes received. */
export function responseMessage(timestamp: string, nonce: string, body: Buffer | string): Buffer {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), raw, Buffer.from('\n', 'utf8')]);
}

/** The four lines signed for `wx.requestPayment`: `appId\ntimeStamp\nnonceStr\nprepay_id=…\n`. */
export function payMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`;
}

/** 32 upper-case alphanumerics from node:crypto, as the WeChat examples use. */
export function newNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = '';
  for (const b of randomBytes(32)) out += alphabet[b % 36];
  return out;
}

export const unixSeconds = (d: Date): string => String(Math.floor(d.getTime() / 1000));

export type AuthorizationParts = {
  mchid: string;
  nonce_str: string;
  timestamp: string;
  serial_no: string;
  signature: string;
};

export function authorizationHeader(p: AuthorizationParts): string {
  return `${WECHATPAY_SCHEMA} mchid="${p.mchid}",nonce_str="${p.nonce_str}",timestamp="${p.timestamp}",serial_no="${p.serial_no}",signature="${p.signature}"`;
}

/** Parses our own header back (the sandbox's side of the protocol); null when it is not one. */
export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header?.startsWith(`${WECHATPAY_SCHEMA} `)) return null;
  const parts: Record<string, string> = {};
  for (const m of header.slice(WECHATPAY_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    parts[m[1]!] = m[2]!;
  }
  const { mchid, nonce_str, timestamp, serial_no, signature } = parts;
  if (!mchid || !nonce_str || !timestamp || !serial_no || !signature) return null;
  return { mchid, nonce_str, timestamp, serial_no, signature };
}

/** Signs one API request and returns the Authorization header value. */
export function signRequest(opts: {
  method: string;
  urlPath: string;
  body: string;
  mchid: string;
  serialNo: string;
  key: KeyObject;
  now: Date;
  nonce?: string;
}): string {
  const timestamp = unixSeconds(opts.now);
  const nonce = opts.nonce ?? newNonce();
  const signature = rsaSign(requestMessage(opts.method, opts.urlPath, timestamp, nonce, opts.body), opts.key);
  return authorizationHeader({ mchid: opts.mchid, nonce_str: nonce, timestamp, serial_no: opts.serialNo, signature });
}
