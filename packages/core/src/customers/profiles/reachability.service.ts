/**
 * How a customer can be reached on an owned channel (SMS, email) and whether they may be: the address
 * and the channel's consent, read by the messaging domain before every send. Opt-outs that come from
 * the person themself (an unsubscribe link, an SMS reply "T") are recorded here without a staff
 * member's data scope; the timeline and the audit log keep them.
 */
import { type Ctx, notFound } from '../../platform';
import { recordEvent } from '../events/events.service';
import { upsertConsent } from './profiles.repo';
import { consentOf, contactRow, customersWithPhone } from './reachability.repo';

export type OwnedChannelName = 'sms' | 'email';
export type Reachability = {
  /** The customer to address (the survivor when the given one was merged into another). */
  customerId: string;
  /** Phone for SMS, email for email; null when the profile has none or was erased. */
  address: string | null;
  consent: 'opt_in' | 'opt_out' | null;
};

export async function reachabilityOf(ctx: Ctx, customerId: string, channel: OwnedChannelName): Promise<Reachability> {
  let row = await contactRow(ctx.db, ctx.tenantId, customerId);
  if (row?.mergedInto) row = await contactRow(ctx.db, ctx.tenantId, row.mergedInto);
  if (!row) throw notFound('Customer', customerId);
  const address = row.erasedAt ? null : channel === 'sms' ? row.phone : row.email;
  return { customerId: row.id, address, consent: await consentOf(ctx.db, ctx.tenantId, row.id, channel) };
}

/** Records the person's own opt-out of one channel (source e.g. `email_link`, `sms_reply`). */
export async function optOutOwnChannel(ctx: Ctx, customerId: string, channel: OwnedChannelName, source: string) {
  const { customerId: id } = await reachabilityOf(ctx, customerId, channel);
  await upsertConsent(ctx.db, {
    tenantId: ctx.tenantId,
    customerId: id,
    channel,
    status: 'opt_out',
    source,
    at: ctx.clock.now(),
  });
  await recordEvent(ctx, {
    customerId: id,
    type: 'consent.changed',
    source,
    properties: { channel, status: 'opt_out' },
  });
  await ctx.audit({
    action: 'customer.consent',
    entityType: 'customer',
    entityId: id,
    summary: `${channel}: opt_out (${source})`,
  });
  return id;
}

/** An SMS reply asking to stop (回T退订): every live customer with that number is opted out of SMS. */
export async function optOutPhone(ctx: Ctx, phone: string, source: string) {
  const rows = await customersWithPhone(ctx.db, ctx.tenantId, phone);
  for (const r of rows) await optOutOwnChannel(ctx, r.id, 'sms', source);
  return rows.map((r) => r.id);
}
