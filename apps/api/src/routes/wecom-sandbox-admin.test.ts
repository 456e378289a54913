/**
 * /api/admin/wecom-sandbox: the demo sandbox as the admin of a tenant on it sees it — a contact way
 * with its QR and scan page, the customer who scanned, the welcome sent, a mass send waiting for the
 * member, confirmed from the admin; another tenant and a server outside demo mode get 404.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import cookie from '@fastify/cookie';
import * as messaging from '@siyu/core/messaging';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { installErrorHandler } from '../http/errors';
import { Agent, ownerOfNewTenant, testApp } from '../testing';
import { wecomSandboxAdminRoutes } from './wecom-sandbox-admin.routes';

let baseUrl = '';
let demo: DemoWecom;

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

const client = () =>
  messaging.createWecomClient({ corpId: demo.corpId, secret: demo.secret, baseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}` });

describe('the WeCom sandbox admin API', () => {
  it('shows the sandbox corp of a tenant on it, and confirms a pending mass send as the member', async () => {
    const o = await ownerOfNewTenant();
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    const status = await o.agent.get('/api/admin/wecom-sandbox/status');
    assert.deepEqual(status.data, { enabled: true, corpId: demo.corpId });

    const wecom = client();
    const way = await wecom.contactWays.add({ type: 1, scene: 2, user: ['lijiayi'], state: 'lc_sbxadmin01' });
    const scan = await demo.sandbox.simulate.scan(demo.corpId, way.config_id, { name: '沙箱顾客' });
    await wecom.welcome.send({ welcome_code: scan.welcomeCode ?? '', text: { content: '欢迎，沙箱顾客' } });
    const mass = await wecom.massMessages.add({
      chat_type: 'single',
      sender: 'lijiayi',
      external_userid: [scan.externalUserid],
      text: { content: '本周新品八折' },
    });

    const res = await o.agent.get('/api/admin/wecom-sandbox');
    assert.equal(res.statusCode, 200, res.body);
    const s = res.data;
    assert.equal(s.corpId, demo.corpId);
    const member = s.members.find((m: { userid: string }) => m.userid === 'lijiayi');
    assert.equal(member.name, '李嘉怡');
    assert.deepEqual(member.departments, ['静安寺店']);
    assert.ok(member.customers >= 1);
    const cw = s.contactWays.items.find((w: { configId: string }) => w.configId === way.config_id);
    assert.equal(cw.state, 'lc_sbxadmin01');
    assert.deepEqual(cw.userNames, ['李嘉怡']);
    assert.match(cw.qrCodeUrl, new RegExp(`/sandbox/wecom/qr/contact_way/${way.config_id}\\.png$`));
    assert.match(cw.scanUrl, new RegExp(`/sandbox/wecom/scan/contact_way/${way.config_id}$`));
    const customer = s.customers.items.find(
      (c: { externalUserid: string }) => c.externalUserid === scan.externalUserid,
    );
    assert.equal(customer.name, '沙箱顾客');
    assert.equal(customer.follows[0].state, 'lc_sbxadmin01');
    assert.equal(customer.follows[0].memberName, '李嘉怡');
    const welcome = s.welcomes.items.find((w: { externalUserid: string }) => w.externalUserid === scan.externalUserid);
    assert.equal(welcome.text, '欢迎，沙箱顾客');
    assert.equal(welcome.customerName, '沙箱顾客');
    assert.ok(s.deliveries.items.some((d: { event: string }) => d.event === 'change_external_contact'));
    const pending = s.pendingSends.find((p: { msgid: string }) => p.msgid === mass.msgid);
    assert.deepEqual(
      [pending.userid, pending.memberName, pending.text, pending.recipients],
      ['lijiayi', '李嘉怡', '本周新品八折', 1],
    );

    const confirmUrl = `/api/admin/wecom-sandbox/mass-messages/${mass.msgid}/confirm`;
    const wrong = await o.agent.post(confirmUrl, { userid: 'wangyutong' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.data.error.code, 'SANDBOX');
    const confirmed = await o.agent.post(confirmUrl, { userid: 'lijiayi' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual(confirmed.data.sends, [{ externalUserid: scan.externalUserid, chatId: null, result: 'sent' }]);
    const again = await o.agent.get('/api/admin/wecom-sandbox');
    assert.ok(!again.data.pendingSends.some((p: { msgid: string }) => p.msgid === mass.msgid));
    const bad = await o.agent.post(confirmUrl, { userid: '' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.data.error.details.issues[0].path.replace(/^body\W?/, ''), 'userid');
  });

  it('answers 404 to a tenant not on the sandbox (tenant isolation), and its status says off', async () => {
    const a = await ownerOfNewTenant();
    await demo.configureTenant(a.tenant.tenantId, baseUrl);
    const mass = await client().massMessages.add({
      chat_type: 'single',
      sender: 'lijiayi',
      external_userid: ['wmnosuchcustomer'],
      text: { content: 'x' },
    });
    const b = await ownerOfNewTenant();
    assert.deepEqual((await b.agent.get('/api/admin/wecom-sandbox/status')).data, { enabled: false, corpId: null });
    const state = await b.agent.get('/api/admin/wecom-sandbox');
    assert.equal(state.statusCode, 404);
    const confirm = await b.agent.post(`/api/admin/wecom-sandbox/mass-messages/${mass.msgid}/confirm`, {
      userid: 'lijiayi',
    });
    assert.equal(confirm.statusCode, 404);
    assert.equal(confirm.data.error.code, 'NOT_FOUND');
    const unknown = await a.agent.post('/api/admin/wecom-sandbox/mass-messages/msg000000000000000000000000/confirm', {
      userid: 'lijiayi',
    });
    assert.equal(unknown.statusCode, 404);
  });

  it('answers 404 outside demo mode, even for a tenant whose settings say sandbox', async () => {
    const o = await ownerOfNewTenant();
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    const { rt } = await testApp();
    for (const variant of ['production', 'no-sandbox'] as const) {
      const app = Fastify();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      installErrorHandler(app);
      await app.register(cookie);
      const config = { ...rt.config, mode: variant === 'production' ? ('production' as const) : rt.config.mode };
      wecomSandboxAdminRoutes(
        app,
        { ...rt, config },
        { sandbox: () => (variant === 'production' ? demo.sandbox : null) },
      );
      await app.ready();
      const agent = new Agent(app);
      agent.cookies = new Map(o.agent.cookies);
      agent.csrf = o.agent.csrf;
      const status = await agent.get('/api/admin/wecom-sandbox/status');
      assert.deepEqual(status.data, { enabled: false, corpId: null }, variant);
      assert.equal((await agent.get('/api/admin/wecom-sandbox')).statusCode, 404, variant);
      const confirm = await agent.post('/api/admin/wecom-sandbox/mass-messages/msg000000000000000000000000/confirm', {
        userid: 'lijiayi',
      });
      assert.equal(confirm.statusCode, 404, variant);
      await app.close();
    }
  });
});
