import type { Order } from '@siyu/contracts';
import type { LineRow, OrderRow } from './orders.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toOrder(o: OrderRow, lines: LineRow[]): Order {
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
    placedAt: o.placedAt.toISOString(),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
    closedAt: iso(o.closedAt),
  };
}
