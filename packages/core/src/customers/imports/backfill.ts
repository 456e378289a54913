/**
 * Loading history in bulk (a migration from another system, the demo seed): timeline events and
 * owners, set-based. Unlike recordEvents, history is not announced (no `customers.event.recorded` per
 * customer and type), so rules and journeys do not fire for things that happened long ago.
 */
import { type Ctx, newId } from '../../platform';
import type { NewEvent } from '../events/events.service';
import { insertEventsBulk, insertPrimaryOwners, touchActivityBulk } from './import.repo';

/** Event types that show the customer was active (as in events.service). */
const ACTIVITY = /^(page|product|search|cart|share|order|group|message|scan|coupon|checkin)\./;

export async function importTimeline(ctx: Ctx, events: NewEvent[]): Promise<{ accepted: number; duplicates: number }> {
  const now = ctx.clock.now();
  let accepted = 0;
  const latest = new Map<string, Date>();
  for (let i = 0; i < events.length; i += 1000) {
    const part = events
      .slice(i, i + 1000)
      .map((e) => ({ ...e, at: e.occurredAt ?? now, id: newId('cev', e.occurredAt ?? now) }));
    const rows = part.map((e) => ({
      id: e.id,
      customer_id: e.customerId,
      type: e.type,
      occurred_at: e.at.toISOString(),
      properties: e.properties ?? {},
      source: e.source,
      idempotency_key: e.idempotencyKey ?? null,
    }));
    const written = new Set(await insertEventsBulk(ctx.db, ctx.tenantId, now, rows));
    accepted += written.size;
    for (const e of part)
      if (written.has(e.id) && ACTIVITY.test(e.type) && (latest.get(e.customerId)?.getTime() ?? 0) < e.at.getTime())
        latest.set(e.customerId, e.at);
  }
  await touchActivityBulk(
    ctx.db,
    ctx.tenantId,
    [...latest].map(([id, at]) => ({ id, at: at.toISOString() })),
  );
  return { accepted, duplicates: events.length - accepted };
}

/** Makes each staff member the primary owner of the customer, where it has none. */
export async function assignPrimaryOwners(ctx: Ctx, rows: { customerId: string; staffId: string; at?: Date }[]) {
  const now = ctx.clock.now();
  for (let i = 0; i < rows.length; i += 1000)
    await insertPrimaryOwners(
      ctx.db,
      ctx.tenantId,
      rows
        .slice(i, i + 1000)
        .map((r) => ({ customer_id: r.customerId, staff_id: r.staffId, added_at: (r.at ?? now).toISOString() })),
    );
}
