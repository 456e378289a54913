import type { Order, Shipment } from '@siyu/contracts';
import type { LineRow, OrderRow } from './orders.repo';
import type { ShipmentRow } from './shipments.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const SHIPPED: ReadonlySet<Order['status']> = new Set(['shipped', 'delivered', 'completed']);

/** none / partial (部分发货: some units in parcels, the order still paid) / all. */
export function fulfilmentOf(status: Order['status'], units: number, shippedUnits: number): Order['fulfilment'] {
  if (SHIPPED.has(status)) return 'all';
  return shippedUnits > 0 && shippedUnits < units ? 'partial' : shippedUnits > 0 ? 'all' : 'none';
}

/**
 * The parcels of an order. An order shipped before parcels were recorded (or loaded in bulk) has its
 * carrier and tracking number on the order only: it shows as one parcel of everything.
 */
function parcelsOf(o: OrderRow, lines: LineRow[], rows: ShipmentRow[]): Shipment[] {
  if (rows.length || !SHIPPED.has(o.status) || !o.carrier) return rows.map(toShipment);
  return [
    {
      id: o.id.replace(/^ord_/, 'shp_'),
      carrier: o.carrier,
      trackingNo: o.trackingNo ?? '',
      shippedAt: (o.shippedAt ?? o.updatedAt).toISOString(),
      lines: lines.map((l) => ({
        lineId: l.id,
        skuId: l.skuId,
        title: l.title,
        specText: l.specText,
        quantity: l.quantity,
      })),
    },
  ];
}

const toShipment = (s: ShipmentRow): Shipment => ({
  id: s.id,
  carrier: s.carrier,
  trackingNo: s.trackingNo,
  lines: s.lines,
  shippedAt: s.shippedAt.toISOString(),
});

export function toOrder(o: OrderRow, lines: LineRow[], shipments: ShipmentRow[]): Order {
  const all = SHIPPED.has(o.status);
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  const shippedUnits = lines.reduce((n, l) => n + (all ? l.quantity : l.shippedQuantity), 0);
  return {
    id: o.id,
    status: o.status,
    customerId: o.customerId,
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.skuId,
      productId: l.productId,
      title: l.title,
      specText: l.specText,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      shippedQuantity: all ? l.quantity : l.shippedQuantity,
    })),
    itemsTotal: o.itemsTotal,
    discountTotal: o.discountTotal,
    shippingFee: o.shippingFee,
    priceAdjustment: o.priceAdjustment,
    total: o.total,
    discounts: o.discounts,
    delivery: o.delivery,
    address: o.address ?? null,
    storeId: o.storeId,
    buyerRemark: o.buyerRemark,
    paymentDeadline: o.paymentDeadline.toISOString(),
    paymentMethod: (o.paymentMethod as Order['paymentMethod']) ?? null,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    fulfilment: fulfilmentOf(o.status, units, shippedUnits),
    shipments: parcelsOf(o, lines, shipments),
    placedAt: o.placedAt.toISOString(),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
    closedAt: iso(o.closedAt),
  };
}
