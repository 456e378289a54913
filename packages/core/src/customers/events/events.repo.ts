import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from '../profiles/profiles.tables';
import { customerEvents } from './events.tables';

export type EventRow = typeof customerEvents.$inferInsert;

/** Inserts events, skipping those whose idempotency key was seen; returns the rows written. */
export async function insertEvents(db: Db, rows: EventRow[]) {
  if (!rows.length) return [];
  return db
    .insert(customerEvents)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: customerEvents.id, customerId: customerEvents.customerId, type: customerEvents.type });
}

/** Moves last_active_at forward for customers who did something, in one statement. */
export async function touchActivity(db: Db, tenantId: string, latest: Map<string, Date>) {
  if (!latest.size) return;
  const rows = JSON.stringify([...latest].map(([id, at]) => ({ id, at: at.toISOString() })));
  await db.execute(sql`
    update ${customers} c set last_active_at = greatest(coalesce(c.last_active_at, v.at), v.at)
    from jsonb_to_recordset(${rows}::jsonb) as v(id text, at timestamptz)
    where c.tenant_id = ${tenantId} and c.id = v.id`);
}

export async function listEvents(
  db: Db,
  tenantId: string,
  customerId: string,
  opts: { types?: string[]; before?: string; limit: number },
) {
  const conds: (SQL | undefined)[] = [
    eq(customerEvents.tenantId, tenantId),
    eq(customerEvents.customerId, customerId),
    opts.types?.length ? inArray(customerEvents.type, opts.types) : undefined,
  ];
  if (opts.before) {
    const [at, id] = opts.before.split('|');
    conds.push(sql`(${customerEvents.occurredAt}, ${customerEvents.id}) < (${new Date(at ?? '')}, ${id ?? ''})`);
  }
  return db
    .select()
    .from(customerEvents)
    .where(and(...conds))
    .orderBy(desc(customerEvents.occurredAt), desc(customerEvents.id))
    .limit(opts.limit);
}

export const moveEvents = (db: Db, tenantId: string, from: string, to: string) =>
  db
    .update(customerEvents)
    .set({ customerId: to })
    .where(and(eq(customerEvents.tenantId, tenantId), eq(customerEvents.customerId, from)))
    .returning({ id: customerEvents.id });

export const moveEventsBack = (db: Db, tenantId: string, ids: string[], to: string) =>
  ids.length
    ? db
        .update(customerEvents)
        .set({ customerId: to })
        .where(and(eq(customerEvents.tenantId, tenantId), inArray(customerEvents.id, ids)))
    : Promise.resolve();

/** For erasure: keeps event facts but drops their properties, except of order events. */
export const stripEventProperties = (db: Db, tenantId: string, customerId: string) =>
  db
    .update(customerEvents)
    .set({ properties: {} })
    .where(
      and(
        eq(customerEvents.tenantId, tenantId),
        eq(customerEvents.customerId, customerId),
        sql`${customerEvents.type} not like 'order.%'`,
      ),
    );
