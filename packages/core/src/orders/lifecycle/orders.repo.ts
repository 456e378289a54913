import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { ORDER_STATUSES, type OrderStatusValue, orderLines, orderTransitions, orders } from '../orders.tables';

export type OrderRow = typeof orders.$inferSelect;
export type OrderInsert = typeof orders.$inferInsert;
export type LineRow = typeof orderLines.$inferSelect;
export type LineInsert = typeof orderLines.$inferInsert;
export type TransitionRow = typeof orderTransitions.$inferSelect;
export type TransitionInsert = typeof orderTransitions.$inferInsert;

const byId = (t: string, id: string) => and(eq(orders.tenantId, t), eq(orders.id, id));

/** Inserts the order unless the customer used its client key before; the row as stored, or null then. */
export async function insertOrder(db: Db, row: OrderInsert) {
  const [r] = await db.insert(orders).values(row).onConflictDoNothing().returning();
  return r ?? null;
}
export const insertLines = (db: Db, rows: LineInsert[]) => db.insert(orderLines).values(rows).returning();
export const insertTransition = (db: Db, row: TransitionInsert) => db.insert(orderTransitions).values(row);

export async function findOrderByClientKey(db: Db, t: string, customerId: string, key: string) {
  const [r] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, t), eq(orders.customerId, customerId), eq(orders.clientKey, key)));
  return r ?? null;
}

export async function findOrder(db: Db, t: string, id: string) {
  const [r] = await db.select().from(orders).where(byId(t, id));
  return r ?? null;
}

/** The order row, locked until the transaction ends (every state change goes through here). */
export async function lockOrder(db: Db, t: string, id: string) {
  const [r] = await db.select().from(orders).where(byId(t, id)).for('update');
  return r ?? null;
}

/** Changes the order only while it is still in `from`; false when another change came first. */
export async function updateOrderIn(db: Db, t: string, id: string, from: OrderStatusValue, set: Partial<OrderInsert>) {
  const r = await db
    .update(orders)
    .set(set)
    .where(and(byId(t, id), eq(orders.status, from)))
    .returning({ id: orders.id });
  return r.length > 0;
}

export const linesOf = (db: Db, t: string, orderIds: string[]) =>
  orderIds.length
    ? db
        .select()
        .from(orderLines)
        .where(and(eq(orderLines.tenantId, t), inArray(orderLines.orderId, orderIds)))
        .orderBy(asc(orderLines.id))
    : Promise.resolve([] as LineRow[]);

export const transitionsOf = (db: Db, t: string, orderId: string) =>
  db
    .select()
    .from(orderTransitions)
    .where(and(eq(orderTransitions.tenantId, t), eq(orderTransitions.orderId, orderId)))
    // Changes in the same millisecond follow the state machine's order.
    .orderBy(
      asc(orderTransitions.at),
      sql`array_position(array[${sql.raw(ORDER_STATUSES.map((x) => `'${x}'`).join(','))}]::text[], ${orderTransitions.toStatus})`,
    );

export const customerOrders = (
  db: Db,
  t: string,
  customerId: string,
  q: { status?: OrderStatusValue; cursor?: string; limit: number },
) =>
  db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, t),
        eq(orders.customerId, customerId),
        q.status ? eq(orders.status, q.status) : undefined,
        q.cursor ? lt(orders.id, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(orders.id))
    .limit(q.limit);

/** A customer's orders per status (one index range: tenant, customer). */
export const customerStatusCounts = (db: Db, t: string, customerId: string) =>
  db
    .select({ status: orders.status, n: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.tenantId, t), eq(orders.customerId, customerId)))
    .groupBy(orders.status)
    .then((rows) => rows.map((r) => ({ status: r.status, n: Number(r.n) })));

/** Tenants with unpaid orders past their deadline (optionally only one). */
export async function tenantsWithExpired(db: Db, now: Date, only?: string) {
  const r = await db
    .selectDistinct({ tenantId: orders.tenantId })
    .from(orders)
    .where(
      and(
        eq(orders.status, 'pending_payment'),
        lte(orders.paymentDeadline, now),
        only ? eq(orders.tenantId, only) : undefined,
      ),
    );
  return r.map((x) => x.tenantId);
}

export const expiredOrderIds = async (db: Db, t: string, now: Date, limit: number) =>
  (
    await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.tenantId, t), eq(orders.status, 'pending_payment'), lte(orders.paymentDeadline, now)))
      .orderBy(asc(orders.paymentDeadline))
      .limit(limit)
  ).map((r) => r.id);

export const appendRemark = (db: Db, t: string, id: string, remark: { text: string; by: string; at: string }) =>
  db
    .update(orders)
    .set({ remarks: sql`${orders.remarks} || ${JSON.stringify([remark])}::jsonb`, updatedAt: new Date(remark.at) })
    .where(byId(t, id));

export const updateOrder = (db: Db, t: string, id: string, set: Partial<OrderInsert>) =>
  db.update(orders).set(set).where(byId(t, id));
