/**
 * The callback URL `/webhooks/wecom/<tenant id>`: URL verification answers the bare plaintext; a
 * delivery is verified and decrypted with the tenant's keys, stored (deduplicated by its identity),
 * then processed by a job — except the welcome path (an add with a WelcomeCode), processed at once in
 * the request because the code expires in 20 s. A signature or decryption failure changes nothing.
 */
import { AppError, type Ctx, inTransaction, newId } from '../../platform';
import { decryptCallback } from '../wecom/callback';
import { WECOM_LIMITS } from '../wecom/limits';
import { type SignedQuery, verifyUrl, WecomCryptoError } from '../wecom/crypto';
import { callbackIdentity, parseWecomEvent } from '../wecom/events';
import { insertDelivery } from './deliveries.repo';
import { processWecomDelivery } from './process.service';
import { tenantWecomSettings } from './settings.service';

export const WECOM_DELIVERY_JOB = 'messaging.wecom-delivery';

const notConfigured = () => new AppError(404, 'NOT_FOUND', 'No WeCom callback is configured at this URL');

function cryptoFailure(e: unknown): never {
  if (e instanceof WecomCryptoError) {
    const status = e.code === 'BAD_SIGNATURE' || e.code === 'RECEIVER_MISMATCH' ? 403 : 400;
    throw new AppError(status, e.code, e.message);
  }
  throw e;
}

async function keysOf(ctx: Ctx) {
  const s = await tenantWecomSettings(ctx);
  if (!s) throw notConfigured();
  return { token: s.token, encodingAesKey: s.encodingAesKey, receiveId: s.corpId };
}

/** GET: WeCom checks the URL when the admin saves it; the answer is the decrypted echostr, bare. */
export async function verifyWecomCallbackUrl(ctx: Ctx, q: SignedQuery & { echostr: string }) {
  const keys = await keysOf(ctx);
  try {
    return verifyUrl(keys, q);
  } catch (e) {
    cryptoFailure(e);
  }
}

export type ReceivedDelivery = {
  deliveryId: string;
  duplicate: boolean;
  /** The welcome path ran in the request: how it went. */
  immediate?: { status: 'processed' | 'failed'; error?: string | null };
};

export async function receiveWecomCallback(ctx: Ctx, q: SignedQuery, body: Buffer): Promise<ReceivedDelivery> {
  const keys = await keysOf(ctx);
  let decrypted: ReturnType<typeof decryptCallback>;
  try {
    decrypted = decryptCallback(keys, q, body);
  } catch (e) {
    cryptoFailure(e);
  }
  const fields = decrypted.fields;
  const event = parseWecomEvent(fields);
  const identity = callbackIdentity(fields);
  const now = ctx.clock.now();
  const welcome = event.kind === 'contact' && Boolean(event.welcomeCode);
  const stored = await inTransaction(ctx, async (tx) => {
    const row = await insertDelivery(tx.db, {
      tenantId: tx.tenantId,
      id: newId('wcd', now),
      identity,
      corpId: keys.receiveId,
      event: String(fields.Event ?? fields.MsgType ?? ''),
      changeType: fields.ChangeType == null ? null : String(fields.ChangeType),
      format: decrypted.format,
      fields,
      status: 'received',
      receivedAt: now,
    });
    // the welcome path is processed below, in this request; its job is only the safety net (a crash)
    const later = welcome ? { startAfter: new Date(now.getTime() + WECOM_LIMITS.callback.safetyNetDelayMs) } : {};
    if (row) await tx.enqueue(WECOM_DELIVERY_JOB, { tenantId: tx.tenantId, deliveryId: row.id }, later);
    return row;
  });
  if (!stored) return { deliveryId: '', duplicate: true };
  if (!welcome) return { deliveryId: stored.id, duplicate: false };
  const r = await processWecomDelivery(ctx, stored.id);
  return { deliveryId: stored.id, duplicate: false, immediate: r };
}
