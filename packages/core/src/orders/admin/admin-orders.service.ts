import type { AdminOrder, AdminOrderQuery, StatsQuery } from '@siyu/contracts';
import { ORDER_LIMITS } from '@siyu/contracts';
import type { z } from 'zod';
import { getSettings, maskPhone } from '../../access';
import { type Ctx, DAY, invalid, notFound, startOfDayIn } from '../../platform';
import { type PaymentRow, paymentsOf } from '../billing/payments.repo';
import { fulfilmentOf, toOrder } from '../lifecycle/order-dto';
import { findOrder, linesOf, transitionsOf } from '../lifecycle/orders.repo';
import { shipmentsOf } from '../lifecycle/shipments.repo';
import { adminOrderRows, dailyRows } from './admin-orders.repo';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** Recipients' phone numbers are personal data: shown whole only to staff with customers.pii. */
export const canSeePii = (ctx: Ctx) => ctx.actor.kind !== 'staff' || ctx.actor.permissions.includes('customers.pii');
export const maskedAddress = <A extends { phone: string } | null>(a: A, pii: boolean): A =>
  a && !pii ? { ...a, phone: maskPhone(a.phone) } : a;

/** Orders for the admin list, newest first; from/to are days in the tenant's time zone. */
export async function listOrders(ctx: Ctx, q: z.output<typeof AdminOrderQuery>) {
  const { timeZone } = await getSettings(ctx);
  const rows = await adminOrderRows(ctx.db, ctx.tenantId, {
    ...q,
    from: q.from ? startOfDayIn(q.from, timeZone) : undefined,
    to: q.to ? startOfDayIn(nextDay(q.to), timeZone) : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const pii = canSeePii(ctx);
  const items = page.map((r) => {
    const { lines: _l, discounts: _d, shipments: _s, ...o } = toOrder(r.order, [], []);
    const units = Number(r.itemCount ?? 0);
    return {
      ...o,
      address: maskedAddress(o.address, pii),
      fulfilment: fulfilmentOf(o.status, units, Number(r.shippedCount ?? 0)),
      itemCount: units,
      firstTitle: r.firstTitle ?? '',
    };
  });
  return { items, nextCursor: rows.length > q.limit ? (page.at(-1)?.order.id ?? null) : null };
}

const toPayment = (p: PaymentRow): AdminOrder['payments'][number] => ({
  id: p.id,
  provider: p.provider,
  channel: p.channel as AdminOrder['payments'][number]['channel'],
  outTradeNo: p.outTradeNo,
  amount: p.amount,
  status: p.status,
  transactionId: p.transactionId,
  createdAt: p.createdAt.toISOString(),
  paidAt: p.paidAt?.toISOString() ?? null,
  problem: p.problem,
  refund:
    p.refundStatus && p.refundNo
      ? {
          status: p.refundStatus,
          refundNo: p.refundNo,
          refundId: p.refundId ?? null,
          tries: p.refundTries ?? 0,
          error: p.refundError ?? null,
          refundedAt: p.refundedAt?.toISOString() ?? null,
        }
      : null,
});

/** One order with its transitions, parcels, payment attempts (and refunds) and staff remarks. */
export async function adminOrder(ctx: Ctx, id: string): Promise<AdminOrder> {
  const o = await findOrder(ctx.db, ctx.tenantId, id);
  if (!o) throw notFound('Order', id);
  const [lines, transitions, attempts, parcels] = await Promise.all([
    linesOf(ctx.db, ctx.tenantId, [id]),
    transitionsOf(ctx.db, ctx.tenantId, id),
    paymentsOf(ctx.db, ctx.tenantId, id),
    shipmentsOf(ctx.db, ctx.tenantId, [id]),
  ]);
  const order = toOrder(o, lines, parcels);
  return {
    ...order,
    address: maskedAddress(order.address, canSeePii(ctx)),
    transitions: transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      at: t.at.toISOString(),
      actor: t.actor,
      note: t.note,
    })),
    payments: attempts.map(toPayment),
    remarks: o.remarks,
  };
}

/** Per day in the tenant's time zone: paid orders, GMV, AOV and paying customers; days without orders are 0. */
export async function dailyStats(ctx: Ctx, q: z.output<typeof StatsQuery>) {
  if (q.to < q.from) throw invalid('to', 'must not be before from');
  const days: string[] = [];
  for (let d = q.from; d <= q.to; d = nextDay(d)) days.push(d);
  if (days.length > ORDER_LIMITS.statsDays) throw invalid('to', `at most ${ORDER_LIMITS.statsDays} days at once`);
  const { timeZone } = await getSettings(ctx);
  const rows = await dailyRows(
    ctx.db,
    ctx.tenantId,
    startOfDayIn(q.from, timeZone),
    startOfDayIn(nextDay(q.to), timeZone),
    timeZone,
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    timeZone,
    days: days.map((day) => {
      const r = byDay.get(day);
      const orders = r?.orders ?? 0;
      const gmv = r?.gmv ?? 0;
      return { day, orders, gmv, aov: orders ? Math.round(gmv / orders) : 0, payingCustomers: r?.payingCustomers ?? 0 };
    }),
  };
}
