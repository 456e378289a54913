/**
 * Processing one stored delivery: what WeCom's callback does not carry (the contact's name, avatar)
 * is fetched first, outside the transaction and best effort; an add through a live code gets its
 * welcome message next, before anything is written (welcome_code: 20 s); then, under the delivery's row lock,
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
import { welcomeAddEvent } from '../live-codes';
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

async function applyContact(ctx: Ctx, e: ContactEvent, contact: ExternalContact | null): Promise<string> {
  // Without both ids there is nobody to resolve: refuse rather than make a customer with no identity.
  if (!e.externalUserId || !e.userId) throw new Error(`${e.changeType} without ExternalUserID or UserID`);
  switch (e.changeType) {
    case 'add_external_contact':
    case 'add_half_external_contact':
      return contactAdded(ctx, e, contact);
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
  chat: GroupChat | null = null,
): Promise<string> {
  if (e.kind === 'contact') return applyContact(ctx, e, contact);
  if (e.kind === 'tag') return applyWecomTagEvent(ctx, e);
  if (e.kind === 'chat') return applyGroupChatEvent(ctx, e, chat);
  return `not handled: ${e.event}${e.changeType ? `/${e.changeType}` : ''}`;
}

/** An add's live-code welcome, before anything is written (WeCom takes it within 20 s of the event). */
async function welcomeFirst(ctx: Ctx, e: WecomEvent, contact: ExternalContact | null): Promise<string | null> {
  if (e.kind !== 'contact' || !e.welcomeCode || !e.userId || !e.externalUserId) return null;
  if (e.changeType !== 'add_external_contact' && e.changeType !== 'add_half_external_contact') return null;
  return welcomeAddEvent(ctx, e, contact?.name ?? null).catch((err) => {
    ctx.log.warn({ err }, 'live code welcome not sent');
    return `welcome failed: ${err instanceof Error ? err.message : String(err)}`;
  });
}

export async function processWecomDelivery(ctx: Ctx, deliveryId: string): Promise<ProcessResult> {
  const first = await findDelivery(ctx.db, ctx.tenantId, deliveryId);
  if (!first) throw notFound('WeCom delivery', deliveryId);
  if (first.status === 'processed') return { status: 'processed', outcome: first.outcome };
  const event = parseWecomEvent(first.fields);
  const contact = await contactDetails(ctx, event);
  const chat = await fetchChatSnapshot(ctx, event);
  const welcomed = await welcomeFirst(ctx, event, contact);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await findDelivery(tx.db, tx.tenantId, deliveryId, { lock: true });
      if (!row || row.status === 'processed') return { status: 'processed' as const, outcome: row?.outcome ?? null };
      const applied = await applyEvent(tx, event, contact, chat);
      const outcome = welcomed ? `${applied}; ${welcomed}` : applied;
      await finishDelivery(tx.db, tx.tenantId, deliveryId, { status: 'processed', outcome, at: tx.clock.now() });
      return { status: 'processed' as const, outcome };
    });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    ctx.log.warn({ err, deliveryId }, 'WeCom delivery failed');
    await inTransaction(ctx, (tx) =>
      finishDelivery(tx.db, tx.tenantId, deliveryId, { status: 'failed', error, at: tx.clock.now() }),
    );
    return { status: 'failed', error };
  }
}
