import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { demoPaymentsOf } from '../demo/payments-sandbox';
import { type Agent, loginAs, ownerOfNewTenant } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';

const URL_ = '/api/admin/settings/payments';
const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

function wechatInput() {
  const merchant = pair();
  const platform = pair();
  const apiV3Key = randomBytes(16).toString('hex');
  return {
    merchant,
    apiV3Key,
    body: {
      enabled: true,
      channels: ['wechat_h5', 'wechat_native'],
      appid: 'wx0123456789abcdef',
      mchid: '1900000109',
      merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      merchantPrivateKey: merchant.privateKey,
      apiV3Key,
      platformKeys: [{ serial: 'PUB_KEY_ID_0114232134912410000000000000', key: platform.publicKey }],
    },
  };
}

/** The body of a PEM without its armour: what must never appear in an answer. */
const core = (pem: string) => pem.split('\n').slice(1, 4).join('');

let closeApp: (() => Promise<void>) | null = null;
after(async () => closeApp?.());

describe('payment settings (/api/admin/settings/payments)', () => {
  it('stores WeChat Pay keys sealed, never answers a secret, keeps a blank secret, audits', async () => {
    const o = await ownerOfNewTenant();
    const empty = ok(await o.agent.get(URL_));
    assert.equal(empty.wechatpay.configured, false);
    assert.equal(empty.secretsReady, true, 'demo mode has a generated master key');
    assert.equal(empty.wechatpay.notifyUrl, `http://127.0.0.1:3000/webhooks/payments/${o.tenant.slug}/wechatpay`);

    const w = wechatInput();
    const saved = await o.agent.request('PUT', URL_, { wechatpay: w.body });
    const view = ok(saved).wechatpay;
    assert.deepEqual(view.merchantPrivateKey.set, true);
    assert.match(view.merchantPrivateKey.fingerprint, /^sha256:[0-9a-f]{16}$/);
    assert.deepEqual(view.apiV3Key, { set: true, fingerprint: null });
    assert.deepEqual([view.enabled, view.mchid, view.platformKeys[0].kind], [true, '1900000109', 'public_key']);
    for (const body of [saved.body, (await o.agent.get(URL_)).body]) {
      assert.ok(!body.includes(core(w.merchant.privateKey)), 'the private key is never answered');
      assert.ok(!body.includes(w.apiV3Key), 'the APIv3 key is never answered');
    }
    const [row] = rowsOf<{ s: string }>(
      await o.rt.db.execute(
        sql`select secrets::text as s from orders_payment_settings where tenant_id = ${o.tenant.tenantId}`,
      ),
    );
    assert.ok(row && !row.s.includes(w.apiV3Key) && !row.s.includes(core(w.merchant.privateKey)), 'sealed at rest');
    assert.match(row!.s, /"apiV3Key": ?"v1:[0-9a-f]{8}:/);

    // A blank secret keeps the stored one; other fields change.
    const again = ok(
      await o.agent.request('PUT', URL_, {
        wechatpay: { ...w.body, merchantPrivateKey: '', apiV3Key: '  ', channels: ['wechat_jsapi'] },
      }),
    ).wechatpay;
    assert.equal(again.merchantPrivateKey.fingerprint, view.merchantPrivateKey.fingerprint);
    assert.deepEqual(again.channels, ['wechat_jsapi']);

    const test = ok(await o.agent.post(`${URL_}/test`, { provider: 'wechatpay' }));
    assert.equal(test.ok, true, JSON.stringify(test));
    assert.deepEqual(
      test.checks.map((c: { name: string }) => c.name),
      ['merchantPrivateKey', 'apiV3Key', 'signature', 'platformKeys.PUB_KEY_ID_0114232134912410000000000000'],
    );

    const audit = ok(await o.agent.get('/api/admin/audit-log?action=orders.payment_settings.update'));
    const entries = audit.items.filter((e: { action: string }) => e.action === 'orders.payment_settings.update');
    assert.equal(entries.length, 2);
    const logged = JSON.stringify(audit.items);
    assert.ok(!logged.includes(w.apiV3Key) && !logged.includes(core(w.merchant.privateKey)));
    assert.ok(logged.includes('"merchantPrivateKey":"replaced"'), logged);
  });

  it('names the field of bad input', async () => {
    const o = await ownerOfNewTenant();
    const w = wechatInput();
    const put = (wechatpay: object) => o.agent.request('PUT', URL_, { wechatpay });
    expectInvalid(await put({ ...w.body, apiV3Key: 'x'.repeat(31) }), 'wechatpay.apiV3Key');
    expectInvalid(
      await put({ ...w.body, merchantPrivateKey: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' }),
      'wechatpay.merchantPrivateKey',
    );
    expectInvalid(
      await put({ ...w.body, platformKeys: [{ key: w.merchant.publicKey }] }),
      'wechatpay.platformKeys.0.serial',
    );
    expectInvalid(await put({ ...w.body, appid: 'wxNOT' }), 'wechatpay.appid');
    expectInvalid(await put({ ...w.body, apiV3Key: undefined }), 'wechatpay.apiV3Key'); // enabling needs every key
    expectInvalid(await put({ ...w.body, sandbox: true }), 'wechatpay.sandbox');

    const app = pair();
    const ali = (extra: object) =>
      o.agent.request('PUT', URL_, {
        alipay: {
          enabled: true,
          channels: ['alipay_wap'],
          appId: '2021000000000002',
          appPrivateKey: app.privateKey,
          ...extra,
        },
      });
    // The application's own public key instead of Alipay's: refused.
    expectInvalid(await ali({ alipayPublicKey: app.publicKey }), 'alipay.alipayPublicKey');
    expectInvalid(
      await ali({ alipayPublicKey: pair().publicKey, gatewayUrl: 'https://evil.example/gateway.do' }),
      'alipay.gatewayUrl',
    );
    const fine = ok(await ali({ alipayPublicKey: pair().publicKey }));
    assert.equal(fine.alipay.configured, true);
    assert.equal(fine.wechatpay.configured, false, 'nothing of the refused WeChat Pay input was stored');
  });

  it('keeps tenants apart and needs orders.payments', async () => {
    const a = await ownerOfNewTenant();
    const b = await ownerOfNewTenant();
    ok(await a.agent.request('PUT', URL_, { wechatpay: wechatInput().body }));
    const seenByB = ok(await b.agent.get(URL_));
    assert.equal(seenByB.wechatpay.configured, false);
    assert.equal(seenByB.wechatpay.mchid, null);
    expectError(await b.agent.post(`${URL_}/test`, { provider: 'wechatpay' }), 409, 'PAYMENT_SETTINGS_MISSING');

    const roles = ok(await a.agent.get('/api/admin/roles')).items as {
      key: string;
      id: string;
      permissions: string[];
    }[];
    assert.ok(roles.find((r) => r.key === 'admin')!.permissions.includes('orders.payments'));
    const operator = roles.find((r) => r.key === 'operator')!;
    assert.ok(!operator.permissions.includes('orders.payments'));
    const email = `op-${randomBytes(4).toString('hex')}@pay.test`;
    ok(
      await a.agent.post('/api/admin/staff', {
        name: '运营',
        email,
        roleIds: [operator.id],
        mode: 'password',
        password: TEST_PASSWORD,
      }),
      201,
    );
    const op: Agent = await loginAs(a.app, email, TEST_PASSWORD);
    expectError(await op.get(URL_), 403, 'FORBIDDEN');
    expectError(await op.request('PUT', URL_, { wechatpay: wechatInput().body }), 403, 'FORBIDDEN');
    expectError(await op.post(`${URL_}/test`, { provider: 'wechatpay' }), 403, 'FORBIDDEN');
  });

  it('tests demo sandbox settings against the sandbox; a sandbox setting keeps its keys when switched', async () => {
    const o = await ownerOfNewTenant();
    await o.app.listen({ port: 0, host: '127.0.0.1' });
    closeApp = () => o.app.close();
    const baseUrl = `http://127.0.0.1:${(o.app.server.address() as AddressInfo).port}`;
    await demoPaymentsOf(o.app)!.configureTenant(o.tenant.tenantId, baseUrl);
    const view = ok(await o.agent.get(URL_));
    assert.deepEqual([view.wechatpay.sandbox, view.alipay.sandbox, view.demo], [true, true, true]);
    for (const provider of ['wechatpay', 'alipay']) {
      const t = ok(await o.agent.post(`${URL_}/test`, { provider }));
      assert.equal(t.ok, true, JSON.stringify(t));
      assert.match(t.checks.at(-1).message, /demo sandbox accepted our signed request \(a test trade is not_found\)/);
    }
    const off = ok(await o.agent.request('PUT', URL_, { alipay: { enabled: false, channels: [] } })).alipay;
    assert.deepEqual([off.enabled, off.sandbox, off.appPrivateKey.set], [false, true, true]);
    expectInvalid(
      await o.agent.request('PUT', URL_, { alipay: { enabled: true, channels: ['alipay_wap'], sandbox: false } }),
      'alipay.appId',
    );
  });
});
