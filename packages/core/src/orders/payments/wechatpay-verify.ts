import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../platform';

import { headerValue, type NotificationHeaders, PaymentError } from './provider';
import { certificateSerial, loadPublicKey, rsaVerify } from './keys';
import { responseMessage } from './wechatpay-signing';

/** WeChat rejects requests whose timestamp is 5 minutes off; we hold its messages to the same rule. */
export const WECHATPAY_MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * One WeChat verification key: a platform certificate (serial = certificate serial number, derived
 * when omitted) or a WeChat Pay public key (serial = its `PUB_KEY_ID_…`). Keep several during a
 * rotation or a switch of modes; the incoming `Wechatpay-Serial` selects one.
 */
export type WechatPayPlatformKey = { serial?: string; key: string | KeyObject };

export type WechatPayKeyring = ReadonlyMap<string, KeyObject>;

export function buildKeyring(keys: readonly WechatPayPlatformKey[]): WechatPayKeyring {
  const ring = new Map<string, KeyObject>();
  for (const k of keys) {
    let serial = k.serial;
    if (!serial && typeof k.key === 'string' && k.key.includes('BEGIN CERTIFICATE')) serial = certificateSerial(k.key);
    if (!serial) throw new PaymentError('CONFIG', 'A WeChat Pay public key needs its serial (PUB_KEY_ID_…)');
    ring.set(serial, loadPublicKey(k.key, `WeChat Pay key ${serial}`));
  }
  if (ring.size === 0) throw new PaymentError('CONFIG', 'At least one WeChat Pay platform certificate or public key');
  return ring;
}

export type SignedHeaders = { serial: string; timestamp: string; nonce: string; signature: string };

export function readSignedHeaders(headers: NotificationHeaders): SignedHeaders {
  const serial = headerValue(headers, 'Wechatpay-Serial');
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(headers, 'Wechatpay-Nonce');
  const signature = headerValue(headers, 'Wechatpay-Signature');
  if (!serial || !timestamp || !nonce || !signature) {
    throw new PaymentError('BAD_SIGNATURE', 'Missing one of the Wechatpay-Serial/Timestamp/Nonce/Signature headers');
  }
  return { serial, timestamp, nonce, signature };
}

/**
 * Verifies a response or notification from WeChat Pay: the serial must be known, the timestamp
 * within `maxSkewMs` of the clock, and the signature valid over `timestamp\nnonce\nraw-body\n`.
 */
export function verifyWechatpayMessage(opts: {
  headers: NotificationHeaders;
  body: Buffer | string;
  keyring: WechatPayKeyring;
  clock: Clock;
  maxSkewMs?: number;
}): SignedHeaders {
  const h = readSignedHeaders(opts.headers);
  const key = opts.keyring.get(h.serial);
  if (!key) throw new PaymentError('UNKNOWN_SERIAL', `No WeChat Pay certificate or public key with serial ${h.serial}`);
  if (!/^\d{1,12}$/.test(h.timestamp)) throw new PaymentError('BAD_SIGNATURE', 'Wechatpay-Timestamp is not a number');
  const skew = Math.abs(opts.clock.now().getTime() - Number(h.timestamp) * 1000);
  if (skew > (opts.maxSkewMs ?? WECHATPAY_MAX_SKEW_MS)) {
    throw new PaymentError(
      'STALE_TIMESTAMP',
      `Wechatpay-Timestamp ${h.timestamp} is ${Math.round(skew / 1000)} s away`,
    );
  }
  if (!rsaVerify(responseMessage(h.timestamp, h.nonce, opts.body), h.signature, key)) {
    throw new PaymentError('BAD_SIGNATURE', `The Wechatpay-Signature does not verify with key ${h.serial}`);
  }
  return h;
}
