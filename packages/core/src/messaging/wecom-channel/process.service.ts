/**
 * Processing one stored delivery: what WeCom's callback does not carry (the contact's name, avatar)
 * is fetched first, outside the transaction and best effort; then, under the delivery's row lock,
 * the event is applied through the owning domains and the row marked processed with what was done.
 * A failure rolls the work back and marks the row failed with the error (the job retries it). Runs
 * twice at most for one delivery (the welcome path in the request, the job): the lock and the status
 * make the second a no-op.
 */
import { type Ctx, inTransaction, notFound } from '../../platform';
import { applyGroupChatEvent, fetchChatSnapshot } from '../group-codes/chat-events';
import type { ExternalContact } from '../wecom/contacts.endpoints';
import type { GroupChat } from '../wecom/groups.endpoints';
import { applyWecomTagEvent } from '../wecom-sync/tag-sync.service';
import type { AfterCommit } from '../live-codes';
import { parseWecomEvent, type WecomEvent } from '../wecom/events';
import { type ContactEvent, contactAdded, contactEdited, contactEnded } from './contacts.service';
import { findDelivery, finishDelivery } from './deliveries.repo';
import { tenantWecomClient } from './settings.service';

export type ProcessResult = { status: 'processed' | 'failed'; outcome?: string | null; error?: string | null };

const FETCHES = new Set(['add_external_contact', 'add_half_external_contact', 'edit_external_contact']);

async function contactDetails(ctx: Ctx, e: WecomEvent): Promise<ExternalContact | null> {
  if (e.kind !== 'contact' || !FETCHES.has(e.changeType) || !e.externalUserId) return null;
  try {
    const client = await tenantWecomClient(ctx);
    return client ? (await client.externalContacts.get({ external_userid: e.externalUserId })).external_contact : null;
  } catch (err) {
    ctx.log.warn({ err, externalUserId: e.externalUserId }, 'WeCom contact details unavailable; processing without');
    return null;
  }
}

async function applyContact(
  ctx: Ctx,
  e: ContactEvent,
  contact: ExternalContact | null,
  after: AfterCommit[],
): Promise<string> {
  // Without both ids there is nobody to resolve: refuse rather than make a customer with no identity.
  if (!e.externalUserId || !e.userId) throw new Error(`${e.changeType} without ExternalUserID or UserID`);
  switch (e.changeType) {
    case 'add_external_contact':
    case 'add_half_external_contact':
      return contactAdded(ctx, e, contact, after);
    case 'edit_external_contact':
      return contactEdited(ctx, e, contact);
    case 'del_follow_user':
      return contactEnded(ctx, e, 'customer');
    case 'del_external_contact':
      return contactEnded(ctx, e, 'staff');
    default:
      return `not handled: ${e.changeType}`;
  }
}

/** Applies one event; answers what was done, for the delivery's `outcome`. */
async function applyEvent(
  ctx: Ctx,
  e: WecomEvent,
  contact: ExternalContact | null,
  after: AfterCommit[],
  chat: GroupChat | null = null,
): Promise<string> {
  if (e.kind === 'contact') return applyContact(ctx, e, contact, after);
  if (e.kind === 'tag') return applyWecomTagEvent(ctx, e);
  if (e.kind === 'chat') return applyGroupChatEvent(ctx, e, chat);
  return `not handled: ${e.event}${e.changeType ? `/${e.changeType}` : ''}`;
}

export async function processWecomDelivery(ctx: Ctx, deliveryId: string): Promise<ProcessResult> {
  const first = await findDelivery(ctx.db, ctx.tenantId, deliveryId);
  if (!first) throw notFound('WeCom delivery', deliveryId);
  if (first.status === 'processed') return { status: 'processed', outcome: first.outcome };
  const event = parseWecomEvent(first.fields);
  const contact = await contactDetails(ctx, event);
  const chat = await fetchChatSnapshot(ctx, event);
  // what runs right after the commit, in this request (a live code's welcome: 20 s window)
  const after: AfterCommit[] = [];
  try {
    const r = await inTransaction(ctx, async (tx) => {
      const row = await findDelivery(tx.db, tx.tenantId, deliveryId, { lock: true });
      if (!row || row.status === 'processed') return { status: 'processed' as const, outcome: row?.outcome ?? null };
      const outcome = await applyEvent(tx, event, contact, after, chat);
      await finishDelivery(tx.db, tx.tenantId, deliveryId, { status: 'processed', outcome, at: tx.clock.now() });
      return { status: 'processed' as const, outcome };
    });
    for (const f of after) {
      const done = await f(ctx).catch((err) => `failed: ${err instanceof Error ? err.message : String(err)}`);
      ctx.log.info({ deliveryId, done }, 'WeCom delivery: after commit');
    }
    return r;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    ctx.log.warn({ err, deliveryId }, 'WeCom delivery failed');
    await inTransaction(ctx, (tx) =>
      finishDelivery(tx.db, tx.tenantId, deliveryId, { status: 'failed', error, at: tx.clock.now() }),
    );
    return { status: 'failed', error };
  }
}
