import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testClock } from '../../platform/clock';
import { createFakePaymentProvider } from './fake-provider';
import { PaymentError } from './provider';

const isError = (code: string) => (e: unknown) => e instanceof PaymentError && e.code === code;

describe('the fake payment provider', () => {
  const input = {
    channel: 'wechat_jsapi' as const,
    outTradeNo: 'ord_1',
    amountFen: 1230,
    description: 'd',
    notifyUrl: 'http://x',
    expiresAt: new Date('2026-01-15T02:15:00Z'),
  };

  it('walks a payment through create → pay → notification → query → refund, deterministically', async () => {
    const clock = testClock('2026-01-15T02:00:00Z');
    const fake = createFakePaymentProvider(clock);
    const action = await fake.createPayment(input);
    assert.equal(action.kind, 'jsapi');
    assert.equal((await fake.query('ord_1')).status, 'pending');
    const n = fake.pay('ord_1');
    const e = await fake.parseNotification(n.body, n.headers);
    assert.deepEqual(
      { kind: e.kind, outTradeNo: e.outTradeNo, transactionId: e.transactionId, amountFen: e.amountFen },
      { kind: 'paid', outTradeNo: 'ord_1', transactionId: 'fake_tx_000001', amountFen: 1230 },
    );
    assert.equal(e.paidAt?.toISOString(), '2026-01-15T02:00:00.000Z');
    const again = fake.notification('ord_1');
    assert.deepEqual(await fake.parseNotification(Buffer.from(again.body), again.headers), e);
    assert.equal((await fake.query('ord_1')).status, 'paid');
    await assert.rejects(fake.close('ord_1'), isError('ALREADY_PAID'));
    const r = await fake.refund({ outTradeNo: 'ord_1', outRefundNo: 'r1', refundFen: 230, totalFen: 1230 });
    assert.equal(r.status, 'succeeded');
    assert.equal(
      (await fake.refund({ outTradeNo: 'ord_1', outRefundNo: 'r1', refundFen: 230, totalFen: 1230 })).refundFen,
      230,
    );
    await assert.rejects(
      fake.refund({ outTradeNo: 'ord_1', outRefundNo: 'r2', refundFen: 1001, totalFen: 1230 }),
      isError('REJECTED'),
    );
    const rn = fake.notification('ord_1', 'r1');
    assert.equal((await fake.parseNotification(rn.body, rn.headers)).refund?.refundFen, 230);
  });

  it('closes unpaid payments, injects failures, refuses unsigned notifications', async () => {
    const fake = createFakePaymentProvider(testClock());
    assert.equal(await fake.close('nothing'), 'not_created');
    await fake.createPayment({ ...input, outTradeNo: 'ord_2', channel: 'alipay_wap' });
    assert.equal(await fake.close('ord_2'), 'closed');
    await assert.rejects(fake.createPayment({ ...input, outTradeNo: 'ord_2' }), isError('ORDER_CLOSED'));
    fake.failNext('query', new PaymentError('PROVIDER_UNAVAILABLE', 'down'));
    await assert.rejects(fake.query('ord_2'), (e) => e instanceof PaymentError && e.retryable);
    assert.equal((await fake.query('ord_2')).status, 'closed');
    await assert.rejects(fake.parseNotification('{}', {}), isError('BAD_SIGNATURE'));
    await assert.rejects(fake.createPayment({ ...input, outTradeNo: 'ord_3', amountFen: 0 }), isError('INVALID_INPUT'));
  });
});
