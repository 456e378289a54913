import type { ShipInput } from '@siyu/contracts';
import type { z } from 'zod';
import { type Allocation, shipStock } from '../../catalog';
import { conflict, type Ctx, invalid, newId } from '../../platform';
import { type LineRow, linesOf, type OrderRow, updateOrder } from './orders.repo';
import { type AllocationJson, addShipped, insertShipment, type ShipmentLineJson, shipmentsOf } from './shipments.repo';
import { actorLabel, illegal, lockedOrder, transition } from './state-machine';

type Parcel = { line: LineRow; quantity: number }[];

/** The lines and units of this parcel: the ones asked for, or everything not shipped yet. */
function parcelOf(lines: LineRow[], asked: z.output<typeof ShipInput>['lines']): Parcel {
  if (!asked)
    return lines
      .filter((l) => l.quantity > l.shippedQuantity)
      .map((l) => ({ line: l, quantity: l.quantity - l.shippedQuantity }));
  const seen = new Set<string>();
  return asked.map((a, i) => {
    const line = lines.find((l) => l.id === a.lineId);
    if (!line) throw invalid(`lines.${i}.lineId`, 'is not a line of this order');
    if (seen.has(a.lineId)) throw invalid(`lines.${i}.lineId`, 'is listed twice');
    seen.add(a.lineId);
    const left = line.quantity - line.shippedQuantity;
    if (a.quantity > left)
      throw conflict('SHIP_QUANTITY', `Only ${left} unit(s) of ${line.title} are left to ship`, {
        lineId: line.id,
        left,
      });
    return { line, quantity: a.quantity };
  });
}

/**
 * The reserved units this parcel takes: per SKU, from what the order still holds (its allocations
 * minus those of earlier parcels), location by location.
 */
function takeAllocations(held: AllocationJson[], earlier: AllocationJson[], parcel: Parcel): Allocation[] {
  const left = new Map<string, number>();
  const key = (a: AllocationJson) => `${a.skuId}|${a.locationId}`;
  for (const a of held) left.set(key(a), (left.get(key(a)) ?? 0) + a.quantity);
  for (const a of earlier) left.set(key(a), (left.get(key(a)) ?? 0) - a.quantity);
  const out: Allocation[] = [];
  for (const { line, quantity } of parcel) {
    let need = quantity;
    for (const a of held.filter((x) => x.skuId === line.skuId)) {
      const take = Math.min(need, left.get(key(a)) ?? 0);
      if (take <= 0) continue;
      left.set(key(a), (left.get(key(a)) ?? 0) - take);
      out.push({ skuId: a.skuId, locationId: a.locationId, quantity: take });
      need -= take;
      if (!need) break;
    }
    if (need > 0) throw conflict('NOT_RESERVED', `Order holds too few units of ${line.title} to ship ${quantity}`);
  }
  return out;
}

/**
 * Ships one parcel of a paid order (in the caller's transaction, the order locked): its units leave
 * the stock for good (`catalog.shipStock`), the parcel is recorded with carrier and tracking number,
 * audited and announced (`orders.shipment.created`). The parcel that ships the last units moves the
 * order to `shipped` (`orders.order.shipped`, once); before that the order stays `paid`, partly shipped.
 */
export async function shipOrder(ctx: Ctx, id: string, input: z.output<typeof ShipInput>) {
  const o = await lockedOrder(ctx, id);
  if (o.status !== 'paid') throw illegal(o, 'shipped');
  const lines = await linesOf(ctx.db, ctx.tenantId, [id]);
  const parcel = parcelOf(lines, input.lines);
  if (!parcel.length) throw conflict('NOTHING_TO_SHIP', `Every unit of order ${id} has been shipped`);
  const earlier = await shipmentsOf(ctx.db, ctx.tenantId, [id]);
  const allocations = takeAllocations(
    o.allocations,
    earlier.flatMap((s) => s.allocations),
    parcel,
  );
  const now = ctx.clock.now();
  const shipmentId = newId('shp', now);
  await shipStock(ctx, allocations, id);
  for (const p of parcel)
    if (!(await addShipped(ctx.db, ctx.tenantId, p.line.id, p.quantity)))
      throw conflict('SHIP_QUANTITY', `Too many units of ${p.line.title}`, { lineId: p.line.id });
  const shipmentLines: ShipmentLineJson[] = parcel.map(({ line, quantity }) => ({
    lineId: line.id,
    skuId: line.skuId,
    title: line.title,
    specText: line.specText,
    quantity,
  }));
  const { carrier, trackingNo } = input;
  await insertShipment(ctx.db, {
    tenantId: ctx.tenantId,
    id: shipmentId,
    orderId: id,
    carrier,
    trackingNo,
    lines: shipmentLines,
    allocations,
    actor: actorLabel(ctx),
    shippedAt: now,
  });
  const complete = lines.every(
    (l) => l.shippedQuantity + (parcel.find((p) => p.line.id === l.id)?.quantity ?? 0) >= l.quantity,
  );
  await recordParcel(ctx, o, { shipmentId, carrier, trackingNo, parcel, complete });
  return shipmentId;
}

async function recordParcel(
  ctx: Ctx,
  o: OrderRow,
  p: { shipmentId: string; carrier: string; trackingNo: string; parcel: Parcel; complete: boolean },
) {
  const units = p.parcel.reduce((n, x) => n + x.quantity, 0);
  const what = p.parcel.map((x) => `${x.line.title}×${x.quantity}`).join(', ');
  await ctx.emit('orders.shipment.created', {
    orderId: o.id,
    customerId: o.customerId,
    shipmentId: p.shipmentId,
    units,
    complete: p.complete,
  });
  await ctx.audit({
    action: 'orders.order.parcel_shipped',
    entityType: 'order',
    entityId: o.id,
    summary: `Parcel ${p.shipmentId} of order ${o.id}: ${what} by ${p.carrier} ${p.trackingNo}${p.complete ? ' (last)' : ''}`,
    changes: { shipmentId: p.shipmentId, carrier: p.carrier, trackingNo: p.trackingNo, units },
  });
  const set = { carrier: p.carrier, trackingNo: p.trackingNo };
  if (p.complete) await transition(ctx, o, 'shipped', { note: `${p.carrier} ${p.trackingNo}`, set });
  else await updateOrder(ctx.db, ctx.tenantId, o.id, { ...set, updatedAt: ctx.clock.now() });
}
