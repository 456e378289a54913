import type { EventInput } from '@siyu/contracts';
import { type Ctx, newId } from '../../platform';
import { insertEvents, listEvents, touchActivity } from './events.repo';

export type NewEvent = {
  customerId: string;
  type: string;
  properties?: Record<string, unknown>;
  source: string;
  occurredAt?: Date;
  idempotencyKey?: string;
};

/** Timeline entries that record our own bookkeeping; nothing reacts to them, so they are not announced. */
const QUIET = /^(tag|note|profile|consent)\./;

/** Event types that show the customer was active (others, like tag.added, are things done to them). */
const ACTIVITY = /^(page|product|search|cart|share|order|group|message|scan|coupon|checkin)\./;

/**
 * Appends to customer timelines, a statement per 1,000 events; repeated idempotency keys are ignored.
 * Announces the (customer, type) pairs written as `customers.events.recorded`, a thousand an event,
 * for rules and journeys — unless `announce` is false: history loaded in bulk (a migration, the demo
 * seed) must not fire rules and journeys for things that happened long ago.
 */
export async function recordEvents(ctx: Ctx, events: NewEvent[], opts: { announce?: boolean } = {}) {
  const now = ctx.clock.now();
  const latest = new Map<string, Date>();
  const announce = new Map<string, { customerId: string; type: string; eventId: string }>();
  let accepted = 0;
  for (let i = 0; i < events.length; i += 1000) {
    const part = events.slice(i, i + 1000).map((e) => {
      const at = e.occurredAt ?? now;
      return { e, at, id: newId('cev', at) };
    });
    const written = new Set(
      await insertEvents(
        ctx.db,
        ctx.tenantId,
        now,
        part.map(({ e, at, id }) => ({
          id,
          customer_id: e.customerId,
          type: e.type,
          occurred_at: at.toISOString(),
          properties: e.properties ?? {},
          source: e.source,
          idempotency_key: e.idempotencyKey ?? null,
        })),
      ),
    );
    accepted += written.size;
    for (const { e, at, id } of part) {
      if (!written.has(id)) continue;
      if (ACTIVITY.test(e.type) && (latest.get(e.customerId)?.getTime() ?? 0) < at.getTime())
        latest.set(e.customerId, at);
      const key = `${e.customerId}|${e.type}`;
      if (!announce.has(key) && !QUIET.test(e.type))
        announce.set(key, { customerId: e.customerId, type: e.type, eventId: id });
    }
  }
  if (opts.announce ?? true) {
    const announced = [...announce.values()];
    const batches = [];
    for (let i = 0; i < announced.length; i += 1000) batches.push({ events: announced.slice(i, i + 1000) });
    await ctx.emitMany('customers.events.recorded', batches);
  }
  await touchActivity(ctx.db, ctx.tenantId, latest);
  return { accepted, duplicates: events.length - accepted };
}

/** One timeline event; false when its idempotency key was seen before. */
export async function recordEvent(ctx: Ctx, e: NewEvent): Promise<boolean> {
  return (await recordEvents(ctx, [e])).accepted === 1;
}

export async function getTimeline(
  ctx: Ctx,
  customerId: string,
  q: { types?: string[]; cursor?: string; limit: number },
) {
  const rows = await listEvents(ctx.db, ctx.tenantId, customerId, {
    types: q.types,
    before: q.cursor,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    type: r.type,
    occurredAt: r.occurredAt.toISOString(),
    properties: r.properties,
    source: r.source,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? `${last.occurredAt}|${last.id}` : null };
}

/** Validates raw events one by one: good ones go on, bad ones are reported with their index. */
export function checkEvents<T extends typeof EventInput>(raw: unknown[], schema: T) {
  const good: { index: number; event: ReturnType<T['parse']> }[] = [];
  const rejected: { index: number; reason: string }[] = [];
  raw.forEach((r, index) => {
    const p = schema.safeParse(r);
    if (p.success) good.push({ index, event: p.data as ReturnType<T['parse']> });
    else
      rejected.push({
        index,
        reason: p.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; '),
      });
  });
  return { good, rejected };
}
