import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PaymentError, REFUND_JOB } from '@siyu/core/orders';
import { MINUTE } from '@siyu/core/platform';
import { shop } from './orders.fixtures';
import { place, type Shop } from './orders-flow.fixtures';
import { ok } from './tags.fixtures';

const notify = (s: Shop, n: { body: string; headers: Record<string, string> }) =>
  s.app.inject({
    method: 'POST',
    url: `/webhooks/payments/${s.tenant.slug}/fake`,
    payload: n.body,
    headers: n.headers,
  });

/** The buyer pays at the provider while the order is being cancelled: the money arrives for a cancelled order. */
async function paidAfterCancel(s: Shop) {
  const o = await place(s, s.shopper, 1);
  const pay = ok(await s.shopper.post(`${s.base}/orders/${o.id}/pay`, { channel: 'wechat_jsapi' }));
  ok(await s.shopper.post(`${s.base}/orders/${o.id}/cancel`));
  const trade = s.fake.payments.get(pay.outTradeNo);
  assert.ok(trade);
  trade.status = 'pending'; // the provider's close lost the race with the buyer's payment
  const n = s.fake.pay(pay.outTradeNo);
  assert.equal((await notify(s, n)).statusCode, 204);
  return { order: o, outTradeNo: pay.outTradeNo as string, notification: n };
}

const paymentOf = async (s: Shop, orderId: string) => ok(await s.agent.get(`/api/admin/orders/${orderId}`)).payments[0];
const sweep = async (s: Shop) => {
  await s.tenant.ctx.enqueue(REFUND_JOB, { tenantId: s.tenant.tenantId });
  await s.rt.drain({ tenantId: s.tenant.tenantId });
};

describe('refunds of payments for closed orders', () => {
  it('refunds automatically through the provider, once, retrying while the provider is down', async () => {
    const s = await shop();
    s.fake.failNext('refund', new PaymentError('PROVIDER_UNAVAILABLE', 'provider down'));
    const { order, outTradeNo, notification } = await paidAfterCancel(s);
    let p = await paymentOf(s, order.id);
    assert.deepEqual([p.status, p.refund?.status], ['paid', 'pending']);
    await s.rt.drain({ tenantId: s.tenant.tenantId }); // the queued job: the provider is down
    p = await paymentOf(s, order.id);
    assert.deepEqual([p.refund.status, p.refund.tries, p.refund.error], ['pending', 1, 'provider down']);
    assert.equal(s.fake.payments.get(outTradeNo)?.refunds.size, 0);

    await sweep(s);
    p = await paymentOf(s, order.id);
    assert.equal(p.refund.status, 'pending', 'the sweep leaves a refund tried less than 5 minutes ago');
    s.clock.advance(6 * MINUTE);
    await sweep(s);
    p = await paymentOf(s, order.id);
    assert.deepEqual(
      [p.refund.status, p.refund.error, p.refund.refundNo],
      ['succeeded', null, p.id.replace('pay_', 'rfd_')],
    );
    assert.ok(p.refund.refundedAt);
    const trade = s.fake.payments.get(outTradeNo);
    assert.deepEqual([...(trade?.refunds.values() ?? [])], [order.total], 'refunded in full, once');

    // Again (a duplicate notification, another sweep): nothing more happens.
    assert.equal((await notify(s, notification)).statusCode, 204);
    s.clock.advance(6 * MINUTE);
    await sweep(s);
    assert.equal(s.fake.payments.get(outTradeNo)?.refunds.size, 1);
    const detail = ok(await s.agent.get(`/api/admin/orders/${order.id}`));
    assert.equal(detail.status, 'cancelled', 'the order stays cancelled');
    const audit = ok(await s.agent.get('/api/admin/audit-log?action=orders.payment.')).items as { action: string }[];
    assert.equal(audit.filter((a) => a.action === 'orders.payment.refunded').length, 1);
  });

  it('applies the refund notification and records a final refusal for staff', async () => {
    const s = await shop();
    const first = await paidAfterCancel(s);
    // The provider confirms the refund by notification (as WeChat does for a refund in processing).
    await s.rt.drain({ tenantId: s.tenant.tenantId });
    const p = await paymentOf(s, first.order.id);
    const n = s.fake.notification(first.outTradeNo, p.refund.refundNo);
    assert.equal((await notify(s, n)).statusCode, 204, 'our own refund is acknowledged');
    assert.equal((await paymentOf(s, first.order.id)).refund.status, 'succeeded');

    s.fake.failNext('refund', new PaymentError('REJECTED', 'merchant balance too low'));
    const second = await paidAfterCancel(s);
    await s.rt.drain({ tenantId: s.tenant.tenantId });
    const refused = (await paymentOf(s, second.order.id)).refund;
    assert.deepEqual([refused.status, refused.error], ['failed', 'merchant balance too low']);
    const audit = ok(await s.agent.get('/api/admin/audit-log?action=orders.payment.refund_failed')).items;
    assert.equal(audit.length, 1);
  });

  it('refunds the second of two payments for one order (a double payment)', async () => {
    const s = await shop();
    const o = await place(s, s.shopper, 1);
    const wechat = ok(await s.shopper.post(`${s.base}/orders/${o.id}/pay`, { channel: 'wechat_jsapi' }));
    const alipay = ok(await s.shopper.post(`${s.base}/orders/${o.id}/pay`, { channel: 'alipay_wap' }));
    assert.notEqual(wechat.outTradeNo, alipay.outTradeNo);
    assert.equal((await notify(s, s.fake.pay(wechat.outTradeNo))).statusCode, 204);
    assert.equal((await notify(s, s.fake.pay(alipay.outTradeNo))).statusCode, 204);
    await s.rt.drain({ tenantId: s.tenant.tenantId });
    const detail = ok(await s.agent.get(`/api/admin/orders/${o.id}`));
    assert.equal(detail.status, 'paid');
    const byTrade = new Map(
      detail.payments.map((p: { outTradeNo: string; refund: { status: string } | null }) => [p.outTradeNo, p.refund]),
    );
    assert.equal(byTrade.get(wechat.outTradeNo), null, 'the payment that paid the order stays');
    assert.equal((byTrade.get(alipay.outTradeNo) as { status: string }).status, 'succeeded');
    assert.deepEqual([...(s.fake.payments.get(alipay.outTradeNo)?.refunds.values() ?? [])], [o.total]);
    assert.equal(s.fake.payments.get(wechat.outTradeNo)?.refunds.size, 0);
  });

  it("never touches another tenant's payments", async () => {
    const a = await shop();
    const b = await shop();
    const { order } = await paidAfterCancel(a);
    await b.tenant.ctx.enqueue(REFUND_JOB, { tenantId: b.tenant.tenantId });
    await b.rt.drain({ tenantId: b.tenant.tenantId });
    assert.equal((await b.agent.get(`/api/admin/orders/${order.id}`)).statusCode, 404);
    await a.rt.drain({ tenantId: a.tenant.tenantId });
    assert.equal((await paymentOf(a, order.id)).refund.status, 'succeeded');
  });
});
