import { type Ctx, inTransaction } from '../../platform';
import { findOrder } from '../lifecycle/orders.repo';
import { lockedOrder, transition } from '../lifecycle/state-machine';
import type { NotificationHeaders, PaymentEvent, PaymentProvider, ProviderName } from '../payments';
import { PaymentError } from '../payments';
import { lockPaymentByTrade, type PaymentRow, paymentsOf, updatePayment } from './payments.repo';
import { providerNamed } from './providers';
import { applyRefundEvent, scheduleRefund } from './refund.service';

type PaidFacts = { amountFen: number; transactionId?: string; paidAt?: Date; raw: unknown };
export type SettleResult = 'paid' | 'duplicate' | 'mismatch' | 'paid_after_close';

/**
 * Applies a provider's "paid" to a locked payment attempt, once: a paid attempt is a duplicate (no
 * change); an amount that is not the attempt's or the order's is recorded as a mismatch and not paid;
 * otherwise the attempt and its order become paid. A payment for an order closed or cancelled
 * meanwhile is recorded with the problem and refunded by the refund job; the order stays as it is.
 */
export async function applyPaid(ctx: Ctx, p: PaymentRow, facts: PaidFacts): Promise<SettleResult> {
  const now = ctx.clock.now();
  const base = { lastNotification: facts.raw as object, updatedAt: now };
  if (p.status === 'paid') return 'duplicate';
  // A recorded mismatch is an incident for staff to resolve; later messages for the attempt change nothing.
  if (p.status === 'mismatch') return 'mismatch';
  const order = await lockedOrder(ctx, p.orderId);
  if (facts.amountFen !== p.amount || facts.amountFen !== order.total) {
    const problem = `amount mismatch: provider says ${facts.amountFen} fen, attempt ${p.amount}, order ${order.total}`;
    await updatePayment(ctx.db, ctx.tenantId, p.id, { ...base, status: 'mismatch', problem });
    await ctx.audit({
      action: 'orders.payment.mismatch',
      entityType: 'order',
      entityId: order.id,
      summary: `Payment ${p.id} not accepted: ${problem}`,
      changes: { transactionId: facts.transactionId ?? null },
    });
    return 'mismatch';
  }
  const paid = {
    ...base,
    status: 'paid' as const,
    transactionId: facts.transactionId ?? null,
    paidAt: facts.paidAt ?? now,
  };
  if (order.status !== 'pending_payment') {
    await updatePayment(ctx.db, ctx.tenantId, p.id, {
      ...paid,
      problem: `paid while the order was ${order.status}: refunded automatically`,
    });
    await scheduleRefund(ctx, p);
    await ctx.audit({
      action: 'orders.payment.after_close',
      entityType: 'order',
      entityId: order.id,
      summary: `Payment ${p.id} arrived for a ${order.status} order; it is refunded automatically`,
    });
    return 'paid_after_close';
  }
  await updatePayment(ctx.db, ctx.tenantId, p.id, paid);
  await transition(ctx, order, 'paid', {
    note: `${p.provider} ${facts.transactionId ?? ''}`.trim(),
    set: { paymentMethod: p.channel },
    paymentId: p.id,
  });
  return 'paid';
}

/**
 * A provider's notification, from the raw body: verified by the provider (a bad one gets the
 * provider's failure answer, so it retries or gives up), then applied under the attempt's row lock.
 */
export async function handlePaymentNotification(
  ctx: Ctx,
  providerName: string,
  rawBody: Buffer,
  headers: NotificationHeaders,
) {
  const provider = await providerNamed(ctx, providerName);
  if (!provider) return null;
  let event: PaymentEvent;
  try {
    event = await provider.parseNotification(rawBody, headers);
  } catch (e) {
    ctx.log.warn({ err: e, provider: providerName }, 'payment notification refused');
    return provider.acknowledgement(false, e instanceof PaymentError ? e.code : 'bad notification');
  }
  if (event.kind === 'refunded' || event.kind === 'refund_failed') return refundNotification(ctx, provider, event);
  if (event.kind !== 'paid') return provider.acknowledgement(true);
  let result: SettleResult | null;
  try {
    result = await inTransaction(ctx, async (tx) => {
      const p = await lockPaymentByTrade(tx.db, tx.tenantId, provider.name as ProviderName, event.outTradeNo);
      if (!p) return null;
      return applyPaid(tx, p, {
        amountFen: event.amountFen,
        transactionId: event.transactionId,
        paidAt: event.paidAt,
        raw: {
          id: event.id,
          state: event.providerState,
          amountFen: event.amountFen,
          transactionId: event.transactionId,
          raw: event.raw,
        },
      });
    });
  } catch (e) {
    // Not applied (e.g. the database is unavailable): answer failure so that the provider retries.
    ctx.log.error({ err: e, outTradeNo: event.outTradeNo }, 'payment notification not applied');
    return provider.acknowledgement(false, 'not applied, retry');
  }
  if (!result) {
    ctx.log.warn({ outTradeNo: event.outTradeNo }, 'payment notification for an unknown trade');
    return provider.acknowledgement(false, 'unknown out_trade_no');
  }
  return provider.acknowledgement(true);
}

/** A refund's result: applied to the attempt whose refund it is (a refund we did not ask for is only logged). */
async function refundNotification(ctx: Ctx, provider: PaymentProvider, event: PaymentEvent) {
  const refund = event.refund;
  try {
    const mine = await inTransaction(ctx, async (tx) => {
      const p = await lockPaymentByTrade(tx.db, tx.tenantId, provider.name as ProviderName, event.outTradeNo);
      return p && refund ? applyRefundEvent(tx, p, refund, event.kind === 'refunded') : false;
    });
    if (!mine)
      ctx.log.warn({ outTradeNo: event.outTradeNo, refund }, 'refund notification for a refund we did not ask');
  } catch (e) {
    ctx.log.error({ err: e, outTradeNo: event.outTradeNo }, 'refund notification not applied');
    return provider.acknowledgement(false, 'not applied, retry');
  }
  return provider.acknowledgement(true);
}

/**
 * Closes every open attempt of an order with its provider, FIRST (before stock is released). When a
 * provider says the trade was paid, the payment is applied (from a query) and 'paid' is returned.
 */
export async function closeAttempts(ctx: Ctx, orderId: string): Promise<'paid' | 'closed'> {
  const open = (await paymentsOf(ctx.db, ctx.tenantId, orderId)).filter((p) => p.status === 'pending');
  for (const p of open) {
    const provider = await providerNamed(ctx, p.provider);
    if (!provider) throw new Error(`No ${p.provider} provider for tenant ${ctx.tenantId}: cannot close ${p.id}`);
    try {
      await provider.close(p.outTradeNo);
    } catch (e) {
      if (!(e instanceof PaymentError && e.code === 'ALREADY_PAID')) throw e;
      const q = await provider.query(p.outTradeNo);
      const r = await inTransaction(ctx, async (tx) => {
        const locked = await lockPaymentByTrade(tx.db, tx.tenantId, p.provider, p.outTradeNo);
        if (!locked) return null;
        return applyPaid(tx, locked, {
          amountFen: q.amountFen ?? -1,
          transactionId: q.transactionId,
          paidAt: q.paidAt,
          raw: { query: q.status, transactionId: q.transactionId, amountFen: q.amountFen },
        });
      });
      if (r === 'paid' || r === 'duplicate') return 'paid';
    }
  }
  const o = await findOrder(ctx.db, ctx.tenantId, orderId);
  return o && o.status !== 'pending_payment' && o.paidAt ? 'paid' : 'closed';
}
