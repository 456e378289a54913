import { AdminEventInput, EventInput } from '@siyu/contracts';
import { type Ctx, inTransaction } from '../../platform';
import { findIdentities } from '../profiles/profiles.repo';
import { resolveCustomer } from '../profiles/resolve.service';
import { visibleCustomerIds } from '../profiles/visibility';
import { checkEvents, type NewEvent, recordEvents } from './events.service';

/** The customer behind a shop account; created (and linked by phone) when the link is not there yet. */
export async function customerOfShopAccount(ctx: Ctx, account: { id: string; phone: string }) {
  const [held] = await findIdentities(ctx.db, ctx.tenantId, [
    { kind: 'shop_account', namespace: '', value: account.id },
  ]);
  if (held) return held.customerId;
  const r = await inTransaction(ctx, (tx) =>
    resolveCustomer(tx, {
      identities: [
        { kind: 'shop_account', value: account.id, verified: true },
        { kind: 'phone', value: account.phone, verified: true },
      ],
      source: 'shop',
      touch: { channel: 'shop', at: ctx.clock.now().toISOString() },
    }),
  );
  return r.customerId;
}

/**
 * Storefront tracking: events of a logged-in shopper go to their timeline; anonymous ones are
 * refused individually. Idempotency keys are the client's, scoped to the customer.
 */
export async function ingestShopEvents(ctx: Ctx, shopper: { id: string; phone: string } | null, raw: unknown[]) {
  const { good, rejected } = checkEvents(raw, EventInput);
  if (!shopper)
    return {
      accepted: 0,
      duplicates: 0,
      rejected: raw.map((_, index) => ({ index, reason: 'not logged in: only shoppers with an account are tracked' })),
    };
  const customerId = await customerOfShopAccount(ctx, shopper);
  const events: NewEvent[] = good.map(({ event: e }) => ({
    customerId,
    type: e.type,
    properties: e.properties,
    source: 'shop',
    occurredAt: clampToNow(ctx, e.occurredAt),
    idempotencyKey: `shop:${customerId}:${e.idempotencyKey}`,
  }));
  const r = await inTransaction(ctx, (tx) => recordEvents(tx, events));
  return { ...r, rejected };
}

/** Server-side batch import: each event names its customer by id or by an identity (created if new). */
export async function ingestAdminEvents(ctx: Ctx, raw: unknown[]) {
  const { good, rejected } = checkEvents(raw, AdminEventInput);
  const events: NewEvent[] = [];
  const byIdentity = new Map<string, string>();
  const visible = await visibleCustomerIds(
    ctx,
    good.flatMap(({ event: e }) => (e.customerId ? [e.customerId] : [])),
  );
  for (const { index, event: e } of good) {
    let customerId = e.customerId;
    if (customerId) {
      if (!visible.has(customerId)) {
        rejected.push({ index, reason: `customerId: customer ${customerId} was not found` });
        continue;
      }
    } else if (e.identity) {
      const key = `${e.identity.kind}|${e.identity.namespace}|${e.identity.value}`;
      customerId = byIdentity.get(key);
      if (!customerId) {
        customerId = (
          await inTransaction(ctx, (tx) => resolveCustomer(tx, { identities: [e.identity!], source: e.source }))
        ).customerId;
        byIdentity.set(key, customerId);
      }
    } else {
      rejected.push({ index, reason: 'customerId or identity: one of them is required' });
      continue;
    }
    events.push({
      customerId,
      type: e.type,
      properties: e.properties,
      source: e.source,
      occurredAt: clampToNow(ctx, e.occurredAt),
      idempotencyKey: `import:${e.idempotencyKey}`,
    });
  }
  const r = await inTransaction(ctx, (tx) => recordEvents(tx, events));
  rejected.sort((a, b) => a.index - b.index);
  return { ...r, rejected };
}

/** Client clocks drift: an event from the future is recorded as happening now. */
function clampToNow(ctx: Ctx, at: string | undefined) {
  const now = ctx.clock.now();
  if (!at) return now;
  const d = new Date(at);
  return d > now ? now : d;
}
