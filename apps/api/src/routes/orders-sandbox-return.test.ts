/**
 * Against the WeChat Pay and Alipay sandboxes over HTTP: the cashier sends the buyer back to the shop's
 * order page, and money that arrives for a cancelled order is refunded through the sandbox (accepted as
 * PROCESSING, finished by WeChat's refund notification).
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import * as orders from '@siyu/core/orders';
import { ALIPAY_SANDBOX_PATH, demoPaymentsOf, SANDBOX_PATH } from '../demo/payments-sandbox';
import { drainUntil } from '../testing';
import { clientKey, shop } from './orders.fixtures';
import { ok } from './tags.fixtures';

let close: (() => Promise<void>) | null = null;
after(async () => close?.());

async function sandboxShop() {
  const s = await shop({ stock: 5 });
  if (!s.app.server.listening) {
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    close = () => s.app.close();
  }
  const baseUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  const demo = demoPaymentsOf(s.app);
  assert.ok(demo, 'the sandbox is wired in demo mode');
  orders.overrideTenantPayments(s.tenant.tenantId, null);
  await demo.configureTenant(s.tenant.tenantId, baseUrl);
  const place = async () =>
    ok(
      await s.shopper.post(`${s.base}/orders`, {
        buyNow: { skuId: s.latteSku, quantity: 1 },
        delivery: 'pickup',
        storeId: s.store.id,
        clientKey: clientKey(),
      }),
      201,
    );
  return { s, baseUrl, demo, place };
}

describe('the sandbox cashiers and refunds', () => {
  it('returns the buyer to the order page after paying, and only to this site', async () => {
    const { s, baseUrl, place } = await sandboxShop();
    const order = await place();
    const pay = ok(await s.shopper.post(`${s.base}/orders/${order.id}/pay`, { channel: 'wechat_h5' }));
    const back = `${baseUrl}/shop/t/${s.tenant.slug}/orders/${order.id}?paying=1`;
    // The h5_url names the public URL; the test server listens elsewhere.
    const cashier = `${baseUrl}${SANDBOX_PATH}/cashier${new URL(pay.action.url).search}`;
    const html = await (await fetch(`${cashier}&redirect_url=${encodeURIComponent(back)}`)).text();
    const action = /action="([^"]+outcome=success[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(action?.includes(`redirect_url=${encodeURIComponent(back)}`), html);
    const done = await fetch(`${baseUrl}${action}`, { method: 'POST', headers: { accept: 'text/html' } });
    const result = await done.text();
    assert.ok(result.includes('支付成功') && result.includes(`url=${back.replaceAll('&', '&amp;')}`), result);
    assert.ok(result.includes('data-testid="sandbox-return"'));
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${order.id}`)).status, 'paid');

    const elsewhere = await fetch(`${cashier}&redirect_url=${encodeURIComponent('https://evil.example/x')}`);
    assert.ok(!(await elsewhere.text()).includes('evil.example'), 'another site is never a return target');

    // Alipay: without a signed return_url, the cashier returns to the order's page in the shop.
    const second = await place();
    const ali = ok(await s.shopper.post(`${s.base}/orders/${second.id}/pay`, { channel: 'alipay_wap' }));
    const aliHtml = await (await fetch(ali.action.url)).text();
    const aliAction = /action="([^"]+outcome=success[^"]*)"/.exec(aliHtml)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(aliAction?.startsWith(`${ALIPAY_SANDBOX_PATH}/confirm`), aliHtml);
    const aliDone = await (
      await fetch(`${baseUrl}${aliAction}`, { method: 'POST', headers: { accept: 'text/html' } })
    ).text();
    assert.ok(aliDone.includes(`/shop/t/${s.tenant.slug}/orders/${second.id}?paying=1`), aliDone);
  });

  it('refunds a payment that arrived after the order was cancelled; the sandbox finishes it and notifies', async () => {
    const { s, baseUrl, demo, place } = await sandboxShop();
    const order = await place();
    const pay = ok(await s.shopper.post(`${s.base}/orders/${order.id}/pay`, { channel: 'wechat_h5' }));
    ok(await s.shopper.post(`${s.base}/orders/${order.id}/cancel`));
    const trade = demo.sandbox.transaction(demo.mchid, pay.outTradeNo) as { trade_state: string } | undefined;
    assert.equal(trade?.trade_state, 'CLOSED');
    trade.trade_state = 'NOTPAY'; // the buyer's payment raced the close
    const n = demo.sandbox.pay(demo.mchid, pay.outTradeNo);
    assert.ok(n);
    assert.equal((await orders.deliverNotification(n)).status, 204);

    // the refund job asks the sandbox (on PostgreSQL another test file's drain may be the one to run it)
    const payment = async () => ok(await s.agent.get(`/api/admin/orders/${order.id}`)).payments[0];
    await drainUntil(s.rt, s.tenant.tenantId, async () => (await payment()).refund?.status !== 'pending');
    let p = await payment();
    assert.deepEqual([p.status, p.refund.status], ['paid', 'processing'], 'WeChat accepts, finishes later');

    // The sandbox finishes an accepted refund by itself some seconds later and notifies the shop.
    const deadline = Date.now() + 20_000;
    while (p.refund.status === 'processing' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      p = ok(await s.agent.get(`/api/admin/orders/${order.id}`)).payments[0];
    }
    // Finishing it again (the sandbox's manual route) only repeats the notification: nothing changes.
    const finish = await fetch(`${baseUrl}${SANDBOX_PATH}/cashier/refund-complete?out_refund_no=${p.refund.refundNo}`, {
      method: 'POST',
    });
    const finished = (await finish.json()) as { notified: { status: number } };
    assert.equal(finished.notified.status, 204, JSON.stringify(finished));
    p = ok(await s.agent.get(`/api/admin/orders/${order.id}`)).payments[0];
    assert.deepEqual([p.refund.status, p.refund.error], ['succeeded', null]);
    assert.ok(p.refund.refundId && p.refund.refundedAt);
    assert.equal(demo.sandbox.transaction(demo.mchid, pay.outTradeNo)?.trade_state, 'REFUND');
    assert.equal(ok(await s.agent.get(`/api/admin/orders/${order.id}`)).status, 'cancelled');
  });
});
