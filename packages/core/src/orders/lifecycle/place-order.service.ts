import type { Order, PlaceOrderInput } from '@siyu/contracts';
import type { z } from 'zod';
import { reserveStock, SkuUnavailableError } from '../../catalog';
import { conflict, type Ctx, inTransaction, invalid, MINUTE, newId, notFound } from '../../platform';
import { addLinesToCart, removeBought } from '../cart/cart.service';
import { type Checkout, checkout } from '../checkout/checkout.service';
import { toOrder } from './order-dto';
import { findOrderByClientKey, findOrder, insertLines, insertOrder, insertTransition, linesOf } from './orders.repo';
import { shipmentsOf } from './shipments.repo';

/** Another request with the same client key won the race: its order is the answer. */
class SameKey extends Error {}

export async function orderById(ctx: Ctx, id: string, customerId?: string): Promise<Order> {
  const o = await findOrder(ctx.db, ctx.tenantId, id);
  if (!o || (customerId && o.customerId !== customerId)) throw notFound('Order', id);
  const [lines, parcels] = await Promise.all([
    linesOf(ctx.db, ctx.tenantId, [id]),
    shipmentsOf(ctx.db, ctx.tenantId, [id]),
  ]);
  return toOrder(o, lines, parcels);
}

async function existing(ctx: Ctx, customerId: string, key: string) {
  const o = await findOrderByClientKey(ctx.db, ctx.tenantId, customerId, key);
  return o ? orderById(ctx, o.id) : null;
}

/**
 * Places an order in one transaction: prices it through the pipeline, reserves stock (a short SKU
 * answers 409 STOCK_SHORT naming it; nothing is held then), writes the order with snapshots of its
 * lines and address, removes the bought items from the cart, and announces `orders.order.placed`.
 * Idempotent on the client key: the same key returns the first order (`created: false`).
 */
export async function placeOrder(ctx: Ctx, customerId: string, input: z.output<typeof PlaceOrderInput>) {
  const before = await existing(ctx, customerId, input.clientKey);
  if (before) return { order: before, created: false };
  try {
    return { order: await inTransaction(ctx, (tx) => placeInTx(tx, customerId, input)), created: true };
  } catch (e) {
    if (!(e instanceof SameKey)) throw e;
    const won = await existing(ctx, customerId, input.clientKey);
    if (!won) throw e;
    return { order: won, created: false };
  }
}

async function placeInTx(ctx: Ctx, customerId: string, input: z.output<typeof PlaceOrderInput>): Promise<Order> {
  const c = await checkout(ctx, customerId, input);
  const b = c.state.breakdown;
  const blocked = c.state.problems.filter((p) => p.issue !== 'short' && p.issue !== 'out_of_stock');
  if (blocked.length) throw new SkuUnavailableError(blocked.map((p) => p.skuId));
  if (b.total <= 0) throw conflict('ZERO_TOTAL', 'An order must cost at least 1 fen');
  if (input.delivery === 'express' && !c.address) throw invalid('addressId', 'add a delivery address first');
  const now = ctx.clock.now();
  const id = newId('ord', now);
  const allocations = await reserveStock(
    ctx,
    c.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, ...(c.storeId ? { locationId: c.storeId } : {}) })),
    id,
  );
  const settings = c.state.input.settings;
  const { id: _a, isDefault: _d, updatedAt: _u, ...address } = c.address ?? ({} as NonNullable<typeof c.address>);
  const inserted = await insertOrder(ctx.db, {
    tenantId: ctx.tenantId,
    id,
    customerId,
    clientKey: input.clientKey,
    status: 'pending_payment',
    itemsTotal: b.itemsTotal,
    discountTotal: b.discountTotal,
    shippingFee: b.shippingFee,
    total: b.total,
    discounts: b.discounts,
    delivery: input.delivery,
    address: c.address ? address : null,
    storeId: c.storeId,
    buyerRemark: input.remark || null,
    paymentDeadline: new Date(now.getTime() + settings.paymentMinutes * MINUTE),
    allocations,
    placedAt: now,
    updatedAt: now,
  });
  if (!inserted) throw new SameKey();
  const lines = await recordPlaced(ctx, id, customerId, c, now);
  return toOrder(inserted, lines, []);
}

/** The order's lines (returned as stored) and first history row, the cart, the event and the audit entry. */
async function recordPlaced(ctx: Ctx, id: string, customerId: string, c: Checkout, now: Date) {
  const b = c.state.breakdown;
  const lines = await insertLines(
    ctx.db,
    b.lines.map((l) => ({ ...l, tenantId: ctx.tenantId, id: newId('oln', now), orderId: id })),
  );
  await insertTransition(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('otr', now),
    orderId: id,
    fromStatus: null,
    toStatus: 'pending_payment',
    actor: 'shopper',
    note: null,
    at: now,
  });
  if (c.fromCart)
    await removeBought(
      ctx,
      customerId,
      c.lines.map((l) => l.skuId),
    );
  await ctx.emit('orders.order.placed', { orderId: id, customerId, total: b.total });
  await ctx.audit({
    action: 'orders.order.placed',
    entityType: 'order',
    entityId: id,
    summary: `Order ${id} placed: ${b.lines.length} line(s), total ${b.total} fen`,
  });
  return lines;
}

/** "Buy again": the order's lines go back into the shopper's cart. */
export async function buyAgain(ctx: Ctx, customerId: string, orderId: string) {
  const order = await orderById(ctx, orderId, customerId);
  return addLinesToCart(
    ctx,
    customerId,
    order.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
  );
}
