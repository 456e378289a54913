import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { orderLines, shipments } from '../orders.tables';

export type { AllocationJson, ShipmentLineJson } from '../orders.tables';
export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentInsert = typeof shipments.$inferInsert;

export const insertShipment = (db: Db, row: ShipmentInsert) => db.insert(shipments).values(row);

/** The parcels of some orders, oldest first. */
export const shipmentsOf = (db: Db, t: string, orderIds: string[]) =>
  orderIds.length
    ? db
        .select()
        .from(shipments)
        .where(and(eq(shipments.tenantId, t), inArray(shipments.orderId, orderIds)))
        .orderBy(asc(shipments.orderId), asc(shipments.id))
    : Promise.resolve([] as ShipmentRow[]);

/** Counts units of a line as shipped, only while they fit (false: fewer units were left). */
export async function addShipped(db: Db, t: string, lineId: string, quantity: number) {
  const r = await db
    .update(orderLines)
    .set({ shippedQuantity: sql`${orderLines.shippedQuantity} + ${quantity}` })
    .where(
      and(
        eq(orderLines.tenantId, t),
        eq(orderLines.id, lineId),
        sql`${orderLines.shippedQuantity} + ${quantity} <= ${orderLines.quantity}`,
      ),
    )
    .returning({ id: orderLines.id });
  return r.length > 0;
}
