import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform';
import { orders, payments } from '../orders.tables';

type Selected = typeof payments.$inferSelect;
type RefundColumns = 'refundStatus' | 'refundNo' | 'refundId' | 'refundTries' | 'refundError' | 'refundedAt';
/** An attempt; the refund columns are optional so that a new attempt can be written without them. */
export type PaymentRow = Omit<Selected, RefundColumns> & Partial<Pick<Selected, RefundColumns>>;
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

/**
 * Pending attempts created before `cut` of orders still waiting for payment and not yet due (those
 * are the close job's), via the orders' pending index.
 */
export async function staleAttempts(db: Db, cut: Date, now: Date, limit: number, only?: string) {
  return db
    .select({ tenantId: payments.tenantId, provider: payments.provider, outTradeNo: payments.outTradeNo })
    .from(orders)
    .innerJoin(payments, and(eq(payments.tenantId, orders.tenantId), eq(payments.orderId, orders.id)))
    .where(
      and(
        eq(orders.status, 'pending_payment'),
        gt(orders.paymentDeadline, now),
        eq(payments.status, 'pending'),
        lte(payments.createdAt, cut),
        only ? eq(orders.tenantId, only) : undefined,
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(limit);
}

export async function findPayment(db: Db, t: string, id: string) {
  const [r] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, t), eq(payments.id, id)));
  return r ?? null;
}

/** Refunds still to do or to confirm, least recently tried first (the refund job's sweep). */
export const refundsDue = (db: Db, before: Date, limit: number, only?: string) =>
  db
    .select({ tenantId: payments.tenantId, id: payments.id })
    .from(payments)
    .where(
      and(
        inArray(payments.refundStatus, ['pending', 'processing']),
        lte(payments.updatedAt, before),
        only ? eq(payments.tenantId, only) : undefined,
      ),
    )
    .orderBy(asc(payments.updatedAt))
    .limit(limit);
