/** One attempt to hand a prepared message to the tenant's provider, recorded on its log row. */
import { type Ctx, newId } from '../../platform';
import { EmailError } from './email-sender';
import { insertMessage, messageByKey, type OwnedMessageRow, updateMessage } from './messages.repo';
import { SmsError } from './sms-errors';

/** Kinds a later call with the same idempotency key tries again. */
export const RETRYABLE_KINDS = new Set(['RATE_LIMITED', 'NETWORK', 'NOT_CONFIGURED']);

export type Draft = Pick<OwnedMessageRow, 'channel' | 'customerId' | 'recipient' | 'body' | 'purpose'> &
  Partial<Pick<OwnedMessageRow, 'provider' | 'templateKey' | 'subject' | 'idempotencyKey'>>;

export type Outcome =
  | { send: () => Promise<{ messageId: string }> }
  | { refuse: { kind: string; message: string } }
  | { fail: { kind: string; message: string } };

/** Writes the row for this attempt (a retry reuses the failed row); null when another call holds the key. */
async function openRow(ctx: Ctx, draft: Draft, previous: OwnedMessageRow | null, outcome: Outcome) {
  const status = 'send' in outcome ? 'sending' : 'refuse' in outcome ? 'refused' : 'failed';
  const problem = 'refuse' in outcome ? outcome.refuse : 'fail' in outcome ? outcome.fail : null;
  const fields = {
    ...draft,
    provider: draft.provider ?? null,
    status,
    errorKind: problem?.kind ?? null,
    errorCode: problem?.kind ?? null,
    errorMessage: problem?.message ?? null,
    attempts: 'send' in outcome ? 1 : 0,
  } as const;
  if (previous)
    return updateMessage(ctx.db, ctx.tenantId, previous.id, {
      ...fields,
      attempts: previous.attempts + fields.attempts,
    });
  return insertMessage(ctx.db, {
    ...fields,
    tenantId: ctx.tenantId,
    id: newId('omsg', ctx.clock.now()),
    createdAt: ctx.clock.now(),
    createdBy: ctx.actor.kind === 'system' ? null : ctx.actor.id,
  });
}

function problemOf(e: unknown) {
  if (e instanceof SmsError || e instanceof EmailError)
    return { errorKind: e.kind, errorCode: e.providerCode, errorMessage: e.message };
  return { errorKind: 'INTERNAL', errorCode: 'INTERNAL', errorMessage: (e as Error).message ?? String(e) };
}

export async function deliver(ctx: Ctx, draft: Draft, previous: OwnedMessageRow | null, outcome: Outcome) {
  const row = await openRow(ctx, draft, previous, outcome);
  if (!row) return (await messageByKey(ctx.db, ctx.tenantId, draft.idempotencyKey ?? ''))!;
  if (!('send' in outcome)) return row;
  try {
    const sent = await outcome.send();
    return updateMessage(ctx.db, ctx.tenantId, row.id, {
      status: 'sent',
      providerMessageId: sent.messageId,
      sentAt: ctx.clock.now(),
      errorKind: null,
      errorCode: null,
      errorMessage: null,
    });
  } catch (e) {
    const problem = problemOf(e);
    if (problem.errorKind === 'INTERNAL') ctx.log.error({ err: e, messageId: row.id }, 'owned send failed');
    return updateMessage(ctx.db, ctx.tenantId, row.id, { status: 'failed', ...problem });
  }
}
