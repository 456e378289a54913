import type { OrderStatus } from '@siyu/contracts';
import { conflict, type Ctx, newId, notFound } from '../../platform';
import { insertTransition, lockOrder, type OrderInsert, type OrderRow, updateOrderIn } from './orders.repo';

/**
 * pending_payment → paid → shipped → delivered → completed; pending_payment → cancelled (shopper or
 * staff) or closed (deadline). A shipped order may be completed directly (the shopper confirms receipt).
 */
export const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled', 'closed'],
  paid: ['shipped'],
  shipped: ['delivered', 'completed'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
  closed: [],
};

/** The timestamp column each status sets. */
const STAMP: Partial<Record<OrderStatus, keyof OrderInsert>> = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  completed: 'completedAt',
  cancelled: 'cancelledAt',
  closed: 'closedAt',
};

export const illegal = (o: Pick<OrderRow, 'id' | 'status'>, to: OrderStatus) =>
  conflict('ORDER_STATE', `Order ${o.id} is ${o.status} and cannot become ${to}`, { status: o.status, to });

export function actorLabel(ctx: Ctx) {
  return ctx.actor.kind === 'staff' ? ctx.actor.name : ctx.actor.kind === 'shopper' ? 'shopper' : ctx.actor.name;
}

/** Locks the order of this tenant (404 when it is not one). Call inside a transaction. */
export async function lockedOrder(ctx: Ctx, id: string, customerId?: string) {
  const o = await lockOrder(ctx.db, ctx.tenantId, id);
  if (!o || (customerId && o.customerId !== customerId)) throw notFound('Order', id);
  return o;
}

/**
 * Moves a locked order to `to` when the machine allows it (409 ORDER_STATE otherwise): the conditional
 * update, the transition row, the event and the audit entry, all in the caller's transaction.
 */
export async function transition(
  ctx: Ctx,
  o: OrderRow,
  to: OrderStatus,
  opts: { note?: string | null; set?: Partial<OrderInsert>; paymentId?: string } = {},
) {
  if (!NEXT[o.status].includes(to)) throw illegal(o, to);
  const now = ctx.clock.now();
  const stamp = STAMP[to];
  const set: Partial<OrderInsert> = { ...opts.set, status: to, updatedAt: now, ...(stamp ? { [stamp]: now } : {}) };
  if (!(await updateOrderIn(ctx.db, ctx.tenantId, o.id, o.status, set))) throw illegal(o, to);
  await insertTransition(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('otr', now),
    orderId: o.id,
    fromStatus: o.status,
    toStatus: to,
    actor: actorLabel(ctx),
    note: opts.note ?? null,
    at: now,
  });
  await emitFor(ctx, { ...o, ...set } as OrderRow, to, opts.paymentId ?? null);
  await ctx.audit({
    action: `orders.order.${to === 'pending_payment' ? 'placed' : to}`,
    entityType: 'order',
    entityId: o.id,
    summary: `Order ${o.id}: ${o.status} → ${to}${opts.note ? ` (${opts.note})` : ''}`,
    changes: { status: { from: o.status, to } },
  });
  return { ...o, ...set } as OrderRow;
}

async function emitFor(ctx: Ctx, o: OrderRow, to: OrderStatus, paymentId: string | null) {
  const base = { orderId: o.id, customerId: o.customerId };
  switch (to) {
    case 'paid':
      return ctx.emit('orders.order.paid', { ...base, total: o.total, paymentId });
    case 'shipped':
      return ctx.emit('orders.order.shipped', base);
    case 'delivered':
      return ctx.emit('orders.order.delivered', base);
    case 'completed':
      return ctx.emit('orders.order.completed', { ...base, total: o.total });
    case 'cancelled':
      return ctx.emit('orders.order.cancelled', { ...base, by: ctx.actor.kind === 'shopper' ? 'shopper' : 'staff' });
    case 'closed':
      return ctx.emit('orders.order.closed', base);
    default:
      return;
  }
}
