import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, jsonb, rowsOf } from '../../platform';
import { customers } from '../profiles/profiles.tables';
import { customerEvents } from './events.tables';

export type EventValues = {
  id: string;
  customer_id: string;
  type: string;
  occurred_at: string;
  properties: Record<string, unknown>;
  source: string;
  idempotency_key: string | null;
};

/**
 * Appends timeline events in one statement, the rows passed as one JSON parameter (no parameter
 * limit, little to parse); those whose idempotency key was seen are skipped. Returns the rows written.
 */
export async function insertEvents(db: Db, tenantId: string, now: Date, rows: EventValues[]) {
  if (!rows.length) return [];
  const r = await db.execute(
    sql`insert into ${customerEvents} (tenant_id, id, customer_id, type, occurred_at, properties, source, idempotency_key, recorded_at)
        select ${tenantId}::text, x.id, x.customer_id, x.type, x.occurred_at, x.properties, x.source, x.idempotency_key, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${jsonb(rows)})
          as x(id text, customer_id text, type text, occurred_at timestamptz, properties jsonb, source text, idempotency_key text)
        on conflict do nothing
        returning id`,
  );
  return rowsOf<{ id: string }>(r).map((w) => w.id);
}

/**
 * Moves last_active_at forward (never back) for customers who did something, in one statement.
 * Kept to the minute: a row is rewritten only when the new time is a minute or more later, so a
 * shopper's session of page views costs one write a minute, not one a batch (a customers row
 * carries ten indexes; rewriting it is what ingestion spends most on).
 */
export async function touchActivity(db: Db, tenantId: string, latest: Map<string, Date>) {
  if (!latest.size) return;
  const rows = [...latest].map(([id, at]) => ({ id, at: at.toISOString() }));
  await db.execute(sql`
    update ${customers} c set last_active_at = v.at
    from jsonb_to_recordset(${jsonb(rows)}) as v(id text, at timestamptz)
    where c.tenant_id = ${tenantId} and c.id = v.id
      and (c.last_active_at is null or c.last_active_at <= v.at - interval '1 minute')`);
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
