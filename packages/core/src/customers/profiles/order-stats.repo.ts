import { sql } from 'drizzle-orm';
import { type Db, jsonb } from '../../platform';
import { customers } from './profiles.tables';

/** Adds one paid order to a customer's projection (to the survivor when the customer was merged). */
export async function addOrderToStats(db: Db, tenantId: string, customerId: string, fen: number, at: Date) {
  await db.execute(sql`update ${customers} c set order_count = c.order_count + 1, total_spent = c.total_spent + ${fen},
      last_order_at = greatest(c.last_order_at, ${at.toISOString()}::timestamptz), updated_at = ${at.toISOString()}::timestamptz
    where c.tenant_id = ${tenantId} and c.id = coalesce(
      (select m.merged_into from ${customers} m where m.tenant_id = ${tenantId} and m.id = ${customerId}), ${customerId})`);
}

export type OrderStatsRow = { id: string; orders: number; spent: number; last: string };

/**
 * Adds many customers' orders to their projections in one statement (history loaded in bulk); rows of
 * customers merged away count for their survivor, like addOrderToStats.
 */
export async function addOrdersToStats(db: Db, tenantId: string, rows: OrderStatsRow[]) {
  if (!rows.length) return;
  await db.execute(sql`update ${customers} c set order_count = c.order_count + v.orders,
      total_spent = c.total_spent + v.spent, last_order_at = greatest(c.last_order_at, v.last),
      updated_at = greatest(c.updated_at, v.last)
    from (select coalesce(m.merged_into, x.id) as id, sum(x.orders)::int as orders, sum(x.spent)::bigint as spent,
            max(x.last) as last
          from jsonb_to_recordset(${jsonb(rows)}) as x(id text, orders int, spent bigint, last timestamptz)
          left join ${customers} m on m.tenant_id = ${tenantId} and m.id = x.id
          group by 1) v
    where c.tenant_id = ${tenantId} and c.id = v.id`);
}
