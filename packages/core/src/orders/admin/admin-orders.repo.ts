import { and, desc, eq, gte, like, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { rowsOf } from '../../platform';
import { type OrderStatusValue, orderLines, orders } from '../orders.tables';

export type AdminFilter = {
  /** The order number or its beginning (`ord_…`). */
  orderNo?: string;
  status?: OrderStatusValue;
  from?: Date;
  to?: Date;
  storeId?: string;
  customerId?: string;
  amountMin?: number;
  amountMax?: number;
  paymentMethod?: string;
  cursor?: string;
  limit: number;
};

/** A page of orders, newest first, with their line count and first title (one statement). */
export async function adminOrderRows(db: Db, t: string, f: AdminFilter) {
  // Per order of the page (lateral), not grouped over every line of the tenant first.
  const lineStats = db
    .select({
      itemCount: sql<number>`sum(${orderLines.quantity})::int`.as('item_count'),
      shippedCount: sql<number>`sum(${orderLines.shippedQuantity})::int`.as('shipped_count'),
      firstTitle: sql<string>`min(${orderLines.title})`.as('first_title'),
    })
    .from(orderLines)
    .where(and(eq(orderLines.tenantId, orders.tenantId), eq(orderLines.orderId, orders.id)))
    .as('ls');
  return db
    .select({
      order: orders,
      itemCount: lineStats.itemCount,
      shippedCount: lineStats.shippedCount,
      firstTitle: lineStats.firstTitle,
    })
    .from(orders)
    .leftJoinLateral(lineStats, sql`true`)
    .where(
      and(
        eq(orders.tenantId, t),
        // A whole number (30 characters) is the primary key; a beginning is a prefix (ids are [0-9a-z_]).
        f.orderNo
          ? f.orderNo.length >= 30
            ? eq(orders.id, f.orderNo)
            : like(orders.id, `${f.orderNo.replaceAll('_', '\\_')}%`)
          : undefined,
        f.status ? eq(orders.status, f.status) : undefined,
        f.from ? gte(orders.placedAt, f.from) : undefined,
        f.to ? lt(orders.placedAt, f.to) : undefined,
        f.storeId ? eq(orders.storeId, f.storeId) : undefined,
        f.customerId ? eq(orders.customerId, f.customerId) : undefined,
        f.amountMin !== undefined ? gte(orders.total, f.amountMin) : undefined,
        f.amountMax !== undefined ? lte(orders.total, f.amountMax) : undefined,
        f.paymentMethod ? eq(orders.paymentMethod, f.paymentMethod) : undefined,
        f.cursor ? lt(orders.id, f.cursor) : undefined,
      ),
    )
    .orderBy(desc(orders.id))
    .limit(f.limit);
}

export type DayRow = { day: string; orders: number; gmv: number; paying_customers: number };

/** Paid orders per day of `timeZone` (by the day they were paid), in [from, to). */
export async function dailyRows(db: Db, t: string, from: Date, to: Date, timeZone: string) {
  const r = await db.execute(sql`select to_char((paid_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day,
      count(*)::int as orders, coalesce(sum(total), 0)::bigint as gmv, count(distinct customer_id)::int as paying_customers
    from ${orders} where tenant_id = ${t} and paid_at >= ${from.toISOString()}::timestamptz
      and paid_at < ${to.toISOString()}::timestamptz
    group by 1 order by 1`);
  return rowsOf<DayRow>(r).map((x) => ({
    day: x.day,
    orders: Number(x.orders),
    gmv: Number(x.gmv),
    payingCustomers: Number(x.paying_customers),
  }));
}
