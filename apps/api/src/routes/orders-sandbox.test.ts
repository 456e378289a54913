/**
 * The whole purchase against the WeChat Pay v3 sandbox over HTTP on 127.0.0.1: place → pay (the
 * provider signs its request to the sandbox served by this API) → the buyer confirms in the sandbox,
 * which delivers a signed, AES-GCM-encrypted notification to our webhook → paid → shipped → delivered →
 * completed.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import * as orders from '@siyu/core/orders';
import { ALIPAY_SANDBOX_PATH, demoPaymentsOf, SANDBOX_PATH } from '../demo/payments-sandbox';
import { clientKey, shop } from './orders.fixtures';
import { ok } from './tags.fixtures';

let close: (() => Promise<void>) | null = null;
after(async () => close?.());

describe('orders with the WeChat Pay sandbox', () => {
  it('runs place → pay → signed notification → paid → shipped → delivered → completed', async () => {
    const s = await shop({ stock: 5 });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    close = () => s.app.close();
    const baseUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    const demo = demoPaymentsOf(s.app);
    assert.ok(demo, 'the sandbox is wired in demo mode');
    orders.overrideTenantPayments(s.tenant.tenantId, null); // the fixture's fake provider out: the stored settings in
    await demo.configureTenant(s.tenant.tenantId, baseUrl);

    const order = ok(
      await s.shopper.post(`${s.base}/orders`, {
        buyNow: { skuId: s.latteSku, quantity: 2 },
        delivery: 'pickup',
        storeId: s.store.id,
        clientKey: clientKey(),
      }),
      201,
    );
    const pay = ok(await s.shopper.post(`${s.base}/orders/${order.id}/pay`, { channel: 'wechat_h5' }));
    assert.equal(pay.action.kind, 'h5');
    assert.equal(pay.amount, 5600);
    const prepayId = new URL(pay.action.url).searchParams.get('prepay_id');
    assert.ok(prepayId, pay.action.url);
    assert.equal(demo.sandbox.transaction(demo.mchid, pay.outTradeNo)?.amount.total, 5600);

    const cashier = await fetch(`${baseUrl}${SANDBOX_PATH}/cashier?prepay_id=${prepayId}`);
    const html = await cashier.text();
    assert.equal(cashier.status, 200);
    assert.ok(html.includes('沙箱支付') && html.includes('¥56.00'), html);
    // The buyer confirms on the sandbox cashier; the sandbox POSTs the notification to our webhook.
    const confirm = await fetch(`${baseUrl}${SANDBOX_PATH}/cashier/confirm?prepay_id=${prepayId}`, { method: 'POST' });
    const confirmed = (await confirm.json()) as { notified: { status: number } };
    assert.equal(confirmed.notified.status, 204, JSON.stringify(confirmed));
    assert.equal(ok(await s.shopper.get(`${s.base}/orders/${order.id}`)).status, 'paid');

    // A replay of a notification with a broken signature gets WeChat's failure answer.
    const forged = await fetch(`${baseUrl}/webhooks/payments/${s.tenant.slug}/wechatpay`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'wechatpay-serial': demo.sandbox.platformSerial,
        'wechatpay-timestamp': String(Math.floor(s.clock.now().getTime() / 1000)),
        'wechatpay-nonce': 'x',
        'wechatpay-signature': 'AAAA',
      },
      body: '{"id":"x"}',
    });
    assert.equal(forged.status, 500);
    assert.equal(((await forged.json()) as { code: string }).code, 'FAIL');

    ok(await s.agent.post(`/api/admin/orders/${order.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1400000001' }));
    ok(await s.agent.post(`/api/admin/orders/${order.id}/deliver`));
    const done = ok(await s.shopper.post(`${s.base}/orders/${order.id}/confirm-receipt`));
    assert.equal(done.status, 'completed');
    const detail = ok(await s.agent.get(`/api/admin/orders/${order.id}`));
    assert.deepEqual(
      detail.transitions.map((t: { to: string }) => t.to),
      ['pending_payment', 'paid', 'shipped', 'delivered', 'completed'],
    );
    assert.deepEqual(
      [detail.carrier, detail.trackingNo, detail.paymentMethod],
      ['顺丰速运', 'SF1400000001', 'wechat_h5'],
    );
    assert.equal(detail.payments[0].status, 'paid');
    assert.match(detail.payments[0].transactionId, /\d+/);
    const product = ok(await s.anon().get(`${s.base}/catalog/products/${s.latte.id}`));
    assert.deepEqual([product.skus[0].available, product.salesCount], [3, 2], 'shipped units left the stock');

    // Alipay (wap): the signed redirect opens the sandbox cashier, which creates the trade; confirming notifies us.
    const second = ok(
      await s.shopper.post(`${s.base}/orders`, {
        buyNow: { skuId: s.latteSku, quantity: 1 },
        delivery: 'pickup',
        storeId: s.store.id,
        clientKey: clientKey(),
      }),
      201,
    );
    const ali = ok(await s.shopper.post(`${s.base}/orders/${second.id}/pay`, { channel: 'alipay_wap' }));
    assert.equal(ali.action.kind, 'redirect');
    const page = await fetch(ali.action.url);
    const pageHtml = await page.text();
    assert.equal(page.status, 200, pageHtml);
    assert.ok(pageHtml.includes('沙箱支付') && pageHtml.includes('¥28.00'), pageHtml);
    const appId = new URL(ali.action.url).searchParams.get('app_id');
    const aliConfirm = await fetch(
      `${baseUrl}${ALIPAY_SANDBOX_PATH}/confirm?app_id=${appId}&out_trade_no=${ali.outTradeNo}`,
      { method: 'POST' },
    );
    const aliResult = (await aliConfirm.json()) as { notified: { status: number; body: string } };
    assert.deepEqual(aliResult.notified, { status: 200, body: 'success' });
    const paidByAlipay = ok(await s.agent.get(`/api/admin/orders/${second.id}`));
    assert.deepEqual([paidByAlipay.status, paidByAlipay.paymentMethod], ['paid', 'alipay_wap']);
  });
});
