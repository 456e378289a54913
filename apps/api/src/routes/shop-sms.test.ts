/**
 * The shop's login codes through the tenant's SMS settings (demo mode: the dev recorder too): a tenant
 * pointed at the demo SMS sandbox gets its code by its own provider and can log in with it; the owned
 * message log shows the code masked.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestTenant } from '@siyu/core/testing';
import { demoOwnedOf } from '../demo/sms-sandbox';
import { Agent, loginAs, testApp } from '../testing';

let baseUrl = '';
before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
after(async () => (await testApp()).app.close());

const phone = () => `138${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

describe('shop login codes through the tenant SMS settings', () => {
  it('sends the code by the tenant provider (sandbox), logs it masked, and the code logs in', async () => {
    const { app, rt } = await testApp();
    const t = await createTestTenant(rt);
    await demoOwnedOf(app)!.configureTenant(t.tenantId, baseUrl);
    const shopper = new Agent(app);
    const p = phone();
    const sent = await shopper.post(`/api/shop/t/${t.slug}/auth/sms-code`, { phone: p, purpose: 'login' });
    assert.equal(sent.statusCode, 200, sent.body);
    const delivered = (await shopper.get(`/sandbox/sms/messages?phone=${p}`)).data.items;
    assert.equal(delivered.length, 1);
    const code = /验证码为(\d{6})/.exec(delivered[0].text)?.[1];
    assert.ok(code, delivered[0].text);
    const recorded = (await shopper.get(`/api/dev/sms?phone=${p}`)).data.items[0];
    assert.equal(recorded.code, code, 'demo mode keeps the dev recorder');
    const login = await shopper.post(`/api/shop/t/${t.slug}/auth/sms-login`, { phone: p, code });
    assert.equal(login.statusCode, 200, login.body);
    const owner = await loginAs(app, t.ownerEmail, 'test-pass-123');
    const log = (await owner.get('/api/admin/owned-messages?channel=sms')).data.items;
    assert.equal(log.length, 1);
    assert.equal(log[0].purpose, 'code');
    assert.ok(!JSON.stringify(log).includes(code), 'staff never read a customer code in the log');
  });
});
