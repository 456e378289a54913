import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { rowsOf } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { sql } from 'drizzle-orm';
import { demoWecomOf } from '../demo/wecom-sandbox';
import { type Agent, loginAs, ownerOfNewTenant, testApp } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';

const URL_ = '/api/admin/settings/wecom';
let baseUrl = '';

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
after(async () => (await testApp()).app.close());

const input = {
  corpId: 'ww5823bf96d3bd56c7',
  secret: 'app-secret-Qx7_tYbD5mL2sN9vW4zK1pR8',
  agentId: '1000002',
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};

describe('WeCom settings (/api/admin/settings/wecom)', () => {
  it('stores the settings with the secret write-only and sealed, names bad fields, and audits without secrets', async () => {
    const o = await ownerOfNewTenant();
    const empty = ok(await o.agent.get(URL_));
    assert.deepEqual([empty.configured, empty.secretSet, empty.corpId], [false, false, null]);
    assert.ok(empty.callbackUrl.endsWith(`/webhooks/wecom/${o.tenant.tenantId}`), empty.callbackUrl);
    expectInvalid(await o.agent.request('PUT', URL_, { ...input, secret: '' }), 'secret');
    expectInvalid(
      await o.agent.request('PUT', URL_, { ...input, encodingAesKey: input.encodingAesKey.slice(1) }),
      'encodingAesKey',
    );
    expectInvalid(
      await o.agent.request('PUT', URL_, { ...input, encodingAesKey: `${input.encodingAesKey.slice(1)}+` }),
      'encodingAesKey',
    );
    expectInvalid(await o.agent.request('PUT', URL_, { ...input, token: 'ab' }), 'token');
    expectInvalid(await o.agent.request('PUT', URL_, { ...input, token: 'a'.repeat(33) }), 'token');
    expectInvalid(await o.agent.request('PUT', URL_, { ...input, corpId: 'corp-1' }), 'corpId');
    expectInvalid(await o.agent.request('PUT', URL_, { ...input, agentId: 'x1' }), 'agentId');

    const saved = await o.agent.request('PUT', URL_, input);
    const view = ok(saved);
    assert.deepEqual(
      [view.configured, view.corpId, view.agentId, view.token, view.encodingAesKey, view.secretSet],
      [true, input.corpId, input.agentId, input.token, input.encodingAesKey, true],
    );
    assert.ok(!saved.body.includes(input.secret), 'the PUT answer has no secret');
    assert.ok(!(await o.agent.get(URL_)).body.includes(input.secret), 'no GET has the secret');
    const [row] = rowsOf<{ secret: string; encoding_aes_key: string }>(
      await o.rt.db.execute(
        sql`select secret, encoding_aes_key from messaging_wecom_settings where tenant_id = ${o.tenant.tenantId}`,
      ),
    );
    assert.ok(row && !row.secret.includes(input.secret) && row.secret.startsWith('v1:'), 'secret sealed at rest');
    assert.ok(row.encoding_aes_key.startsWith('v1:') && row.encoding_aes_key !== input.encodingAesKey);

    const kept = ok(await o.agent.request('PUT', URL_, { ...input, secret: '', agentId: '1000003' }));
    assert.deepEqual([kept.secretSet, kept.agentId], [true, '1000003'], 'a blank secret keeps the stored one');
    expectInvalid(await o.agent.request('PUT', URL_, { ...input, corpId: 'wwabcdef0123456789', secret: '' }), 'secret');

    const audit = await o.agent.get('/api/admin/audit-log?action=messaging.wecom_settings');
    assert.equal(ok(audit).items.length, 2, audit.body);
    assert.ok(!audit.body.includes(input.secret) && !audit.body.includes(input.encodingAesKey));
  });

  it('generates a callback Token and EncodingAESKey that the settings accept', async () => {
    const o = await ownerOfNewTenant();
    const g = ok(await o.agent.post(`${URL_}/generate-callback-secrets`));
    assert.match(g.token, /^[A-Za-z0-9]{32}$/);
    assert.match(g.encodingAesKey, /^[A-Za-z0-9]{43}$/);
    const g2 = ok(await o.agent.post(`${URL_}/generate-callback-secrets`));
    assert.notEqual(g.encodingAesKey, g2.encodingAesKey);
    ok(await o.agent.request('PUT', URL_, { ...input, ...g }));
  });

  it('tests the connection against the demo sandbox and reports the failing step', async () => {
    const o = await ownerOfNewTenant();
    expectError(await o.agent.post(`${URL_}/test`), 409, 'WECOM_NOT_CONFIGURED');
    const demo = demoWecomOf(o.app)!;
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    const view = ok(await o.agent.get(URL_));
    assert.deepEqual([view.sandbox, view.corpId, view.secretSet], [true, demo.corpId, true]);
    const good = ok(await o.agent.post(`${URL_}/test`));
    assert.equal(good.ok, true, JSON.stringify(good));
    assert.deepEqual(
      good.steps.map((s: { step: string; ok: boolean }) => [s.step, s.ok]),
      [
        ['access_token', true],
        ['customer_contact', true],
        ['corp_tags', true],
      ],
    );
    // A wrong secret on the sandbox corp: the row stays on the sandbox, gettoken fails.
    ok(
      await o.agent.request('PUT', URL_, {
        ...input,
        corpId: demo.corpId,
        secret: 'wrong-secret',
        token: demo.token,
        encodingAesKey: demo.encodingAesKey,
      }),
    );
    const bad = ok(await o.agent.post(`${URL_}/test`));
    assert.equal(bad.ok, false);
    const failed = bad.steps.find((s: { ok: boolean }) => !s.ok);
    assert.deepEqual([failed.step, failed.problem, failed.errcode], ['access_token', 'WRONG_SECRET', 40001]);
  });

  it('keeps tenants apart and needs the settings permissions', async () => {
    const a = await ownerOfNewTenant();
    const b = await ownerOfNewTenant();
    ok(await a.agent.request('PUT', URL_, input));
    const other = ok(await b.agent.get(URL_));
    assert.deepEqual([other.configured, other.corpId], [false, null]);
    assert.ok(other.callbackUrl.endsWith(`/webhooks/wecom/${b.tenant.tenantId}`));
    expectError(await b.agent.post(`${URL_}/test`), 409, 'WECOM_NOT_CONFIGURED');
    const roles = ok(await a.agent.get('/api/admin/roles')).items as { id: string; permissions: string[] }[];
    const weak = roles.find(
      (r) => !r.permissions.includes('settings.read') && !r.permissions.includes('settings.write'),
    )!;
    const email = `w-${randomBytes(4).toString('hex')}@wecom.test`;
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
    expectError(await staff.get(URL_), 403, 'FORBIDDEN');
    expectError(await staff.request('PUT', URL_, input), 403, 'FORBIDDEN');
    expectError(await staff.post(`${URL_}/test`), 403, 'FORBIDDEN');
    expectError(await staff.post(`${URL_}/generate-callback-secrets`), 403, 'FORBIDDEN');
  });
});
