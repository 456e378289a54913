/**
 * Alipay classic gateway (`gateway.do`) client: RSA2-signed parameters, page-pay URLs, and
 * `execute` for the JSON APIs, whose `<method>_response` text is verified before it is parsed.
 */
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../platform';
import { alipayTime, extractSignedResponse, responseKey, rsa2Verify, signParams } from './alipay-signing';
import { loadPrivateKey, loadPublicKey } from './keys';
import { PaymentError, type PaymentErrorCode } from './provider';

export const ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';

export type AlipayConfig = {
  appId: string;
  /** The application private key: PKCS#8 (what Alipay's key tool emits) or PKCS#1, PEM or bare Base64. */
  appPrivateKey: string | KeyObject;
  /** The Alipay public key (public-key mode), PEM or the bare Base64 from the console. */
  alipayPublicKey: string | KeyObject;
  /** The merchant's Alipay user id (2088…); when set, notifications for another seller are refused. */
  sellerId?: string;
  /** Default https://openapi.alipay.com/gateway.do; the sandbox's gateway URL in demo mode. */
  gatewayUrl?: string;
  clock: Clock;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type AlipayClient = {
  config: AlipayConfig;
  alipayKey: KeyObject;
  /** The full signed parameter set of one call. */
  sign(
    method: string,
    biz: Record<string, unknown>,
    extra?: Record<string, string | undefined>,
  ): Record<string, string>;
  /** A GET URL on the gateway that opens Alipay's cashier (wap.pay / page.pay). */
  pageUrl(method: string, biz: Record<string, unknown>, extra?: Record<string, string | undefined>): string;
  /** Calls a JSON API; returns the verified `<method>_response` object when its code is 10000. */
  execute(method: string, biz: Record<string, unknown>): Promise<Record<string, unknown>>;
};

export function createAlipayClient(config: AlipayConfig): AlipayClient {
  const appKey = loadPrivateKey(config.appPrivateKey, 'Alipay application private key');
  const alipayKey = loadPublicKey(config.alipayPublicKey, 'Alipay public key');
  const gateway = config.gatewayUrl ?? ALIPAY_GATEWAY;
  const doFetch = config.fetch ?? fetch;

  const sign: AlipayClient['sign'] = (method, biz, extra = {}) =>
    signParams(
      {
        app_id: config.appId,
        method,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: alipayTime(config.clock.now()),
        version: '1.0',
        ...extra,
        biz_content: JSON.stringify(biz),
      },
      appKey,
    );

  async function execute(method: string, biz: Record<string, unknown>) {
    let res: Response;
    try {
      res = await doFetch(gateway, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(sign(method, biz)).toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      throw new PaymentError('PROVIDER_UNAVAILABLE', `Alipay did not answer ${method}`, { cause });
    }
    const text = await res.text();
    if (res.status >= 500) throw new PaymentError('PROVIDER_UNAVAILABLE', `Alipay answered HTTP ${res.status}`);
    if (res.status !== 200) throw new PaymentError('REJECTED', `Alipay answered HTTP ${res.status}`);
    const { content, sign: signature } = extractSignedResponse(text, responseKey(method));
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(content) as Record<string, unknown>;
    } catch {
      throw new PaymentError('MALFORMED', `The ${method} answer is not JSON`);
    }
    const ok = body.code === '10000';
    // Alipay signs its answers; an unsigned one can only be an error and is never taken as success.
    if (ok || signature) {
      if (!signature || !rsa2Verify(content, signature, alipayKey)) {
        throw new PaymentError('BAD_SIGNATURE', `The ${method} answer does not verify with the Alipay public key`);
      }
    }
    if (!ok) throw alipayError(body);
    return body;
  }

  return {
    config,
    alipayKey,
    sign,
    pageUrl: (method, biz, extra) => `${gateway}?${new URLSearchParams(sign(method, biz, extra)).toString()}`,
    execute,
  };
}

const BY_SUB_CODE: Record<string, PaymentErrorCode> = {
  'isv.invalid-signature': 'UNAUTHORIZED',
  'isv.invalid-app-id': 'UNAUTHORIZED',
  'isv.missing-signature': 'UNAUTHORIZED',
  'ACQ.TRADE_NOT_EXIST': 'NOT_FOUND',
  'ACQ.TRADE_HAS_SUCCESS': 'ALREADY_PAID',
  'ACQ.TRADE_HAS_CLOSE': 'ORDER_CLOSED',
  'ACQ.SYSTEM_ERROR': 'PROVIDER_UNAVAILABLE',
  'aop.ACQ.SYSTEM_ERROR': 'PROVIDER_UNAVAILABLE',
};

/** `{code, msg, sub_code, sub_msg}` → PaymentError; 20000 is Alipay's "service unavailable". */
export function alipayError(body: Record<string, unknown>): PaymentError {
  const code = String(body.code ?? '');
  const subCode = typeof body.sub_code === 'string' ? body.sub_code : undefined;
  const message = `Alipay ${code} ${String(body.sub_msg ?? body.msg ?? '')}`.trim();
  let mapped: PaymentErrorCode = subCode ? (BY_SUB_CODE[subCode] ?? 'REJECTED') : 'REJECTED';
  if (code === '20000') mapped = 'PROVIDER_UNAVAILABLE';
  if (code === '20001') mapped = 'UNAUTHORIZED';
  return new PaymentError(mapped, message, { httpStatus: 200, providerCode: subCode ?? code });
}
