import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform';
import { payments } from '../orders.tables';

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentInsert = typeof payments.$inferInsert;

export const insertPayment = (db: Db, row: PaymentInsert) => db.insert(payments).values(row);

export const paymentsOf = (db: Db, t: string, orderId: string) =>
  db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, t), eq(payments.orderId, orderId)))
    .orderBy(asc(payments.id));

/** The attempt a notification names, locked: duplicates wait here and then see it paid. */
export async function lockPaymentByTrade(db: Db, t: string, provider: PaymentRow['provider'], outTradeNo: string) {
  const [r] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, t), eq(payments.provider, provider), eq(payments.outTradeNo, outTradeNo)))
    .for('update');
  return r ?? null;
}

export const updatePayment = (db: Db, t: string, id: string, set: Partial<PaymentInsert>) =>
  db
    .update(payments)
    .set(set)
    .where(and(eq(payments.tenantId, t), eq(payments.id, id)));

export const closeOpenPayments = (db: Db, t: string, orderId: string, at: Date) =>
  db
    .update(payments)
    .set({ status: 'closed', updatedAt: at })
    .where(and(eq(payments.tenantId, t), eq(payments.orderId, orderId), eq(payments.status, 'pending')));

/** Locks an order's attempts (before the order row, the order notifications take them in). */
export const lockPaymentsOf = (db: Db, t: string, orderId: string) =>
  db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.tenantId, t), eq(payments.orderId, orderId)))
    .for('update');
