import type { Order, OrderStatus } from '@siyu/contracts';

/** The steps of an order in the order they happen, with the timestamp that says each happened. */
const STEPS: { status: OrderStatus; at: (o: Order) => string | null }[] = [
  { status: 'pending_payment', at: (o) => o.placedAt },
  { status: 'paid', at: (o) => o.paidAt },
  { status: 'shipped', at: (o) => o.shippedAt },
  { status: 'delivered', at: (o) => o.deliveredAt },
  { status: 'completed', at: (o) => o.completedAt },
  { status: 'cancelled', at: (o) => o.cancelledAt },
  { status: 'closed', at: (o) => o.closedAt },
];

/**
 * What happened to an order, newest first: placed, paid, shipped, … (the shop's order has the time of
 * each step, not the history rows the admin sees).
 */
export function timeline(order: Order): { status: OrderStatus; at: string }[] {
  return STEPS.flatMap((s) => {
    const at = s.at(order);
    return at ? [{ status: s.status, at }] : [];
  }).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Whole seconds left to pay, never below 0. */
export const secondsLeft = (deadline: string, now: number) =>
  Math.max(0, Math.floor((new Date(deadline).getTime() - now) / 1000));

/** 14:59 (or 1:02:03 past an hour). */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export const canPay = (o: Order) => o.status === 'pending_payment';
export const canCancel = (o: Order) => o.status === 'pending_payment';
export const canConfirmReceipt = (o: Order) => o.status === 'shipped' || o.status === 'delivered';

/** The status a shopper reads: a paid order with some parcels sent is 部分发货 (still paid until all are). */
export const statusKey = (o: Order) =>
  o.status === 'paid' && o.fulfilment === 'partial' ? 'orders.partiallyShipped' : `orders.status.${o.status}`;

/** Units of the order not in a parcel yet. */
export const unitsToShip = (o: Order) => o.lines.reduce((n, l) => n + l.quantity - l.shippedQuantity, 0);
