import type { Ctx } from '../../platform';
import { addOrderToStats } from './order-stats.repo';

/**
 * The orders domain reports a paid order: the customer's order count, total spent (fen) and last order
 * time grow. Called once per order from the orders domain's idempotent subscriber.
 */
export const addOrderStats = (ctx: Ctx, customerId: string, fen: number, at: Date = ctx.clock.now()) =>
  addOrderToStats(ctx.db, ctx.tenantId, customerId, fen, at);
