import type { OrderSettings, OrderStatus } from '@siyu/contracts';
import { addProductSales, listLocations, skuSnapshots } from '../catalog';
import { addOrderStatsBatch, type NewEvent, recordEvents } from '../customers';
import { listOrgUnits } from '../access';
import { type Ctx, MINUTE, newId, SECOND } from '../platform';
import { check, type HistoricalOrder, type HistoryStep, type Known } from './bulk-load.check';
import { type BulkRows, insertOrderHistory } from './bulk-load.repo';
import { getOrderSettings } from './checkout/settings.service';
import { shippingFee } from './checkout/pricing';
import { actorLabel } from './lifecycle/state-machine';

export type { HistoricalOrder, HistoryStep };

const STAMP = {
  paid: 'paidAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  completed: 'completedAt',
  cancelled: 'cancelledAt',
  closed: 'closedAt',
} as const;
/** Who makes each change in the live flow; staff steps default to the loading actor. */
const ACTOR: Record<HistoryStep['to'], string | null> = {
  paid: 'payment-notification',
  shipped: null,
  delivered: null,
  completed: 'shopper',
  cancelled: 'shopper',
  closed: 'job',
};

type Built = {
  id: string;
  o: HistoricalOrder;
  total: number;
  status: OrderStatus;
  stamps: Record<string, Date>;
  units: { productId: string; quantity: number }[];
};

/** The order's lines at today's prices (one a SKU); a shipped order's units are all shipped. */
function lineRows(ctx: Ctx, orderId: string, o: HistoricalOrder, k: Known, shipped: boolean) {
  const qty = new Map<string, number>();
  for (const l of o.lines) qty.set(l.skuId, (qty.get(l.skuId) ?? 0) + l.quantity);
  return [...qty].map(([skuId, quantity]) => {
    const s = k.skus.get(skuId)!;
    return {
      tenantId: ctx.tenantId,
      id: newId('oln', o.placedAt),
      orderId,
      skuId,
      productId: s.productId,
      title: s.title,
      specText: s.specText,
      unitPrice: s.price,
      quantity,
      lineTotal: s.price * quantity,
      shippedQuantity: shipped ? quantity : 0,
    };
  });
}

/** The history rows (placed, then each step) with the live flow's actors and notes; the stamps it sets. */
function historyRows(ctx: Ctx, orderId: string, o: HistoricalOrder, out: BulkRows) {
  const stamps: Record<string, Date> = {};
  let status: OrderStatus = 'pending_payment';
  let shipper = actorLabel(ctx);
  const row = { tenantId: ctx.tenantId, orderId };
  out.transitions.push({
    ...row,
    id: newId('otr', o.placedAt),
    fromStatus: null,
    toStatus: status,
    actor: 'shopper',
    note: null,
    at: o.placedAt,
  });
  for (const s of o.steps) {
    const note = s.note ?? (s.to === 'shipped' ? `${o.carrier} ${o.trackingNo}` : s.to === 'paid' ? 'fake' : null);
    const actor = s.actor ?? ACTOR[s.to] ?? actorLabel(ctx);
    if (s.to === 'shipped') shipper = actor;
    out.transitions.push({ ...row, id: newId('otr', s.at), fromStatus: status, toStatus: s.to, actor, note, at: s.at });
    stamps[STAMP[s.to]] = s.at;
    status = s.to;
  }
  return { status, stamps, shipper };
}

/** The rows of one order: itself, its lines, its history, its payment attempt and its one parcel. */
function orderRows(ctx: Ctx, o: HistoricalOrder, k: Known, settings: OrderSettings, out: BulkRows): Built {
  const id = newId('ord', o.placedAt);
  const { status, stamps, shipper } = historyRows(ctx, id, o, out);
  const shippedAt = stamps.shippedAt;
  const lines = lineRows(ctx, id, o, k, !!shippedAt);
  const itemsTotal = lines.reduce((n, l) => n + l.lineTotal, 0);
  const fee = shippingFee(settings, o.delivery, o.address ? { province: o.address.province } : null, itemsTotal);
  const end = o.steps.at(-1)?.at ?? o.placedAt;
  const total = itemsTotal + fee;
  const locationId = (o.locationId ?? o.storeId)!;
  const allocations = lines.map((l) => ({ skuId: l.skuId, locationId, quantity: l.quantity }));
  out.lines.push(...lines);
  out.orders.push({
    tenantId: ctx.tenantId,
    id,
    customerId: o.customerId,
    clientKey: `history:${id}`,
    status,
    itemsTotal,
    discountTotal: 0,
    shippingFee: fee,
    priceAdjustment: 0,
    total,
    discounts: [],
    delivery: o.delivery,
    address: o.delivery === 'express' ? (o.address ?? null) : null,
    storeId: o.delivery === 'pickup' ? (o.storeId ?? null) : null,
    buyerRemark: o.buyerRemark ?? null,
    paymentDeadline: new Date(o.placedAt.getTime() + settings.paymentMinutes * MINUTE),
    paymentMethod: o.channel ?? null,
    allocations,
    carrier: shippedAt ? (o.carrier ?? null) : null,
    trackingNo: shippedAt ? (o.trackingNo ?? null) : null,
    remarks: [],
    placedAt: o.placedAt,
    paidAt: stamps.paidAt ?? null,
    shippedAt: shippedAt ?? null,
    deliveredAt: stamps.deliveredAt ?? null,
    completedAt: stamps.completedAt ?? null,
    cancelledAt: stamps.cancelledAt ?? null,
    closedAt: stamps.closedAt ?? null,
    updatedAt: end,
  });
  if (o.channel) out.payments.push(attemptRow(ctx, id, o, total, stamps.paidAt ?? null, end));
  if (shippedAt)
    out.shipments.push({
      tenantId: ctx.tenantId,
      id: newId('shp', shippedAt),
      orderId: id,
      carrier: o.carrier!,
      trackingNo: o.trackingNo!,
      lines: lines.map((l) => ({
        lineId: l.id,
        skuId: l.skuId,
        title: l.title,
        specText: l.specText,
        quantity: l.quantity,
      })),
      allocations,
      actor: shipper,
      shippedAt,
    });
  return { id, o, total, status, stamps, units: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) };
}

/** The payment attempt: paid (by the demo's fake provider), or closed with the unpaid order. */
function attemptRow(ctx: Ctx, orderId: string, o: HistoricalOrder, amount: number, paidAt: Date | null, end: Date) {
  const started = new Date(Math.max(o.placedAt.getTime(), (paidAt ?? end).getTime() - 30 * SECOND));
  const id = newId('pay', started);
  return {
    tenantId: ctx.tenantId,
    id,
    orderId,
    provider: 'fake' as const,
    channel: o.channel!,
    outTradeNo: id,
    amount,
    status: paidAt ? ('paid' as const) : ('closed' as const),
    transactionId: null,
    lastNotification: null,
    problem: null,
    createdAt: started,
    paidAt,
    updatedAt: paidAt ?? end,
  };
}

/** The customer side, as the live subscribers do it per event (timelines, order stats), and sales counts. */
async function feedOthers(ctx: Ctx, built: Built[]) {
  const events: NewEvent[] = [];
  const stats = new Map<string, { customerId: string; orders: number; spent: number; lastOrderAt: Date }>();
  const sold: { productId: string; quantity: number }[] = [];
  for (const b of built) {
    const ev = (what: string, at: Date, props: Record<string, unknown>) =>
      events.push({
        customerId: b.o.customerId,
        type: `order.${what}`,
        properties: { orderId: b.id, ...props },
        source: 'orders',
        occurredAt: at,
        idempotencyKey: `orders:${what}:${b.id}`,
      });
    const paidAt = b.stamps.paidAt;
    if (paidAt) {
      ev('paid', paidAt, { total: b.total });
      const s = stats.get(b.o.customerId) ?? { customerId: b.o.customerId, orders: 0, spent: 0, lastOrderAt: paidAt };
      stats.set(b.o.customerId, {
        ...s,
        orders: s.orders + 1,
        spent: s.spent + b.total,
        lastOrderAt: paidAt > s.lastOrderAt ? paidAt : s.lastOrderAt,
      });
    }
    if (b.status === 'cancelled' || b.status === 'closed') ev(b.status, b.stamps[STAMP[b.status]]!, {});
    if (b.stamps.shippedAt) sold.push(...b.units);
  }
  await recordEvents(ctx, events, { announce: false });
  await addOrderStatsBatch(ctx, [...stats.values()]);
  return { events: events.length, customers: stats.size, sold };
}

/**
 * Loads orders that happened before (the demo seed, a migration from another system) set-based: a
 * statement per 5,000 rows of orders, lines, history, payment attempts and parcels (a shipped order
 * went in one), without outbox events or
 * audit entries per order (nothing must react to the past; one audit entry says what was loaded).
 * Lines are priced at the SKUs' current prices and shipping by the tenant's rules, so totals are
 * items + shipping (no discounts). The customer side follows as the live subscribers would have fed
 * it — `order.paid`, `order.cancelled` and `order.closed` on the timelines (not announced; completions
 * are left off, they would double the timeline rows of the load for little), order count, total spent
 * and last order time — and shipped units count as product sales. Stock is not touched: the catalog's
 * levels are today's, after the history. Runs in the caller's transaction; the input is checked
 * (SKUs, stores, locations, the state machine, times not in the future): 400 naming the order's field.
 */
export async function loadOrderHistory(ctx: Ctx, list: HistoricalOrder[]) {
  const now = ctx.clock.now();
  const settings = await getOrderSettings(ctx);
  const known: Known = {
    skus: await skuSnapshots(ctx, [...new Set(list.flatMap((o) => o.lines.map((l) => l.skuId)))]),
    stores: new Set((await listOrgUnits(ctx)).items.filter((u) => u.kind === 'store').map((u) => u.id)),
    locations: new Set((await listLocations(ctx)).items.map((l) => l.id)),
    now,
  };
  for (const [i, o] of list.entries()) check(o, i, known);
  const rows: BulkRows = { orders: [], lines: [], transitions: [], payments: [], shipments: [] };
  const built = [...list]
    .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime())
    .map((o) => orderRows(ctx, o, known, settings, rows));
  await insertOrderHistory(ctx.db, rows);
  const fed = await feedOthers(ctx, built);
  await addProductSales(ctx, fed.sold);
  await ctx.audit({
    action: 'orders.history.loaded',
    entityType: 'tenant',
    entityId: ctx.tenantId,
    summary: `Loaded ${rows.orders.length} past orders (${rows.lines.length} lines) without announcing them`,
  });
  return {
    orders: rows.orders.length,
    lines: rows.lines.length,
    transitions: rows.transitions.length,
    payments: rows.payments.length,
    shipments: rows.shipments.length,
    events: fed.events,
    customers: fed.customers,
  };
}
