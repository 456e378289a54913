/**
 * Our WeChat Pay client against the sandbox, over HTTP on 127.0.0.1: prepay → notification →
 * query → refund → refund notification → close, plus every way a message must be refused.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../platform/clock';
import { rsaSign, rsaVerify } from './keys';
import { type PaymentEvent, PaymentError, type PaymentProvider } from './provider';
import { deliverNotification, type RunningSandbox, serveSandbox } from './sandbox-server';
import { encryptResource } from './wechatpay-crypto';
import { payMessage, responseMessage } from './wechatpay-signing';
import type { WechatPayConfig } from './wechatpay-client';
import { createWechatPayProvider } from './wechatpay-provider';
import { createWechatPaySandbox } from './wechatpay-sandbox';

const MCHID = '1900009191';
const APPID = 'wxd678efh567hg6787';
const API_V3_KEY = 'Siyu0Sandbox0ApiV3Key00000000032';
const clock = testClock('2026-01-15T02:00:00Z');
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = (k: typeof merchant.privateKey) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1 = (k: typeof merchant.privateKey) => k.export({ type: 'pkcs1', format: 'pem' }).toString();

const sandbox = createWechatPaySandbox({
  clock,
  merchants: [{ mchid: MCHID, serial: 'MCH_SERIAL_1', publicKey: merchant.publicKey, apiV3Key: API_V3_KEY }],
  platformPrivateKey: platform.privateKey,
});

let gateway: RunningSandbox;
let receiver: RunningSandbox;
let provider: PaymentProvider;
let config: WechatPayConfig;
const received: PaymentEvent[] = [];
const expires = () => new Date(clock.now().getTime() + 15 * 60_000);
const isError = (code: string) => (e: unknown) => e instanceof PaymentError && e.code === code;

before(async () => {
  gateway = await serveSandbox(sandbox.handle);
  // Our notify endpoint: verify + parse over the raw body, answer exactly as WeChat expects.
  receiver = await serveSandbox(async (req) => {
    try {
      received.push(await provider.parseNotification(req.body, req.headers));
      return provider.acknowledgement(true);
    } catch (e) {
      return provider.acknowledgement(false, e instanceof Error ? e.message : 'error');
    }
  });
  config = {
    mchid: MCHID,
    appid: APPID,
    merchantPrivateKey: pkcs8(merchant.privateKey),
    merchantSerial: 'MCH_SERIAL_1',
    apiV3Key: API_V3_KEY,
    platformKeys: [
      { serial: sandbox.platformSerial, key: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    ],
    baseUrl: gateway.url,
    clock,
  };
  provider = createWechatPayProvider(config);
});

after(async () => {
  await gateway.close();
  await receiver.close();
});

describe('WeChat Pay v3 end to end against the sandbox', () => {
  const order = 'ord20260115000001';

  it('creates a JSAPI payment whose wx.requestPayment params are signed with the merchant key', async () => {
    const action = await provider.createPayment({
      channel: 'wechat_jsapi',
      outTradeNo: order,
      amountFen: 1230,
      description: 'Siyu 测试商品',
      notifyUrl: `${receiver.url}/webhooks/wechatpay`,
      expiresAt: expires(),
      payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    });
    assert.equal(action.kind, 'jsapi');
    if (action.kind !== 'jsapi') return;
    const tx = sandbox.transaction(MCHID, order)!;
    assert.equal(action.prepayId, tx.prepayId);
    const p = action.params;
    assert.equal(p.package, `prepay_id=${tx.prepayId}`);
    assert.equal(p.appId, APPID);
    assert.equal(p.signType, 'RSA');
    assert.equal(p.timeStamp, '1768442400');
    assert.ok(rsaVerify(payMessage(p.appId, p.timeStamp, p.nonceStr, p.package), p.paySign, merchant.publicKey));
    assert.equal((await provider.query(order)).status, 'pending');
  });

  it('receives the paid notification over HTTP, acknowledges 204, and parses duplicates identically', async () => {
    const n = sandbox.pay(MCHID, order)!;
    const first = await deliverNotification(n);
    assert.deepEqual(first, { status: 204, body: '' });
    const again = await deliverNotification(n);
    assert.equal(again.status, 204);
    assert.equal(received.length, 2);
    assert.deepEqual(received[1], received[0]);
    const e = received[0]!;
    assert.equal(e.kind, 'paid');
    assert.equal(e.provider, 'wechatpay');
    assert.equal(e.outTradeNo, order);
    assert.equal(e.amountFen, 1230);
    assert.equal(e.paidFen, 1230);
    assert.equal(e.transactionId, sandbox.transaction(MCHID, order)!.transaction_id);
    assert.equal(e.paidAt?.toISOString(), '2026-01-15T02:00:00.000Z');
    assert.equal(e.providerState, 'TRANSACTION.SUCCESS/SUCCESS');
  });

  it('queries the paid order', async () => {
    const q = await provider.query(order);
    assert.equal(q.status, 'paid');
    assert.equal(q.amountFen, 1230);
    assert.equal(q.paidFen, 1230);
    assert.equal(q.transactionId, received[0]!.transactionId);
  });

  it('refunds part of it, then parses the refund notification', async () => {
    const r = await provider.refund({
      outTradeNo: order,
      outRefundNo: 'rfd20260115000001',
      refundFen: 500,
      totalFen: 1230,
      reason: '尺码不合适',
      notifyUrl: `${receiver.url}/webhooks/wechatpay`,
    });
    assert.equal(r.status, 'processing');
    assert.equal(r.refundFen, 500);
    await assert.rejects(
      provider.refund({ outTradeNo: order, outRefundNo: 'rfd2', refundFen: 800, totalFen: 1230 }),
      isError('REJECTED'),
    );
    const n = sandbox.completeRefund(MCHID, 'rfd20260115000001')!;
    assert.equal((await deliverNotification(n)).status, 204);
    const e = received.at(-1)!;
    assert.equal(e.kind, 'refunded');
    assert.equal(e.refund?.outRefundNo, 'rfd20260115000001');
    assert.equal(e.refund?.refundFen, 500);
    assert.equal(e.amountFen, 1230);
    assert.equal((await provider.query(order)).status, 'refunded');
  });

  it('closes an unpaid order; refuses to close a paid one; an unknown one was never created', async () => {
    const h5 = await provider.createPayment({
      channel: 'wechat_h5',
      outTradeNo: 'ord20260115000002',
      amountFen: 1,
      description: 'H5',
      notifyUrl: `${receiver.url}/webhooks/wechatpay`,
      expiresAt: expires(),
      clientIp: '203.0.113.7',
    });
    assert.equal(h5.kind, 'h5');
    const prepayId = new URL(h5.kind === 'h5' ? h5.url : '').searchParams.get('prepay_id')!;
    assert.equal(sandbox.transactionByPrepayId(prepayId)?.out_trade_no, 'ord20260115000002');
    assert.equal(await provider.close('ord20260115000002'), 'closed');
    assert.equal((await provider.query('ord20260115000002')).status, 'closed');
    await assert.rejects(provider.close(order), isError('ALREADY_PAID'));
    assert.equal(await provider.close('ord-never-created'), 'not_created');
    assert.equal((await provider.query('ord-never-created')).status, 'not_found');
    const native = await provider.createPayment({
      channel: 'wechat_native',
      outTradeNo: 'ord20260115000003',
      amountFen: 99,
      description: 'Native',
      notifyUrl: `${receiver.url}/n`,
      expiresAt: expires(),
    });
    assert.equal(native.kind, 'native');
    assert.match(native.kind === 'native' ? native.codeUrl : '', /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
  });

  it('surfaces a typed 401 when the sandbox rejects a request signed with the wrong key', async () => {
    const wrong = createWechatPayProvider({ ...config, merchantPrivateKey: pkcs1(stranger.privateKey) });
    await assert.rejects(wrong.query(order), (e) => {
      assert.ok(e instanceof PaymentError);
      assert.equal(e.code, 'UNAUTHORIZED');
      assert.equal(e.httpStatus, 401);
      assert.equal(e.providerCode, 'SIGN_ERROR');
      return true;
    });
    const wrongSerial = createWechatPayProvider({ ...config, merchantSerial: 'OTHER' });
    await assert.rejects(wrongSerial.query(order), isError('UNAUTHORIZED'));
  });

  it('refuses an answer it cannot verify (platform key of someone else)', async () => {
    const p = createWechatPayProvider({
      ...config,
      platformKeys: [{ serial: sandbox.platformSerial, key: stranger.publicKey }],
    });
    await assert.rejects(p.query(order), isError('BAD_SIGNATURE'));
  });

  it('validates input before calling WeChat', async () => {
    const base = { outTradeNo: 'x', description: 'd', notifyUrl: 'http://x', expiresAt: expires() };
    await assert.rejects(
      provider.createPayment({ ...base, channel: 'wechat_jsapi', amountFen: 1 }),
      isError('INVALID_INPUT'),
    );
    await assert.rejects(
      provider.createPayment({ ...base, channel: 'wechat_h5', amountFen: 1.5, clientIp: '1.1.1.1' }),
      isError('INVALID_INPUT'),
    );
    await assert.rejects(
      provider.createPayment({ ...base, channel: 'alipay_wap', amountFen: 1 }),
      isError('UNSUPPORTED_CHANNEL'),
    );
  });
});

describe('WeChat Pay notifications that must be refused', () => {
  const fresh = async (no: string) => {
    await provider.createPayment({
      channel: 'wechat_native',
      outTradeNo: no,
      amountFen: 100,
      description: 'n',
      notifyUrl: `${receiver.url}/n`,
      expiresAt: expires(),
    });
    return sandbox.pay(MCHID, no)!;
  };

  it('tampered body → BAD_SIGNATURE, and the endpoint answers 500 {"code":"FAIL"}', async () => {
    const n = await fresh('ord20260115000010');
    const tampered = { ...n, body: n.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') };
    await assert.rejects(provider.parseNotification(tampered.body, tampered.headers), isError('BAD_SIGNATURE'));
    const res = await deliverNotification(tampered);
    assert.equal(res.status, 500);
    assert.equal(JSON.parse(res.body).code, 'FAIL');
  });

  it('unknown serial, stale timestamp, wrong APIv3 key, other merchant, not JSON', async () => {
    const n = await fresh('ord20260115000011');
    const h = { ...n.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_UNKNOWN' };
    await assert.rejects(provider.parseNotification(n.body, h), isError('UNKNOWN_SERIAL'));
    const wrongKey = createWechatPayProvider({ ...config, apiV3Key: 'another0sandbox0apiv3key00000032' });
    await assert.rejects(wrongKey.parseNotification(n.body, n.headers), isError('DECRYPTION_FAILED'));
    const otherMerchant = createWechatPayProvider({ ...config, mchid: '1900000001' });
    await assert.rejects(otherMerchant.parseNotification(n.body, n.headers), isError('MERCHANT_MISMATCH'));
    assert.equal((await provider.parseNotification(Buffer.from(n.body), n.headers)).kind, 'paid');
    clock.advance(5 * 60_000 + 1_000);
    await assert.rejects(provider.parseNotification(n.body, n.headers), isError('STALE_TIMESTAMP'));
    clock.advance(-(5 * 60_000 + 1_000));
  });

  it('a signed body that is not a notification, or whose resource is not JSON, is MALFORMED', async () => {
    const signedBy = (body: string) => {
      const timestamp = String(Math.floor(clock.now().getTime() / 1000));
      const signature = rsaSign(responseMessage(timestamp, 'N1', body), platform.privateKey);
      const headers = { 'Wechatpay-Serial': sandbox.platformSerial, 'Wechatpay-Timestamp': timestamp };
      return { ...headers, 'Wechatpay-Nonce': 'N1', 'Wechatpay-Signature': signature };
    };
    const notJson = 'not json';
    await assert.rejects(provider.parseNotification(notJson, signedBy(notJson)), isError('MALFORMED'));
    const noResource = JSON.stringify({ id: 'EV-1', event_type: 'TRANSACTION.SUCCESS' });
    await assert.rejects(provider.parseNotification(noResource, signedBy(noResource)), isError('MALFORMED'));
    const resource = encryptResource('<xml/>', API_V3_KEY, 'transaction', 'transaction');
    const xml = JSON.stringify({ id: 'EV-2', event_type: 'TRANSACTION.SUCCESS', resource });
    await assert.rejects(provider.parseNotification(xml, signedBy(xml)), isError('MALFORMED'));
  });
});

describe('WeChat Pay transport', () => {
  it('reports an unreachable API as a retryable PROVIDER_UNAVAILABLE', async () => {
    const closed = await serveSandbox(() => ({ status: 200, headers: {}, body: '' }));
    await closed.close();
    const p = createWechatPayProvider({ ...config, baseUrl: closed.url });
    await assert.rejects(
      p.query('ord1'),
      (e) => e instanceof PaymentError && e.code === 'PROVIDER_UNAVAILABLE' && e.retryable,
    );
  });

  it('signs the full path when the sandbox is mounted under a prefix', async () => {
    const mounted = createWechatPaySandbox({
      clock,
      merchants: [{ mchid: MCHID, serial: 'MCH_SERIAL_1', publicKey: merchant.publicKey, apiV3Key: API_V3_KEY }],
      basePath: '/sandbox/wechatpay',
    });
    const server = await serveSandbox(mounted.handle);
    try {
      const p = createWechatPayProvider({
        ...config,
        baseUrl: `${server.url}/sandbox/wechatpay`,
        platformKeys: [{ serial: mounted.platformSerial, key: mounted.platformPublicKey }],
      });
      assert.equal((await p.query('ord-under-prefix')).status, 'not_found');
    } finally {
      await server.close();
    }
  });
});
