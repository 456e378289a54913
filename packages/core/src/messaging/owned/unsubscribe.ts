/**
 * Signed unsubscribe links: `<customer id>.<channel>.<expiry day>.<HMAC-SHA256, 16 bytes>` in
 * Base64url, keyed by the tenant's own unsubscribe key (sealed in its email settings), so a token
 * neither opens in another tenant nor can be forged for another customer or channel.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OwnedChannel } from '@siyu/contracts';
import { DAY } from '../../platform';
import { OWNED_LIMITS } from './limits';

const mac = (key: string, payload: string) =>
  createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');

export function unsubscribeToken(key: string, customerId: string, channel: OwnedChannel, now: Date) {
  const expiryDay = Math.floor(now.getTime() / DAY) + OWNED_LIMITS.unsubscribeLinkDays;
  const payload = `${customerId}.${channel}.${expiryDay}`;
  return `${payload}.${mac(key, payload)}`;
}

export type UnsubscribeClaim = { customerId: string; channel: OwnedChannel };

/** The claim of a valid, unexpired token; null for anything else. */
export function readUnsubscribeToken(key: string, token: string, now: Date): UnsubscribeClaim | null {
  const m = /^(cus_[0-9a-z]{10,32})\.(sms|email)\.(\d{1,7})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const [, customerId, channel, day, sig] = m;
  const want = Buffer.from(mac(key, `${customerId}.${channel}.${day}`));
  const got = Buffer.from(sig!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  if (Number(day) < Math.floor(now.getTime() / DAY)) return null;
  return { customerId: customerId!, channel: channel as OwnedChannel };
}

export const unsubscribeUrl = (publicUrl: string, tenantId: string, token: string) =>
  `${publicUrl}/unsubscribe/${tenantId}/${token}`;
