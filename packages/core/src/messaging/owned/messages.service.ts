/** The sent-messages log for staff: newest first, recipients masked unless the viewer may see PII. */
import type { OwnedMessage, OwnedMessageQuery } from '@siyu/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../platform';
import { OWNED_LIMITS } from './limits';
import { listMessages, type OwnedMessageRow } from './messages.repo';

export function maskRecipient(r: string) {
  if (r.includes('@')) {
    const [name = '', domain] = r.split('@');
    return `${name.slice(0, 1)}***@${domain}`;
  }
  return r.length >= 7 ? `${r.slice(0, 3)}****${r.slice(-4)}` : '****';
}

const canSeePii = (ctx: Ctx) => ctx.actor.kind !== 'staff' || ctx.actor.permissions.includes('customers.pii');

export const toOwnedMessage = (row: OwnedMessageRow, pii: boolean): OwnedMessage => ({
  id: row.id,
  channel: row.channel,
  customerId: row.customerId,
  recipient: pii ? row.recipient : maskRecipient(row.recipient),
  provider: row.provider,
  templateKey: row.templateKey,
  subject: row.subject,
  body: row.body,
  status: row.status,
  errorKind: row.errorKind,
  errorCode: row.errorCode,
  errorMessage: row.errorMessage,
  providerMessageId: row.providerMessageId,
  attempts: row.attempts,
  purpose: row.purpose,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

export async function listOwnedMessages(ctx: Ctx, q: z.output<typeof OwnedMessageQuery>) {
  const limit = Math.min(q.limit, OWNED_LIMITS.logPage);
  const rows = await listMessages(ctx.db, ctx.tenantId, {
    channel: q.channel,
    status: q.status,
    customerId: q.customerId,
    before: q.cursor,
    limit: limit + 1,
  });
  const pii = canSeePii(ctx);
  return {
    items: rows.slice(0, limit).map((r) => toOwnedMessage(r, pii)),
    nextCursor: rows.length > limit ? rows[limit - 1]!.id : null,
  };
}
