/**
 * Our Alipay client against the Alipay sandbox, over HTTP on 127.0.0.1: wap/page URL → the buyer
 * opens it → notification → query → refund → close, plus the refusals.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../platform/clock';
import type { AlipayConfig } from './alipay-client';
import { createAlipayProvider } from './alipay-provider';
import { createAlipaySandbox } from './alipay-sandbox';
import { notifyContent, rsa2Sign, rsa2Verify, signContent } from './alipay-signing';
import { type PaymentEvent, PaymentError, type PaymentProvider } from './provider';
import { deliverNotification, type RunningSandbox, serveSandbox } from './sandbox-server';

const APP_ID = '2021000122600001';
const SELLER = '2088621000000001';
const clock = testClock('2026-01-15T02:00:00Z');
const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sandbox = createAlipaySandbox({
  clock,
  apps: [{ appId: APP_ID, publicKey: app.publicKey, sellerId: SELLER }],
  alipayPrivateKey: alipay.privateKey,
});

let gateway: RunningSandbox;
let receiver: RunningSandbox;
let provider: PaymentProvider;
let config: AlipayConfig;
const received: PaymentEvent[] = [];
const expires = () => new Date(clock.now().getTime() + 15 * 60_000);
const isError = (code: string) => (e: unknown) => e instanceof PaymentError && e.code === code;

before(async () => {
  gateway = await serveSandbox(sandbox.handle);
  receiver = await serveSandbox(async (req) => {
    try {
      received.push(await provider.parseNotification(req.body, req.headers));
      return provider.acknowledgement(true);
    } catch {
      return provider.acknowledgement(false);
    }
  });
  config = {
    appId: APP_ID,
    // As Alipay's key tool prints them: bare Base64, PKCS#8 private key and SPKI public key.
    appPrivateKey: app.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    alipayPublicKey: alipay.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    sellerId: SELLER,
    gatewayUrl: `${gateway.url}/gateway.do`,
    clock,
  };
  provider = createAlipayProvider(config);
});

after(async () => {
  await gateway.close();
  await receiver.close();
});

const create = (outTradeNo: string, channel: 'alipay_wap' | 'alipay_page' = 'alipay_wap', amountFen = 1230) =>
  provider.createPayment({
    channel,
    outTradeNo,
    amountFen,
    description: 'Siyu 测试商品',
    notifyUrl: `${receiver.url}/webhooks/alipay`,
    returnUrl: 'https://shop.example.com/orders/1',
    expiresAt: expires(),
  });

describe('Alipay end to end against the sandbox', () => {
  const order = 'ord20260115000101';

  it('returns a signed gateway URL for alipay.trade.wap.pay', async () => {
    const action = await create(order);
    assert.equal(action.kind, 'redirect');
    const url = new URL(action.kind === 'redirect' ? action.url : '');
    assert.equal(`${url.origin}${url.pathname}`, `${gateway.url}/gateway.do`);
    const p = Object.fromEntries(url.searchParams);
    assert.equal(p.method, 'alipay.trade.wap.pay');
    assert.equal(p.sign_type, 'RSA2');
    assert.equal(p.charset, 'utf-8');
    assert.equal(p.timestamp, '2026-01-15 10:00:00');
    assert.equal(p.notify_url, `${receiver.url}/webhooks/alipay`);
    assert.deepEqual(JSON.parse(p.biz_content!), {
      out_trade_no: order,
      total_amount: '12.30',
      subject: 'Siyu 测试商品',
      product_code: 'QUICK_WAP_WAY',
      time_expire: '2026-01-15 10:15:00',
    });
    assert.ok(rsa2Verify(signContent(p), p.sign!, app.publicKey));
  });

  it('has no trade until the buyer opens the URL (query not_found, close not_created)', async () => {
    assert.equal((await provider.query(order)).status, 'not_found');
    assert.equal(await provider.close(order), 'not_created');
    const action = await create(order);
    const page = await fetch(action.kind === 'redirect' ? action.url : '');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /¥12\.30/);
    const q = await provider.query(order);
    assert.equal(q.status, 'pending');
    assert.equal(q.amountFen, 1230);
  });

  it('receives the paid notification, answers `success`, and parses duplicates identically', async () => {
    const n = sandbox.pay(APP_ID, order)!;
    assert.deepEqual(await deliverNotification(n), { status: 200, body: 'success' });
    assert.deepEqual(await deliverNotification(n), { status: 200, body: 'success' });
    assert.equal(received.length, 2);
    assert.deepEqual(received[1], received[0]);
    const e = received[0]!;
    assert.equal(e.kind, 'paid');
    assert.equal(e.provider, 'alipay');
    assert.equal(e.outTradeNo, order);
    assert.equal(e.amountFen, 1230);
    assert.equal(e.transactionId, sandbox.trade(APP_ID, order)!.trade_no);
    assert.equal(e.paidAt?.toISOString(), '2026-01-15T02:00:00.000Z');
    assert.equal(e.providerState, 'TRADE_SUCCESS');
  });

  it('queries the paid trade', async () => {
    const q = await provider.query(order);
    assert.equal(q.status, 'paid');
    assert.equal(q.transactionId, received[0]!.transactionId);
    assert.equal(q.amountFen, 1230);
    assert.equal(q.paidFen, 1230);
  });

  it('refunds part of it; a repeated request is not a second refund; too much is refused', async () => {
    const input = { outTradeNo: order, outRefundNo: 'rfd20260115000101', refundFen: 230, totalFen: 1230 };
    const r = await provider.refund(input);
    assert.equal(r.status, 'succeeded');
    assert.equal(r.refundFen, 230);
    assert.equal((await provider.refund(input)).status, 'processing');
    assert.equal(sandbox.trade(APP_ID, order)!.refundedFen, 230);
    await assert.rejects(provider.refund({ ...input, outRefundNo: 'rfd2', refundFen: 1001 }), isError('REJECTED'));
    assert.equal((await provider.query(order)).status, 'paid');
  });

  it('closes an opened unpaid trade (idempotently); refuses to close a paid one', async () => {
    const action = await create('ord20260115000102', 'alipay_page', 1);
    const url = new URL(action.kind === 'redirect' ? action.url : '');
    assert.equal(JSON.parse(url.searchParams.get('biz_content')!).product_code, 'FAST_INSTANT_TRADE_PAY');
    await fetch(url);
    assert.equal(await provider.close('ord20260115000102'), 'closed');
    assert.equal(await provider.close('ord20260115000102'), 'closed');
    assert.equal((await provider.query('ord20260115000102')).status, 'closed');
    await assert.rejects(provider.close(order), isError('ALREADY_PAID'));
  });

  it('surfaces a typed UNAUTHORIZED error when the gateway rejects our signature', async () => {
    const wrong = createAlipayProvider({
      ...config,
      appPrivateKey: stranger.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    });
    await assert.rejects(wrong.query(order), (e) => {
      assert.ok(e instanceof PaymentError);
      assert.equal(e.code, 'UNAUTHORIZED');
      assert.equal(e.providerCode, 'isv.invalid-signature');
      return true;
    });
    const pkcs1 = createAlipayProvider({
      ...config,
      appPrivateKey: app.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    });
    assert.equal((await pkcs1.query(order)).status, 'paid');
  });

  it('refuses a gateway answer that does not verify with the Alipay public key', async () => {
    const p = createAlipayProvider({ ...config, alipayPublicKey: stranger.publicKey });
    await assert.rejects(p.query(order), isError('BAD_SIGNATURE'));
  });
});

describe('Alipay notifications that must be refused', () => {
  const paid = async (no: string) => {
    const action = await create(no, 'alipay_wap', 100);
    await fetch(action.kind === 'redirect' ? action.url : '');
    return sandbox.pay(APP_ID, no)!;
  };

  it('a changed amount → BAD_SIGNATURE, and the endpoint answers `fail`', async () => {
    const n = await paid('ord20260115000110');
    const tampered = { ...n, body: n.body.replace('total_amount=1.00', 'total_amount=0.01') };
    assert.notEqual(tampered.body, n.body);
    await assert.rejects(provider.parseNotification(tampered.body, {}), isError('BAD_SIGNATURE'));
    assert.deepEqual(await deliverNotification(tampered), { status: 200, body: 'fail' });
  });

  it('no sign, another app, another seller', async () => {
    const n = await paid('ord20260115000111');
    const unsigned = n.body.replace(/(^|&)sign=[^&]*/, '');
    await assert.rejects(provider.parseNotification(unsigned, {}), isError('BAD_SIGNATURE'));
    const otherApp = createAlipayProvider({ ...config, appId: '2021000122609999' });
    await assert.rejects(otherApp.parseNotification(n.body, {}), isError('MERCHANT_MISMATCH'));
    const otherSeller = createAlipayProvider({ ...config, sellerId: '2088000000009999' });
    await assert.rejects(otherSeller.parseNotification(n.body, {}), isError('MERCHANT_MISMATCH'));
    assert.equal((await provider.parseNotification(Buffer.from(n.body), {})).amountFen, 100);
  });
});

describe('Alipay notification kinds', () => {
  const signed = (over: Record<string, string>) => {
    const f: Record<string, string> = {
      notify_time: '2026-01-15 10:30:00',
      notify_type: 'trade_status_sync',
      notify_id: 'ac05099524730693a8b330c5ecf72da9786',
      app_id: APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: '2026011522001400000000000001',
      out_trade_no: 'ord20260115000120',
      seller_id: SELLER,
      total_amount: '88.88',
      gmt_payment: '2026-01-15 10:01:02',
      ...over,
    };
    f.sign = rsa2Sign(notifyContent(f), alipay.privateKey);
    return new URLSearchParams(f).toString();
  };

  it('TRADE_FINISHED is paid; TRADE_CLOSED is closed; WAIT_BUYER_PAY is other', async () => {
    const finished = await provider.parseNotification(signed({ trade_status: 'TRADE_FINISHED' }), {});
    assert.equal(finished.kind, 'paid');
    assert.equal(finished.amountFen, 8888);
    assert.equal(finished.paidAt?.toISOString(), '2026-01-15T02:01:02.000Z');
    assert.equal((await provider.parseNotification(signed({ trade_status: 'TRADE_CLOSED' }), {})).kind, 'closed');
    assert.equal((await provider.parseNotification(signed({ trade_status: 'WAIT_BUYER_PAY' }), {})).kind, 'other');
  });

  it('a refund notification carries out_biz_no and the refunded total', async () => {
    const body = signed({
      trade_status: 'TRADE_SUCCESS',
      out_biz_no: 'rfd20260115000120',
      refund_fee: '8.88',
      gmt_refund: '2026-01-15 10:30:00.123',
    });
    const e = await provider.parseNotification(body, {});
    assert.equal(e.kind, 'refunded');
    assert.deepEqual(e.refund, {
      outRefundNo: 'rfd20260115000120',
      refundFen: 888,
      succeededAt: new Date('2026-01-15T02:30:00.123Z'),
    });
  });

  it('a notification with a non-yuan amount is MALFORMED even when signed', async () => {
    await assert.rejects(
      provider.parseNotification(signed({ trade_status: 'TRADE_SUCCESS', total_amount: '88.888' }), {}),
      isError('MALFORMED'),
    );
  });
});
