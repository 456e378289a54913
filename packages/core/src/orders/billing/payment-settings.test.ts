import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { createSecretBox, installSecrets, secrets } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { resealPaymentSecrets, unreadablePaymentSecrets } from './payment-settings.check';
import { settingsOf } from './payment-settings.repo';
import { getPaymentSettings, updatePaymentSettings } from './payment-settings.service';
import { forgetTenantPayments, providerForChannel } from './providers';

const original = secrets();
after(() => installSecrets(original));

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
const opts = { publicUrl: 'https://shop.example.com' };

describe('payment settings store', () => {
  it('rotates the master key: old values still open, reseal moves them to the new key, a lost key is reported', async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt);
    const oldKey = randomBytes(32);
    installSecrets(createSecretBox(oldKey));
    const app = pem();
    await updatePaymentSettings(
      t.ctx,
      {
        alipay: {
          enabled: true,
          channels: ['alipay_wap'],
          appId: '2021000000000003',
          appPrivateKey: app.privateKey,
          alipayPublicKey: pem().publicKey,
          gatewayUrl: 'https://openapi.alipay.com/gateway.do',
        },
      },
      opts,
    );
    const before = (await settingsOf(rt.db, t.tenantId))[0]!.secrets.appPrivateKey!;

    const newKey = randomBytes(32);
    installSecrets(createSecretBox(newKey, [oldKey]));
    forgetTenantPayments(t.tenantId);
    assert.ok(await providerForChannel(t.ctx, 'alipay_wap'), 'opens with the old key during the rotation');
    assert.equal(await resealPaymentSecrets(rt.db, t.tenantId), 1);
    const after_ = (await settingsOf(rt.db, t.tenantId))[0]!.secrets.appPrivateKey!;
    assert.notEqual(after_, before);
    assert.equal(after_.split(':')[1], secrets().keyId);
    assert.equal(await resealPaymentSecrets(rt.db, t.tenantId), 0, 'nothing stale any more');

    installSecrets(createSecretBox(newKey)); // the old key retired
    forgetTenantPayments(t.tenantId);
    assert.ok(await providerForChannel(t.ctx, 'alipay_wap'), 'the re-sealed value opens with the new key alone');
    assert.equal((await getPaymentSettings(t.ctx, opts)).alipay.appPrivateKey.set, true);

    installSecrets(createSecretBox(randomBytes(32))); // a wrong key: start-up would stop in production
    forgetTenantPayments(t.tenantId);
    assert.equal(await providerForChannel(t.ctx, 'alipay_wap'), null, 'a provider whose keys do not open is left out');
    const problems = await unreadablePaymentSecrets(rt.db);
    assert.ok(
      problems.some((p) => p.includes(t.tenantId) && p.includes('alipay.appPrivateKey')),
      problems.join('\n'),
    );
  });

  it('without a master key, saving a secret answers 503 SECRET_KEY_MISSING', async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt);
    installSecrets(createSecretBox(null));
    await assert.rejects(
      updatePaymentSettings(
        t.ctx,
        {
          alipay: {
            enabled: false,
            channels: [],
            appPrivateKey: pem().privateKey,
            gatewayUrl: 'https://openapi.alipay.com/gateway.do',
          },
        },
        opts,
      ),
      (e: { status?: number; code?: string }) => e.status === 503 && e.code === 'SECRET_KEY_MISSING',
    );
    assert.equal((await getPaymentSettings(t.ctx, opts)).secretsReady, false);
    installSecrets(original);
  });
});
