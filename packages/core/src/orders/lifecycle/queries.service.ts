import { ORDER_LIMITS, type OrderStatus } from '@siyu/contracts';
import type { Ctx } from '../../platform';
import { toOrder } from './order-dto';
import { customerOrders, linesOf } from './orders.repo';

const SHOP_PAGE = ORDER_LIMITS.shopPageSize;

/** A shopper's orders, newest first. */
export async function myOrders(ctx: Ctx, customerId: string, q: { status?: OrderStatus; cursor?: string }) {
  const rows = await customerOrders(ctx.db, ctx.tenantId, customerId, { ...q, limit: SHOP_PAGE + 1 });
  const page = rows.slice(0, SHOP_PAGE);
  const lines = await linesOf(
    ctx.db,
    ctx.tenantId,
    page.map((o) => o.id),
  );
  return {
    items: page.map((o) =>
      toOrder(
        o,
        lines.filter((l) => l.orderId === o.id),
      ),
    ),
    nextCursor: rows.length > SHOP_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}
