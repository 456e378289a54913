import { type Ctx, inTransaction } from '../../platform';
import { findOrder } from '../lifecycle/orders.repo';
import { PaymentError, type RefundResult } from '../payments';
import { findPayment, lockPaymentByTrade, type PaymentRow, updatePayment } from './payments.repo';
import { providerNamed, tenantPayments } from './providers';

export const REFUND_JOB = 'orders.refund-payment';
const REASON = '订单已关闭，自动退款';

/** The refund number of an attempt: derived from its id, so every retry asks for the same refund. */
export const refundNoOf = (paymentId: string) => paymentId.replace(/^pay_/, 'rfd_');

/**
 * Marks a paid attempt of a closed or cancelled order for an automatic refund (in the caller's
 * transaction, the attempt locked) and queues the refund job; the job calls the provider after commit.
 */
export async function scheduleRefund(ctx: Ctx, p: PaymentRow) {
  await updatePayment(ctx.db, ctx.tenantId, p.id, {
    refundStatus: 'pending',
    refundNo: refundNoOf(p.id),
    updatedAt: ctx.clock.now(),
  });
  await ctx.enqueue(REFUND_JOB, { tenantId: ctx.tenantId, paymentId: p.id });
}

type Outcome = { status: 'processing' | 'succeeded' | 'failed'; refundId?: string; error?: string; at?: Date };

/**
 * Asks the provider for the refund of an attempt marked for one (no lock is held while it is asked;
 * the refund number makes a repeated request the same refund, so a retry never refunds twice), then
 * records the answer. A provider that cannot be reached or refuses for a passing reason throws (the job
 * is retried); a final refusal marks the refund failed for staff to resolve.
 */
export async function refundPayment(ctx: Ctx, paymentId: string): Promise<PaymentRow['refundStatus']> {
  const p = await findPayment(ctx.db, ctx.tenantId, paymentId);
  if (!p?.refundNo || (p.refundStatus !== 'pending' && p.refundStatus !== 'processing')) return p?.refundStatus ?? null;
  const provider = await providerNamed(ctx, p.provider);
  let answer: RefundResult;
  try {
    if (!provider) throw new PaymentError('CONFIG', `No ${p.provider} provider for this shop`);
    const setup = await tenantPayments(ctx);
    answer = await provider.refund({
      outTradeNo: p.outTradeNo,
      outRefundNo: p.refundNo,
      refundFen: p.amount,
      totalFen: p.amount,
      reason: REASON,
      notifyUrl: setup?.notifyUrl(provider.name),
    });
  } catch (e) {
    const passing = !(e instanceof PaymentError) || e.retryable || e.code === 'CONFIG' || e.code === 'UNAUTHORIZED';
    const error = e instanceof Error ? e.message : String(e);
    await settleRefund(ctx, p, passing ? { retry: error } : { status: 'failed', error });
    if (passing) throw e;
    return 'failed';
  }
  const status = answer.status === 'succeeded' ? 'succeeded' : answer.status === 'processing' ? 'processing' : 'failed';
  await settleRefund(ctx, p, {
    status,
    refundId: answer.refundId,
    error: status === 'failed' ? `the provider answered ${answer.status}` : undefined,
  });
  return status;
}

/** A refund notification (WeChat REFUND.SUCCESS / abnormal) for an attempt's refund; false when it is not ours. */
export async function applyRefundEvent(
  ctx: Ctx,
  p: PaymentRow,
  refund: { outRefundNo: string; refundId?: string; succeededAt?: Date },
  ok: boolean,
) {
  if (!p.refundNo || refund.outRefundNo !== p.refundNo) return false;
  if (p.refundStatus === 'succeeded' || p.refundStatus === 'failed') return true; // a duplicate
  await applyOutcome(ctx, p, {
    status: ok ? 'succeeded' : 'failed',
    refundId: refund.refundId,
    error: ok ? undefined : 'the provider reported the refund abnormal',
    at: refund.succeededAt,
  });
  return true;
}

/** Records the provider's answer (or a failed try to retry) under the attempt's lock. */
async function settleRefund(ctx: Ctx, p: PaymentRow, o: Outcome | { retry: string }) {
  await inTransaction(ctx, async (tx) => {
    const locked = await lockPaymentByTrade(tx.db, tx.tenantId, p.provider, p.outTradeNo);
    // A notification may have settled it meanwhile.
    if (!locked || locked.refundStatus === 'succeeded' || locked.refundStatus === 'failed') return;
    if ('retry' in o)
      await updatePayment(tx.db, tx.tenantId, p.id, {
        refundTries: (locked.refundTries ?? 0) + 1,
        refundError: o.retry,
        updatedAt: tx.clock.now(),
      });
    else await applyOutcome(tx, locked, o);
  });
}

/** Writes the refund's new state on a locked attempt; a final state is audited, a success announced. */
async function applyOutcome(ctx: Ctx, p: PaymentRow, o: Outcome) {
  const now = ctx.clock.now();
  await updatePayment(ctx.db, ctx.tenantId, p.id, {
    refundStatus: o.status,
    refundId: o.refundId ?? p.refundId ?? null,
    refundError: o.error ?? null,
    refundTries: (p.refundTries ?? 0) + 1,
    refundedAt: o.status === 'succeeded' ? (o.at ?? now) : null,
    updatedAt: now,
  });
  if (o.status === 'processing') return;
  const order = await findOrder(ctx.db, ctx.tenantId, p.orderId);
  if (o.status === 'succeeded' && order)
    await ctx.emit('orders.payment.refunded', {
      orderId: p.orderId,
      customerId: order.customerId,
      paymentId: p.id,
      amount: p.amount,
    });
  await ctx.audit({
    action: o.status === 'succeeded' ? 'orders.payment.refunded' : 'orders.payment.refund_failed',
    entityType: 'order',
    entityId: p.orderId,
    summary:
      o.status === 'succeeded'
        ? `Refunded ${p.amount} fen of payment ${p.id} (${p.refundNo}): the order was ${order?.status ?? 'gone'}`
        : `The refund ${p.refundNo} of payment ${p.id} failed: ${o.error ?? ''}; refund it by hand`,
    changes: { refundNo: p.refundNo, refundId: o.refundId ?? null },
  });
}
