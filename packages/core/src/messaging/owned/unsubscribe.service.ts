/**
 * Opt-outs that come from the person: the signed link in every email (List-Unsubscribe, one-click
 * POST per RFC 8058) and an SMS reply such as "T" pushed by the provider (回T退订). Both are recorded
 * as the customer's consent through the customers domain.
 */
import { optOutOwnChannel, optOutPhone } from '../../customers';
import { type Ctx, notFound } from '../../platform';
import { normalizePhone } from './sms-sender';
import { openSecret, type SmsConfigJson } from './settings.model';
import { channelSettingsOf } from './settings.repo';
import { readUnsubscribeToken, type UnsubscribeClaim } from './unsubscribe';

async function rowOf(ctx: Ctx, channel: 'sms' | 'email') {
  return (await channelSettingsOf(ctx.db, ctx.tenantId)).find((r) => r.channel === channel) ?? null;
}

/** The claim of a link of this tenant, or a 404 (nothing said about why). */
export async function checkUnsubscribeLink(ctx: Ctx, token: string): Promise<UnsubscribeClaim> {
  const row = await rowOf(ctx, 'email');
  const key = row ? openSecret(row, 'unsubscribeKey') : null;
  const claim = key ? readUnsubscribeToken(key, token, ctx.clock.now()) : null;
  if (!claim) throw notFound('Unsubscribe link');
  return claim;
}

export async function unsubscribeByLink(ctx: Ctx, token: string) {
  const claim = await checkUnsubscribeLink(ctx, token);
  await optOutOwnChannel(ctx, claim.customerId, claim.channel, 'email_link');
  return claim;
}

/** Replies meaning "stop" (回T退订 / 拒收请回复R and their usual variants). */
const STOP_WORDS = new Set(['T', 'TD', 'R', 'N', '退订', 'STOP', 'UNSUBSCRIBE']);
export const isStopReply = (text: string) => STOP_WORDS.has(text.trim().toUpperCase());

export type SmsReply = { phone: string; text: string };

/** Handles pushed replies when the URL's token matches; returns how many customers were opted out. */
export async function handleSmsReplies(ctx: Ctx, token: string, replies: SmsReply[]) {
  const row = await rowOf(ctx, 'sms');
  const c = row?.config as SmsConfigJson | undefined;
  if (!c?.replyToken || c.replyToken !== token) throw notFound('Reply endpoint');
  let optedOut = 0;
  for (const r of replies)
    if (isStopReply(r.text))
      optedOut += (await optOutPhone(ctx, normalizePhone(r.phone, 'national'), 'sms_reply')).length;
  return { received: replies.length, optedOut };
}
