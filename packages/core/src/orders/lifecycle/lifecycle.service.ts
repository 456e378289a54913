import type { AddressSnapshot, OrderStatus } from '@siyu/contracts';
import type { z } from 'zod';
import { releaseStock } from '../../catalog';
import { conflict, type Ctx, inTransaction, notFound } from '../../platform';
import { paymentFailure } from '../billing/pay.service';
import { closeAttempts } from '../billing/settle.service';
import { closeOpenPayments, lockPaymentsOf } from '../billing/payments.repo';
import { appendRemark, findOrder, type OrderRow, updateOrder } from './orders.repo';
import { actorLabel, illegal, lockedOrder, transition } from './state-machine';

/**
 * Cancels (shopper or staff) or closes (deadline) an unpaid order: its payment attempts are closed
 * with the provider first; when one turns out paid, the order is paid instead (409 ORDER_STATE for a
 * cancel). Then, in one transaction, the state changes and the held stock is released.
 */
export async function endUnpaid(
  ctx: Ctx,
  id: string,
  to: 'cancelled' | 'closed',
  opts: { customerId?: string; reason?: string } = {},
): Promise<OrderStatus> {
  const o = await findOrder(ctx.db, ctx.tenantId, id);
  if (!o || (opts.customerId && o.customerId !== opts.customerId)) throw notFound('Order', id);
  if (o.status !== 'pending_payment') throw illegal(o, to);
  if ((await closeAttempts(ctx, id).catch(paymentFailure)) === 'paid') {
    if (to === 'closed') return 'paid';
    throw illegal({ id, status: 'paid' }, to);
  }
  return inTransaction(ctx, async (tx) => {
    await lockPaymentsOf(tx.db, tx.tenantId, id); // attempts first, then the order: a notification's order
    const locked = await lockedOrder(tx, id);
    if (locked.status !== 'pending_payment' && to === 'closed') return locked.status;
    const done = await transition(tx, locked, to, { note: opts.reason ?? null });
    await releaseStock(tx, locked.allocations, id);
    await closeOpenPayments(tx.db, tx.tenantId, id, tx.clock.now());
    return done.status;
  });
}

export async function deliverOrder(ctx: Ctx, id: string) {
  await transition(ctx, await lockedOrder(ctx, id), 'delivered');
}

/** The shopper confirms receipt of a shipped or delivered order. */
export async function confirmReceipt(ctx: Ctx, id: string, customerId: string) {
  await transition(ctx, await lockedOrder(ctx, id, customerId), 'completed', { note: 'receipt confirmed' });
}

async function beforePayment(ctx: Ctx, id: string) {
  const o = await lockedOrder(ctx, id);
  if (o.status !== 'pending_payment')
    throw conflict('ORDER_STATE', `Order ${o.id} is ${o.status}: only an unpaid order can be changed`, {
      status: o.status,
    });
  return o;
}

export async function changeAddress(ctx: Ctx, id: string, address: z.output<typeof AddressSnapshot>, reason: string) {
  const o = await beforePayment(ctx, id);
  if (o.delivery !== 'express') throw conflict('NOT_EXPRESS', 'A pick-up order has no delivery address');
  await updateOrder(ctx.db, ctx.tenantId, id, { address, updatedAt: ctx.clock.now() });
  await ctx.audit({
    action: 'orders.order.address_changed',
    entityType: 'order',
    entityId: id,
    summary: `Changed the address of order ${id}: ${reason}`,
    changes: { address: { from: o.address, to: address }, reason },
  });
}

/**
 * Sets the staff price adjustment of an unpaid order (replacing an earlier one). Open payment attempts
 * keep their old amount: paying again creates an attempt for the new total, and a notification for
 * an old amount is a mismatch.
 */
export async function adjustPrice(ctx: Ctx, id: string, adjustment: number, reason: string) {
  const o = await beforePayment(ctx, id);
  const total = o.total - o.priceAdjustment + adjustment;
  if (total < 1) throw conflict('ZERO_TOTAL', 'The total must stay at least 1 fen', { total });
  await updateOrder(ctx.db, ctx.tenantId, id, { priceAdjustment: adjustment, total, updatedAt: ctx.clock.now() });
  await ctx.audit({
    action: 'orders.order.price_adjusted',
    entityType: 'order',
    entityId: id,
    summary: `Adjusted the price of order ${id} to ${total} fen: ${reason}`,
    changes: {
      total: { from: o.total, to: total },
      priceAdjustment: { from: o.priceAdjustment, to: adjustment },
      reason,
    },
  });
}

export async function addRemark(ctx: Ctx, id: string, text: string) {
  const o: OrderRow = await lockedOrder(ctx, id);
  await appendRemark(ctx.db, ctx.tenantId, o.id, { text, by: actorLabel(ctx), at: ctx.clock.now().toISOString() });
  await ctx.audit({
    action: 'orders.order.remark',
    entityType: 'order',
    entityId: id,
    summary: `Remark on ${id}: ${text}`,
  });
}
