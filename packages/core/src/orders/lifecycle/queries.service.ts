import { ORDER_LIMITS, OrderStatus } from '@siyu/contracts';
import type { Ctx } from '../../platform';
import { toOrder } from './order-dto';
import { customerOrders, customerStatusCounts, linesOf } from './orders.repo';
import { shipmentsOf } from './shipments.repo';

const SHOP_PAGE = ORDER_LIMITS.shopPageSize;

/** A shopper's orders, newest first, with their lines and parcels. */
export async function myOrders(ctx: Ctx, customerId: string, q: { status?: OrderStatus; cursor?: string }) {
  const rows = await customerOrders(ctx.db, ctx.tenantId, customerId, { ...q, limit: SHOP_PAGE + 1 });
  const page = rows.slice(0, SHOP_PAGE);
  const ids = page.map((o) => o.id);
  const [lines, parcels] = await Promise.all([
    linesOf(ctx.db, ctx.tenantId, ids),
    shipmentsOf(ctx.db, ctx.tenantId, ids),
  ]);
  return {
    items: page.map((o) =>
      toOrder(
        o,
        lines.filter((l) => l.orderId === o.id),
        parcels.filter((p) => p.orderId === o.id),
      ),
    ),
    nextCursor: rows.length > SHOP_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}

/** How many of a shopper's orders are in each status (every status listed, 0 when none). */
export async function myOrderCounts(ctx: Ctx, customerId: string) {
  const found = new Map((await customerStatusCounts(ctx.db, ctx.tenantId, customerId)).map((r) => [r.status, r.n]));
  return {
    counts: Object.fromEntries(OrderStatus.options.map((s) => [s, found.get(s) ?? 0])) as Record<OrderStatus, number>,
  };
}
