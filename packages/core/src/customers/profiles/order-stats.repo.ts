import { sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from './profiles.tables';

/** Adds one paid order to a customer's projection (to the survivor when the customer was merged). */
export async function addOrderToStats(db: Db, tenantId: string, customerId: string, fen: number, at: Date) {
  await db.execute(sql`update ${customers} c set order_count = c.order_count + 1, total_spent = c.total_spent + ${fen},
      last_order_at = greatest(c.last_order_at, ${at.toISOString()}::timestamptz), updated_at = ${at.toISOString()}::timestamptz
    where c.tenant_id = ${tenantId} and c.id = coalesce(
      (select m.merged_into from ${customers} m where m.tenant_id = ${tenantId} and m.id = ${customerId}), ${customerId})`);
}
