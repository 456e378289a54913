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
 * Appends to customer timelines in one statement; repeated idempotency keys are ignored.
 * Emits `customers.event.recorded` once per (customer, type) of the batch, for rules and journeys.
 */
export async function recordEvents(ctx: Ctx, events: NewEvent[]) {
  const now = ctx.clock.now();
  const rows = events.map((e) => ({
    tenantId: ctx.tenantId,
    id: newId('cev', e.occurredAt ?? now),
    customerId: e.customerId,
    type: e.type,
    occurredAt: e.occurredAt ?? now,
    properties: e.properties ?? {},
    source: e.source,
    idempotencyKey: e.idempotencyKey ?? null,
    recordedAt: now,
  }));
  const written = [];
  for (let i = 0; i < rows.length; i += 1000) written.push(...(await insertEvents(ctx.db, rows.slice(i, i + 1000))));
  const latest = new Map<string, Date>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const announce = new Map<string, { customerId: string; type: string; eventId: string }>();
  for (const w of written) {
    const r = byId.get(w.id)!;
    if (ACTIVITY.test(r.type) && (latest.get(r.customerId)?.getTime() ?? 0) < r.occurredAt.getTime())
      latest.set(r.customerId, r.occurredAt);
    const key = `${w.customerId}|${w.type}`;
    if (!announce.has(key) && !QUIET.test(w.type))
      announce.set(key, { customerId: w.customerId, type: w.type, eventId: w.id });
  }
  await ctx.emitMany('customers.event.recorded', [...announce.values()]);
  await touchActivity(ctx.db, ctx.tenantId, latest);
  return { accepted: written.length, duplicates: rows.length - written.length };
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
