import { type Ctx, conflict } from '../../platform';
import { stripEventProperties } from '../events/events.repo';
import { recordEvent } from '../events/events.service';
import { toCustomer } from './dto';
import { erasePersonalData, personalRecords } from './privacy.repo';
import { refreshSearch, upsertConsent } from './profiles.repo';
import { getVisibleCustomer } from './visibility';

type Channel = 'sms' | 'email' | 'wecom' | 'push' | 'phone';

/** Records an opt-in or opt-out for one channel, with time and source; the timeline keeps the history. */
export async function setConsent(
  ctx: Ctx,
  id: string,
  input: { channel: Channel; status: 'opt_in' | 'opt_out'; source: string },
) {
  await getVisibleCustomer(ctx, id);
  await upsertConsent(ctx.db, { tenantId: ctx.tenantId, customerId: id, ...input, at: ctx.clock.now() });
  await recordEvent(ctx, {
    customerId: id,
    type: 'consent.changed',
    source: input.source,
    properties: { channel: input.channel, status: input.status },
  });
  await ctx.audit({
    action: 'customer.consent',
    entityType: 'customer',
    entityId: id,
    summary: `${input.channel}: ${input.status} (${input.source})`,
  });
  return toCustomer(ctx, await getVisibleCustomer(ctx, id));
}

/** A PIPL access request: everything stored about the person, unmasked. Audited. */
export async function exportPersonalData(ctx: Ctx, id: string) {
  const row = await getVisibleCustomer(ctx, id);
  const records = await personalRecords(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'customer.personal_data_export',
    entityType: 'customer',
    entityId: id,
    summary: `Exported the personal data of ${id}`,
  });
  return {
    customer: await toCustomer(ctx, row),
    events: records.events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      properties: e.properties,
      source: e.source,
    })),
    notes: [...records.notes, ...records.followUps],
  };
}

/** A PIPL erasure request. The customer row stays (anonymous) so orders and statistics still add up. */
export async function eraseCustomer(ctx: Ctx, id: string, reason: string) {
  const row = await getVisibleCustomer(ctx, id);
  if (row.erasedAt) throw conflict('ALREADY_ERASED', 'This customer was erased already');
  const now = ctx.clock.now();
  await erasePersonalData(ctx.db, ctx.tenantId, id, now);
  await stripEventProperties(ctx.db, ctx.tenantId, id);
  await refreshSearch(ctx.db, ctx.tenantId, id);
  await recordEvent(ctx, { customerId: id, type: 'customer.erased', source: 'staff', properties: {} });
  await ctx.audit({
    action: 'customer.erase',
    entityType: 'customer',
    entityId: id,
    summary: `Erased the personal data of ${id}`,
    changes: { reason },
  });
  return { ok: true as const };
}
