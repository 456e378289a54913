import type { PayInput } from '@siyu/contracts';
import type { z } from 'zod';
import { AppError, conflict, type Ctx, inTransaction, newId } from '../../platform';
import { lockedOrder } from '../lifecycle/state-machine';
import { updateOrder } from '../lifecycle/orders.repo';
import { PaymentError, type PaymentAction } from '../payments';
import { insertPayment, type PaymentRow, paymentsOf } from './payments.repo';
import { providerForChannel, tenantPayments } from './providers';

/** A provider's refusal as our own error (the provider layer's codes are documented in docs/payments.md). */
export function paymentFailure(e: unknown): never {
  if (!(e instanceof PaymentError)) throw e;
  if (e.code === 'ALREADY_PAID') throw conflict('ALREADY_PAID', 'This order has been paid');
  if (e.code === 'ORDER_CLOSED') throw conflict('PAYMENT_CLOSED', 'This payment has been closed');
  if (e.retryable || e.code === 'UNAUTHORIZED' || e.code === 'CONFIG')
    throw new AppError(503, 'PAYMENT_UNAVAILABLE', `The payment provider is not available: ${e.message}`);
  throw conflict('PAYMENT_REJECTED', `The payment provider refused: ${e.message}`, { code: e.code });
}

/**
 * Starts (or resumes) paying an order that waits for payment: one payment attempt per provider,
 * channel and amount (its id is the `out_trade_no`), committed before the provider is called so that
 * a fast notification finds it; then the provider's action for the client.
 */
export async function payOrder(ctx: Ctx, customerId: string, orderId: string, input: z.output<typeof PayInput>) {
  const setup = await tenantPayments(ctx);
  const provider = await providerForChannel(ctx, input.channel);
  if (!provider || !setup) throw conflict('PAYMENT_METHOD_UNAVAILABLE', `This shop does not accept ${input.channel}`);
  const { attempt, order } = await inTransaction(ctx, async (tx) => {
    const o = await lockedOrder(tx, orderId, customerId);
    if (o.status !== 'pending_payment')
      throw conflict('ORDER_STATE', `Order ${o.id} is ${o.status}: nothing to pay`, { status: o.status });
    const now = tx.clock.now();
    if (o.paymentDeadline <= now) throw conflict('PAYMENT_EXPIRED', 'The time to pay this order has passed');
    const reuse = (await paymentsOf(tx.db, tx.tenantId, o.id)).find(
      (p) =>
        p.status === 'pending' && p.provider === provider.name && p.channel === input.channel && p.amount === o.total,
    );
    let row: PaymentRow | undefined = reuse;
    if (!row) {
      const id = newId('pay', now);
      row = {
        tenantId: tx.tenantId,
        id,
        orderId: o.id,
        provider: provider.name,
        channel: input.channel,
        outTradeNo: id,
        amount: o.total,
        status: 'pending',
        transactionId: null,
        lastNotification: null,
        problem: null,
        createdAt: now,
        paidAt: null,
        updatedAt: now,
      };
      await insertPayment(tx.db, row);
    }
    await updateOrder(tx.db, tx.tenantId, o.id, { paymentMethod: input.channel, updatedAt: now });
    return { attempt: row, order: o };
  });
  const action: PaymentAction = await provider
    .createPayment({
      channel: input.channel,
      outTradeNo: attempt.outTradeNo,
      amountFen: attempt.amount,
      description: `订单 ${order.id}`,
      notifyUrl: setup.notifyUrl(provider.name),
      expiresAt: order.paymentDeadline,
      payerOpenid: input.openid,
      clientIp: ctx.ip ?? undefined,
    })
    .catch(paymentFailure);
  return {
    paymentId: attempt.id,
    outTradeNo: attempt.outTradeNo,
    amount: attempt.amount,
    action:
      action.kind === 'jsapi'
        ? { kind: 'jsapi' as const, prepayId: action.prepayId, params: { ...action.params } }
        : action,
  };
}
