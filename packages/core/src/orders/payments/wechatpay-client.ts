/**
 * A signed HTTP client for WeChat Pay API v3: signs every request with the merchant key, verifies
 * every 2xx answer with the platform key named by `Wechatpay-Serial`, and turns WeChat's
 * `{code, message}` errors into `PaymentError`s.
 */
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../platform';
import { loadPrivateKey } from './keys';
import { PaymentError, type PaymentErrorCode } from './provider';
import { signRequest } from './wechatpay-signing';
import {
  buildKeyring,
  verifyWechatpayMessage,
  type WechatPayKeyring,
  type WechatPayPlatformKey,
} from './wechatpay-verify';

export const WECHATPAY_BASE_URL = 'https://api.mch.weixin.qq.com';

export type WechatPayConfig = {
  mchid: string;
  /** The mini-program / official-account / app id the payments are made under. */
  appid: string;
  /** `apiclient_key.pem` (PKCS#8; PKCS#1 accepted). */
  merchantPrivateKey: string | KeyObject;
  /** The serial number of the merchant API certificate. */
  merchantSerial: string;
  /** The 32-character APIv3 key set in the merchant console. */
  apiV3Key: string;
  /** Platform certificates and/or WeChat Pay public keys; selected by the incoming `Wechatpay-Serial`. */
  platformKeys: readonly WechatPayPlatformKey[];
  /** Sent as `Wechatpay-Serial` so WeChat signs answers with that key (default: the first platform key). */
  preferredSerial?: string;
  /** Default https://api.mch.weixin.qq.com; the sandbox's URL in demo mode. */
  baseUrl?: string;
  clock: Clock;
  maxSkewMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type WechatPayResponse = { status: number; json: Record<string, unknown> | null; raw: Buffer };

export type WechatPayClient = {
  config: WechatPayConfig;
  keyring: WechatPayKeyring;
  merchantKey: KeyObject;
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<WechatPayResponse>;
};

export function createWechatPayClient(config: WechatPayConfig): WechatPayClient {
  const merchantKey = loadPrivateKey(config.merchantPrivateKey, 'WeChat Pay merchant private key');
  const keyring = buildKeyring(config.platformKeys);
  const baseUrl = (config.baseUrl ?? WECHATPAY_BASE_URL).replace(/\/+$/, '');
  const doFetch = config.fetch ?? fetch;
  const preferredSerial = config.preferredSerial ?? [...keyring.keys()][0]!;

  async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<WechatPayResponse> {
    const url = new URL(baseUrl + path);
    const text = body === undefined ? '' : JSON.stringify(body);
    const authorization = signRequest({
      method,
      urlPath: url.pathname + url.search,
      body: text,
      mchid: config.mchid,
      serialNo: config.merchantSerial,
      key: merchantKey,
      now: config.clock.now(),
    });
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: 'application/json',
      'User-Agent': 'siyu-payments/1 (node)',
      'Wechatpay-Serial': preferredSerial,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : text,
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      throw new PaymentError('PROVIDER_UNAVAILABLE', `WeChat Pay did not answer ${method} ${url.pathname}`, { cause });
    }
    const raw = Buffer.from(await res.arrayBuffer());
    if (res.status < 200 || res.status >= 300) throw wechatpayError(res.status, raw);
    verifyWechatpayMessage({
      headers: Object.fromEntries(res.headers),
      body: raw,
      keyring,
      clock: config.clock,
      maxSkewMs: config.maxSkewMs,
    });
    return { status: res.status, json: raw.length ? parseJson(raw) : null, raw };
  }

  return { config, keyring, merchantKey, request };
}

function parseJson(raw: Buffer): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {}
  throw new PaymentError('MALFORMED', 'WeChat Pay answered with something other than a JSON object');
}

const BY_WECHAT_CODE: Record<string, PaymentErrorCode> = {
  SIGN_ERROR: 'UNAUTHORIZED',
  ORDER_NOT_EXIST: 'NOT_FOUND',
  RESOURCE_NOT_EXISTS: 'NOT_FOUND',
  ORDERPAID: 'ALREADY_PAID',
  ORDER_CLOSED: 'ORDER_CLOSED',
  FREQUENCY_LIMITED: 'RATE_LIMITED',
  SYSTEM_ERROR: 'PROVIDER_UNAVAILABLE',
  SYSTEMERROR: 'PROVIDER_UNAVAILABLE',
  BANK_ERROR: 'PROVIDER_UNAVAILABLE',
};

/** WeChat's error body is `{"code":"…","message":"…","detail":{…}}`; the HTTP status matters too. */
export function wechatpayError(status: number, raw: Buffer): PaymentError {
  let providerCode: string | undefined;
  let message = `WeChat Pay answered HTTP ${status}`;
  try {
    const body = JSON.parse(raw.toString('utf8')) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string') providerCode = body.code;
    if (typeof body.message === 'string') message = `WeChat Pay: ${body.message}`;
  } catch {}
  let code: PaymentErrorCode = providerCode ? (BY_WECHAT_CODE[providerCode] ?? 'REJECTED') : 'REJECTED';
  if (status === 401) code = 'UNAUTHORIZED';
  else if (status === 404) code = 'NOT_FOUND';
  else if (status === 429) code = 'RATE_LIMITED';
  else if (status >= 500) code = 'PROVIDER_UNAVAILABLE';
  return new PaymentError(code, message, { httpStatus: status, providerCode });
}
