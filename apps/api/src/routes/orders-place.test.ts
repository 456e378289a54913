import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOSE_EXPIRED_JOB, RECONCILE_JOB } from '@siyu/core/orders';
import { MINUTE } from '@siyu/core/platform';
import { ADDRESS, clientKey, shop } from './orders.fixtures';
import { expectError, ok } from './tags.fixtures';

type Shop = Awaited<ReturnType<typeof shop>>;

async function available(s: Shop, skuId = s.latteSku) {
  const p = ok(await s.anon().get(`${s.base}/catalog/products/${skuId === s.latteSku ? s.latte.id : s.americano.id}`));
  return p.skus[0].available as number;
}
async function placed(s: Shop, quantity = 1, key = clientKey()) {
  return ok(
    await s.shopper.post(`${s.base}/orders`, {
      buyNow: { skuId: s.latteSku, quantity },
      delivery: 'pickup',
      storeId: s.store.id,
      clientKey: key,
    }),
    201,
  );
}
const notify = (s: Shop, n: { body: string; headers: Record<string, string> }) =>
  s.app.inject({
    method: 'POST',
    url: `/webhooks/payments/${s.tenant.slug}/fake`,
    payload: n.body,
    headers: n.headers,
  });
const closeExpired = async (s: Shop) => {
  await s.tenant.ctx.enqueue(CLOSE_EXPIRED_JOB, { tenantId: s.tenant.tenantId });
  await s.rt.drain({ tenantId: s.tenant.tenantId });
};

describe('placing and paying orders', () => {
  it('places an order from the cart once per client key, reserving stock and emptying the cart', async () => {
    const s = await shop({ stock: 5 });
    const { shopper, base } = s;
    ok(await shopper.post(`${base}/addresses`, ADDRESS), 201);
    ok(await shopper.post(`${base}/cart/items`, { skuId: s.latteSku, quantity: 2 }));
    ok(await shopper.post(`${base}/cart/items`, { skuId: s.americanoSku, quantity: 1 }));
    ok(await shopper.patch(`${base}/cart/items/${s.americanoSku}`, { selected: false }));
    const key = clientKey();
    const first = await shopper.post(`${base}/orders`, { clientKey: key, remark: '少冰' });
    const order = ok(first, 201);
    assert.equal(order.status, 'pending_payment');
    assert.deepEqual(
      order.lines.map((l: { title: string; unitPrice: number; quantity: number }) => [
        l.title,
        l.unitPrice,
        l.quantity,
      ]),
      [['燕麦拿铁', 2800, 2]],
    );
    assert.deepEqual(
      [order.itemsTotal, order.shippingFee, order.total],
      [5600, 1000, 6600],
      'default: ¥10, free from ¥99',
    );
    assert.equal(order.address.detail, ADDRESS.detail);
    assert.equal(Date.parse(order.paymentDeadline) - Date.parse(order.placedAt), 15 * MINUTE);
    const again = await shopper.post(`${base}/orders`, { clientKey: key, remark: '少冰' });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.data.id, order.id, 'the same key is the same order');
    const cart = ok(await shopper.get(`${base}/cart`));
    assert.deepEqual(
      cart.items.map((i: { skuId: string }) => i.skuId),
      [s.americanoSku],
      'bought items left the cart, the unselected one stayed',
    );
    assert.equal(await available(s), 3);
    const mine = ok(await shopper.get(`${base}/orders`)).items;
    assert.deepEqual(
      mine.map((o: { id: string }) => o.id),
      [order.id],
    );
    ok(await shopper.get(`${base}/orders/${order.id}`));
    const other = await (await import('./orders.fixtures')).shopperOf(s.app, s.tenant.slug);
    expectError(await other.get(`${base}/orders/${order.id}`), 404, 'NOT_FOUND');
  });

  it('refuses a short SKU with 409 naming it and holds nothing', async () => {
    const s = await shop({ stock: 2 });
    const res = await s.shopper.post(`${s.base}/orders`, {
      buyNow: { skuId: s.latteSku, quantity: 3 },
      delivery: 'pickup',
      storeId: s.store.id,
      clientKey: clientKey(),
    });
    expectError(res, 409, 'STOCK_SHORT');
    assert.deepEqual(res.data.error.details.lines, [{ skuId: s.latteSku, requested: 3, available: 2 }]);
    assert.equal(await available(s), 2);
    assert.equal(ok(await s.shopper.get(`${s.base}/orders`)).items.length, 0);
  });

  it('cancels before payment (stock released) and refuses illegal transitions with 409', async () => {
    const s = await shop({ stock: 5 });
    const order = await placed(s, 2);
    assert.equal(await available(s), 3);
    expectError(await s.shopper.post(`${s.base}/orders/${order.id}/confirm-receipt`), 409, 'ORDER_STATE');
    expectError(
      await s.agent.post(`/api/admin/orders/${order.id}/ship`, { carrier: '顺丰', trackingNo: 'SF1234567' }),
      409,
      'ORDER_STATE',
    );
    const cancelled = ok(await s.shopper.post(`${s.base}/orders/${order.id}/cancel`));
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(await available(s), 5, 'the held units are back');
    expectError(await s.shopper.post(`${s.base}/orders/${order.id}/cancel`), 409, 'ORDER_STATE');
    expectError(await s.shopper.post(`${s.base}/orders/${order.id}/pay`, { channel: 'wechat_h5' }), 409, 'ORDER_STATE');
    expectError(await s.agent.post(`/api/admin/orders/${order.id}/deliver`), 409, 'ORDER_STATE');

    // Buy again: the lines go back into the cart; an item off sale now is skipped.
    ok(await s.agent.patch(`/api/admin/catalog/products/${s.americano.id}`, { status: 'off_sale' }));
    const again = ok(await s.shopper.post(`${s.base}/orders/${order.id}/buy-again`));
    assert.deepEqual(
      again.cart.items.map((i: { skuId: string; quantity: number }) => [i.skuId, i.quantity]),
      [[s.latteSku, 2]],
    );
    assert.deepEqual(again.skipped, []);
    const mixed = ok(
      await s.shopper.post(`${s.base}/orders`, {
        buyNow: { skuId: s.latteSku, quantity: 1 },
        delivery: 'pickup',
        storeId: s.store.id,
        clientKey: clientKey(),
      }),
      201,
    );
    ok(await s.agent.patch(`/api/admin/catalog/products/${s.latte.id}`, { status: 'off_sale' }));
    const skipped = ok(await s.shopper.post(`${s.base}/orders/${mixed.id}/buy-again`));
    assert.deepEqual(skipped.skipped, [{ skuId: s.latteSku, reason: 'SKU_UNAVAILABLE' }]);
  });

  it('closes unpaid orders at the deadline: the payment is closed with the provider first, then stock released', async () => {
    const s = await shop({ stock: 5 });
    const unpaid = await placed(s, 1);
    const pay = ok(await s.shopper.post(`${s.base}/orders/${unpaid.id}/pay`, { channel: 'wechat_h5' }));
    assert.equal(pay.action.kind, 'h5');
    const lastMinute = await placed(s, 1);
    const pay2 = ok(await s.shopper.post(`${s.base}/orders/${lastMinute.id}/pay`, { channel: 'alipay_wap' }));
    s.fake.pay(pay2.outTradeNo); // paid at the provider, the notification never arrives
    assert.equal(await available(s), 3);
    await closeExpired(s);
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${unpaid.id}`)).status, 'pending_payment', 'not yet due');
    s.clock.advance(16 * MINUTE);
    await closeExpired(s);
    const closed = ok(await s.agent.get(`/api/admin/orders/${unpaid.id}`));
    assert.equal(closed.status, 'closed');
    assert.equal(s.fake.payments.get(pay.outTradeNo)?.status, 'closed', 'closed with the provider');
    assert.equal(closed.payments[0].status, 'closed');
    const paid = ok(await s.agent.get(`/api/admin/orders/${lastMinute.id}`));
    assert.equal(paid.status, 'paid', 'the provider said paid: kept and paid');
    assert.equal(paid.payments[0].status, 'paid');
    assert.equal(await available(s), 4, 'only the closed order gave its unit back');
    expectError(
      await s.shopper.post(`${s.base}/orders/${unpaid.id}/pay`, { channel: 'wechat_h5' }),
      409,
      'ORDER_STATE',
    );
  });

  it('reconciles by query: an attempt paid at the provider whose notification never came becomes paid', async () => {
    const s = await shop({ stock: 5 });
    const order = await placed(s, 1);
    const pay = ok(await s.shopper.post(`${s.base}/orders/${order.id}/pay`, { channel: 'wechat_jsapi' }));
    const untouched = await placed(s, 1);
    ok(await s.shopper.post(`${s.base}/orders/${untouched.id}/pay`, { channel: 'wechat_jsapi' }));
    s.fake.pay(pay.outTradeNo);
    const reconcile = async () => {
      await s.tenant.ctx.enqueue(RECONCILE_JOB, { tenantId: s.tenant.tenantId });
      await s.rt.drain({ tenantId: s.tenant.tenantId });
    };
    await reconcile();
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${order.id}`)).status, 'pending_payment', 'too early');
    s.clock.advance(3 * MINUTE);
    await reconcile();
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${order.id}`)).status, 'paid');
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${untouched.id}`)).status, 'pending_payment');
  });

  it('applies a notification once, records an amount mismatch without paying, refuses a bad signature', async () => {
    const s = await shop({ stock: 5 });
    const order = await placed(s, 1);
    const pay = ok(await s.shopper.post(`${s.base}/orders/${order.id}/pay`, { channel: 'wechat_native' }));
    const n = s.fake.pay(pay.outTradeNo);
    const bad = await notify(s, { body: n.body, headers: { ...n.headers, 'x-fake-signature': 'forged' } });
    assert.deepEqual([bad.statusCode, bad.body], [500, 'fail'], "the provider's failure answer");
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${order.id}`)).status, 'pending_payment');
    const answers = await Promise.all([notify(s, n), notify(s, n), notify(s, n)]);
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [204, 204, 204],
    );
    const detail = ok(await s.agent.get(`/api/admin/orders/${order.id}`));
    assert.equal(detail.status, 'paid');
    assert.equal(detail.transitions.filter((t: { to: string }) => t.to === 'paid').length, 1, 'one transition');
    assert.equal(detail.paymentMethod, 'wechat_native');

    const other = await placed(s, 1);
    const pay2 = ok(await s.shopper.post(`${s.base}/orders/${other.id}/pay`, { channel: 'wechat_native' }));
    const real = s.fake.pay(pay2.outTradeNo);
    const forged = JSON.stringify({ ...JSON.parse(real.body), amountFen: 1 });
    assert.equal((await notify(s, { body: forged, headers: real.headers })).statusCode, 204);
    const mismatch = ok(await s.agent.get(`/api/admin/orders/${other.id}`));
    assert.equal(mismatch.status, 'pending_payment', 'not paid');
    assert.equal(mismatch.payments[0].status, 'mismatch', 'recorded');
    const audit = ok(await s.agent.get('/api/admin/audit-log?action=orders.payment.mismatch')).items;
    assert.equal(audit.length, 1);
    assert.equal((await notify(s, { body: real.body, headers: real.headers })).statusCode, 204);
    assert.equal(ok(await s.agent.get(`/api/admin/orders/${other.id}`)).status, 'pending_payment');
    const unknown = await s.app.inject({ method: 'POST', url: '/webhooks/payments/no-such-shop/fake', payload: 'x' });
    assert.equal(unknown.statusCode, 404);
  });
});
