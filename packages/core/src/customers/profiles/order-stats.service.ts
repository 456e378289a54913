import type { Ctx } from '../../platform';
import { addOrdersToStats, addOrderToStats } from './order-stats.repo';

/**
 * The orders domain reports a paid order: the customer's order count, total spent (fen) and last order
 * time grow. Called once per order from the orders domain's idempotent subscriber.
 */
export const addOrderStats = (ctx: Ctx, customerId: string, fen: number, at: Date = ctx.clock.now()) =>
  addOrderToStats(ctx.db, ctx.tenantId, customerId, fen, at);

export type OrderStatsDelta = { customerId: string; orders: number; spent: number; lastOrderAt: Date };

/**
 * The same for paid orders loaded in bulk (history, the demo seed), a customer a row: `orders` paid
 * orders worth `spent` fen, the last paid at `lastOrderAt`. One statement per 5,000 customers.
 */
export async function addOrderStatsBatch(ctx: Ctx, deltas: OrderStatsDelta[]) {
  for (let i = 0; i < deltas.length; i += 5000)
    await addOrdersToStats(
      ctx.db,
      ctx.tenantId,
      deltas.slice(i, i + 5000).map((d) => ({
        id: d.customerId,
        orders: d.orders,
        spent: d.spent,
        last: d.lastOrderAt.toISOString(),
      })),
    );
}
