import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { demoOwnedOf } from '../demo/sms-sandbox';
import { type Agent, loginAs, ownerOfNewTenant, testApp } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';

const SMS = '/api/admin/settings/sms';
const EMAIL = '/api/admin/settings/email';
const LOG = '/api/admin/owned-messages';
const phone = () => `136${String(randomInt(1e8)).padStart(8, '0')}`;
let baseUrl = '';

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
after(async () => (await testApp()).app.close());

const aliyunInput = {
  enabled: true,
  provider: 'aliyun',
  signName: '我的店',
  keyId: 'LTAI5tExampleKeyId',
  keySecret: 'very-secret-value-1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' variable syntax
  templates: [{ key: 'code', name: '验证码', code: 'SMS_123456', params: ['code'], text: '验证码${code}' }],
};

describe('SMS and email settings (/api/admin/settings/sms, /email)', () => {
  it('stores SMS keys write-only, keeps a blank secret, names bad fields', async () => {
    const o = await ownerOfNewTenant();
    const empty = ok(await o.agent.get(SMS));
    assert.deepEqual([empty.configured, empty.provider, empty.keySecret.set], [false, null, false]);
    const saved = ok(await o.agent.request('PUT', SMS, aliyunInput));
    assert.deepEqual(
      [saved.configured, saved.provider, saved.keyId, saved.keySecret],
      [true, 'aliyun', 'LTAI5tExampleKeyId', { set: true }],
    );
    assert.match(saved.replyUrl, new RegExp(`/webhooks/sms/${o.tenant.tenantId}/replies/[\\w-]+$`));
    const again = ok(await o.agent.request('PUT', SMS, { ...aliyunInput, keySecret: '' }));
    assert.equal(again.keySecret.set, true, 'blank keeps');
    const body = (await o.agent.get(SMS)).body;
    assert.ok(!body.includes('very-secret-value-1'), 'never answered');
    const t = aliyunInput.templates[0]!;
    expectInvalid(
      await o.agent.request('PUT', SMS, { ...aliyunInput, templates: [{ ...t, params: ['other'] }] }),
      'templates.0.params',
    );
    expectInvalid(
      await o.agent.request('PUT', SMS, { ...aliyunInput, templates: [{ ...t, code: '123' }] }),
      'templates.0.code',
    );
    expectInvalid(
      await o.agent.request('PUT', SMS, { ...aliyunInput, templates: [{ ...t, marketing: true }] }),
      'text',
    );
    expectInvalid(
      await o.agent.request('PUT', SMS, { ...aliyunInput, provider: 'tencent', keySecret: 'x', templates: [] }),
      'sdkAppId',
    );
    expectInvalid(
      await o.agent.request('PUT', EMAIL, {
        enabled: true,
        host: 'smtp.x.com',
        port: 99999,
        security: 'tls',
        fromAddress: 'a@b.c',
        fromName: 'x',
      }),
      'port',
    );
    const mail = ok(
      await o.agent.request('PUT', EMAIL, {
        enabled: true,
        host: 'smtp.exmail.qq.com',
        port: 465,
        security: 'tls',
        user: 'shop@x.com',
        password: 'mail-pass-123',
        fromAddress: 'shop@x.com',
        fromName: '我的店',
      }),
    );
    assert.deepEqual([mail.password, mail.host, mail.sandbox], [{ set: true }, 'smtp.exmail.qq.com', false]);
    assert.ok(!(await o.agent.get(EMAIL)).body.includes('mail-pass-123'));
  });

  it('test sends through the demo sandboxes report success and exactly what failed', async () => {
    const o = await ownerOfNewTenant();
    await demoOwnedOf(o.app)!.configureTenant(o.tenant.tenantId, baseUrl);
    const p = phone();
    const sent = ok(
      await o.agent.post(`${SMS}/test`, { phone: p, templateKey: 'verify_code', variables: { code: '2468' } }),
    );
    assert.equal(sent.ok, true, JSON.stringify(sent.error));
    const inbox = ok(await o.agent.get(`/sandbox/sms/messages?phone=${p}`)).items;
    assert.equal(inbox[0].text, '【思域商城】您的验证码为2468，5分钟内有效。');
    const limited = ok(
      await o.agent.post(`${SMS}/test`, { phone: p, templateKey: 'verify_code', variables: { code: '1' } }),
    );
    assert.deepEqual(
      [limited.ok, limited.error.kind, limited.error.code],
      [false, 'RATE_LIMITED', 'isv.BUSINESS_LIMIT_CONTROL'],
    );
    const missing = ok(
      await o.agent.post(`${SMS}/test`, { phone: phone(), templateKey: 'order_shipped', variables: { name: 'x' } }),
    );
    assert.equal(missing.error.kind, 'TEMPLATE_PARAMS');
    // The sandbox knows only approved templates: a new one is refused as the provider would.
    const view = ok(await o.agent.get(SMS));
    const extra = { key: 'new_one', name: '新', code: 'SMS_999', params: [], text: '新模板', marketing: false };
    ok(
      await o.agent.request('PUT', SMS, {
        enabled: true,
        provider: 'aliyun',
        signName: view.signName,
        templates: [...view.templates, extra],
      }),
    );
    assert.equal(ok(await o.agent.get(SMS)).sandbox, true, 'the sandbox row keeps its keys');
    const unapproved = ok(await o.agent.post(`${SMS}/test`, { phone: phone(), templateKey: 'new_one', variables: {} }));
    assert.deepEqual([unapproved.error.kind, unapproved.error.code], ['TEMPLATE', 'isv.SMS_TEMPLATE_ILLEGAL']);
    const to = `ops-${randomBytes(3).toString('hex')}@example.com`;
    assert.equal(ok(await o.agent.post(`${EMAIL}/test`, { to })).ok, true);
    assert.equal(ok(await o.agent.get(`/sandbox/mail/messages?to=${to}`)).items.length, 1);
    const log = ok(await o.agent.get(`${LOG}?channel=sms`));
    assert.equal(log.items.length, 4);
    assert.deepEqual(log.items.map((m: { status: string }) => m.status).sort(), ['failed', 'failed', 'failed', 'sent']);
  });

  it('keeps tenants apart and requires the settings permissions', async () => {
    const a = await ownerOfNewTenant();
    const b = await ownerOfNewTenant();
    ok(await a.agent.request('PUT', SMS, aliyunInput));
    await demoOwnedOf(a.app)!.configureTenant(a.tenant.tenantId, baseUrl);
    ok(await a.agent.post(`${EMAIL}/test`, { to: 'a@example.com' }));
    assert.equal(ok(await b.agent.get(SMS)).configured, false);
    assert.equal(ok(await b.agent.get(EMAIL)).configured, false);
    assert.equal(ok(await b.agent.get(LOG)).items.length, 0);
    const none = ok(await b.agent.post(`${EMAIL}/test`, { to: 'b@example.com' }));
    assert.equal(none.error.kind, 'NOT_CONFIGURED');
    assert.equal(ok(await a.agent.get(LOG)).items.length, 1, 'b’s failed test is not in a’s log');

    const roles = ok(await a.agent.get('/api/admin/roles')).items as {
      key: string;
      id: string;
      permissions: string[];
    }[];
    const weak = roles.find(
      (r) => !r.permissions.includes('settings.read') && !r.permissions.includes('settings.write'),
    )!;
    const email = `s-${randomBytes(4).toString('hex')}@owned.test`;
    ok(
      await a.agent.post('/api/admin/staff', {
        name: '店员',
        email,
        roleIds: [weak.id],
        mode: 'password',
        password: TEST_PASSWORD,
      }),
      201,
    );
    const staff: Agent = await loginAs(a.app, email, TEST_PASSWORD);
    for (const url of [SMS, EMAIL, LOG]) expectError(await staff.get(url), 403, 'FORBIDDEN');
    expectError(await staff.request('PUT', SMS, aliyunInput), 403, 'FORBIDDEN');
    expectError(await staff.post(`${SMS}/test`, { phone: phone(), templateKey: 'x', variables: {} }), 403, 'FORBIDDEN');
    expectError(await staff.post(`${EMAIL}/test`, { to: 'x@example.com' }), 403, 'FORBIDDEN');
  });

  it('an unsubscribe link shows a page, opts out on POST (one-click), and is refused elsewhere', async () => {
    const o = await ownerOfNewTenant();
    await demoOwnedOf(o.app)!.configureTenant(o.tenant.tenantId, baseUrl);
    const to = `buyer-${randomBytes(3).toString('hex')}@example.com`;
    const c = ok(await o.agent.post('/api/admin/customers', { name: '顾客', email: to }), 201);
    const { sendOwned } = await import('@siyu/core/messaging');
    const row = await sendOwned(
      o.rt.ctx({ tenantId: o.tenant.tenantId, actor: { kind: 'system', name: 'test' } }),
      { channel: 'email', customerId: c.id, subject: 'Hi', text: 'Hello' },
      { publicUrl: 'http://127.0.0.1:3000' },
    );
    assert.equal(row.status, 'sent', row.errorMessage ?? '');
    const mail = ok(await o.agent.get(`/sandbox/mail/messages?to=${to}`)).items[0];
    const path = /<http:\/\/127\.0\.0\.1:3000(\/unsubscribe\/[^>]+)>/.exec(mail.listUnsubscribe)![1]!;
    const other = await ownerOfNewTenant();
    const foreign = path.replace(o.tenant.tenantId, other.tenant.tenantId);
    assert.equal(
      (
        await o.agent.request('POST', foreign, 'List-Unsubscribe=One-Click', {
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).statusCode,
      404,
    );
    const shown = await o.agent.get(path);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<form method="post">/);
    const done = await o.agent.request('POST', path, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(done.statusCode, 200, done.body);
    const profile = ok(await o.agent.get(`/api/admin/customers/${c.id}`));
    assert.deepEqual(
      profile.consents.map((x: { channel: string; status: string; source: string }) => [x.channel, x.status, x.source]),
      [['email', 'opt_out', 'email_link']],
    );
  });

  it('an SMS reply "T" pushed to the tenant reply URL opts the sender out; a wrong token changes nothing', async () => {
    const o = await ownerOfNewTenant();
    const p = phone();
    const c = ok(await o.agent.post('/api/admin/customers', { name: '回复者', phone: p }), 201);
    const saved = ok(await o.agent.request('PUT', SMS, aliyunInput));
    const replyPath = new URL(saved.replyUrl).pathname;
    const wrong = await o.agent.request('POST', replyPath.replace(/[^/]+$/, 'nope'), [
      { phone_number: p, content: 'T' },
    ]);
    assert.equal(wrong.statusCode, 404);
    const pushed = await o.agent.request('POST', replyPath, { mobile: p, nationcode: '86', text: 'TD', time: 1 });
    assert.equal(pushed.statusCode, 200, pushed.body);
    assert.deepEqual([pushed.data.result, pushed.data.optedOut], [0, 1]);
    const profile = ok(await o.agent.get(`/api/admin/customers/${c.id}`));
    assert.deepEqual(
      profile.consents.map((x: { channel: string; status: string }) => [x.channel, x.status]),
      [['sms', 'opt_out']],
    );
    assert.equal((await o.agent.request('POST', replyPath, 'not json')).statusCode, 400);
  });
});
