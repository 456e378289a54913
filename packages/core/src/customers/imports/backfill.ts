/**
 * Loading history in bulk (a migration from another system, the demo seed): owners, set-based.
 * Timeline history goes through recordEvents with `announce: false`.
 */
import type { Ctx } from '../../platform';
import { insertPrimaryOwners } from './import.repo';

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
