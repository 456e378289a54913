import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { Agent, ownerOfNewTenant, testApp } from '../testing';

describe('admin auth', () => {
  it('logs in, answers me with tenant and csrfToken, and logs out', async () => {
    const { agent, tenant } = await ownerOfNewTenant();
    const me = await agent.get('/api/admin/auth/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.data.tenant.slug, tenant.slug);
    assert.equal(me.data.staff.email, tenant.ownerEmail);
    assert.ok(me.data.permissions.includes('staff.write'));
    assert.equal(me.data.settings.timeZone, 'Asia/Shanghai');
    assert.ok(me.data.csrfToken.length > 10);
    const out = await agent.post('/api/admin/auth/logout');
    assert.equal(out.statusCode, 200);
    assert.equal((await agent.get('/api/admin/auth/me')).statusCode, 401);
  });

  it('rejects a wrong password with 401 and an unknown email the same way', async () => {
    const { app } = await testApp();
    const { tenant } = await ownerOfNewTenant();
    const a = new Agent(app);
    const wrong = await a.post('/api/admin/auth/login', { email: tenant.ownerEmail, password: 'nope-nope' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.data.error.code, 'INVALID_CREDENTIALS');
    const unknown = await a.post('/api/admin/auth/login', { email: 'nobody@x.test', password: 'nope-nope' });
    assert.equal(unknown.statusCode, 401);
  });

  it('refuses writes without the csrf token (403) and accepts them with it', async () => {
    const { agent } = await ownerOfNewTenant();
    const token = agent.csrf;
    agent.csrf = null;
    const bad = await agent.post('/api/admin/org-units', { kind: 'store', name: '测试店' });
    assert.equal(bad.statusCode, 403);
    agent.csrf = 'wrong-token';
    assert.equal((await agent.post('/api/admin/org-units', { kind: 'store', name: '测试店' })).statusCode, 403);
    agent.csrf = token;
    assert.equal((await agent.post('/api/admin/org-units', { kind: 'store', name: '测试店' })).statusCode, 201);
  });

  it('rate-limits repeated failed logins for one email with 429 and retry-after', async () => {
    const { app } = await testApp();
    const { tenant } = await ownerOfNewTenant();
    const a = new Agent(app);
    let last = await a.post('/api/admin/auth/login', { email: tenant.ownerEmail, password: 'wrong-wrong' });
    for (let i = 0; i < 10; i++)
      last = await a.post('/api/admin/auth/login', { email: tenant.ownerEmail, password: 'wrong-wrong' });
    assert.equal(last.statusCode, 429);
    assert.ok(Number(last.headers['retry-after']) > 0);
    const right = await a.post('/api/admin/auth/login', { email: tenant.ownerEmail, password: TEST_PASSWORD });
    assert.equal(right.statusCode, 429, 'even the right password waits out the window');
  });

  it('asks which tenant when one email has accounts in two tenants, then logs into the chosen one', async () => {
    const { app } = await testApp();
    const one = await ownerOfNewTenant();
    const two = await ownerOfNewTenant();
    const email = `agency-${one.tenant.slug}@x.test`;
    for (const t of [one, two]) {
      const roles = await t.agent.get('/api/admin/roles');
      const adminRole = roles.data.items.find((r: { key: string }) => r.key === 'admin');
      const res = await t.agent.post('/api/admin/staff', {
        name: '代运营',
        email,
        roleIds: [adminRole.id],
        mode: 'password',
        password: TEST_PASSWORD,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const a = new Agent(app);
    const ask = await a.post('/api/admin/auth/login', { email, password: TEST_PASSWORD });
    assert.equal(ask.statusCode, 400);
    assert.equal(ask.data.error.code, 'TENANT_REQUIRED');
    assert.deepEqual(
      ask.data.error.details.tenants.map((t: { slug: string }) => t.slug).sort(),
      [one.tenant.slug, two.tenant.slug].sort(),
    );
    const chosen = await a.post('/api/admin/auth/login', { email, password: TEST_PASSWORD, tenant: two.tenant.slug });
    assert.equal(chosen.statusCode, 200);
    assert.equal(chosen.data.tenant.slug, two.tenant.slug);
  });
});
