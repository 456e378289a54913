/**
 * The WeCom callback URL end to end: the demo sandbox (as WeCom) sends encrypted callbacks over HTTP
 * to /webhooks/wecom/<tenant id> of a test tenant whose settings point at it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { rowsOf, type Runtime } from '@siyu/core/platform';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { drainUntil, loginAs, ownerOfNewTenant, testApp } from '../testing';
import { ok } from './tags.fixtures';

let baseUrl = '';
let demo: DemoWecom;

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

/** A tenant on the sandbox corp, with a staff member whose email name is the WeCom userid. */
async function wecomTenant(userid = 'wangyutong') {
  const o = await ownerOfNewTenant();
  await demo.configureTenant(o.tenant.tenantId, baseUrl);
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const email = `${userid}@w${randomBytes(4).toString('hex')}.test`;
  const staff = ok(
    await o.agent.post('/api/admin/staff', {
      name: '王雨桐',
      email,
      roleIds: [roles.find((r) => r.key === 'sales')!.id],
      mode: 'password',
      password: TEST_PASSWORD,
    }),
    201,
  );
  const client = messaging.createWecomClient({
    corpId: demo.corpId,
    secret: demo.secret,
    baseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}`,
  });
  const way = await client.contactWays.add({ type: 1, scene: 2, user: [userid], state: 'lc_test01' });
  const keys = { token: demo.token, encodingAesKey: demo.encodingAesKey, receiveId: demo.corpId };
  return { ...o, staffId: staff.staff.id as string, staffEmail: email, way, keys };
}

const deliveries = async (o: { rt: Runtime; tenant: { tenantId: string } }) =>
  rowsOf<{ id: string; event: string; change_type: string; status: string; outcome: string; error: string }>(
    await o.rt.db.execute(
      sql`select id, event, change_type, status, outcome, error, attempts from messaging_wecom_deliveries where tenant_id = ${o.tenant.tenantId} order by received_at, id`,
    ),
  );

/**
 * Drains until no stored delivery of the tenant awaits processing: on PostgreSQL another test file's
 * drain may take the job and finish it a moment later.
 */
const settle = (o: { rt: Runtime; tenant: { tenantId: string } }) =>
  drainUntil(o.rt, o.tenant.tenantId, async () => (await deliveries(o)).every((r) => r.status !== 'received'));

const customerIdIn = (outcome: string) => /cus_\w+/.exec(outcome)?.[0] ?? '';

const post = (o: { app: FastifyInstance }, tenantId: string, enc: ReturnType<typeof messaging.encryptCallback>) =>
  o.app.inject({
    method: 'POST',
    url: `/webhooks/wecom/${tenantId}?${new URLSearchParams(enc.query)}`,
    headers: { 'content-type': enc.contentType },
    payload: enc.body,
  });

const addEvent = (corpId: string, externalUserid: string, format: 'xml' | 'json' = 'xml') => {
  const fields = {
    ToUserName: corpId,
    FromUserName: 'sys',
    CreateTime: 1700000000,
    MsgType: 'event',
    Event: 'change_external_contact',
    ChangeType: 'add_external_contact',
    UserID: 'wangyutong',
    ExternalUserID: externalUserid,
    State: 'lc_manual',
  };
  return format === 'xml' ? messaging.buildCallbackXml(fields) : JSON.stringify(fields);
};

describe('WeCom callbacks (/webhooks/wecom/:tenantId)', () => {
  it('answers URL verification with the bare plaintext and refuses a wrong signature', async () => {
    const o = await wecomTenant();
    const s = messaging.encryptSigned(o.keys, '1616140317555161061', { timestamp: '1409659589' });
    const q = { msg_signature: s.msgSignature, timestamp: s.timestamp, nonce: s.nonce, echostr: s.encrypt };
    const url = `/webhooks/wecom/${o.tenant.tenantId}`;
    const res = await o.app.inject({ method: 'GET', url: `${url}?${new URLSearchParams(q)}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.body, '1616140317555161061');
    const bad = await o.app.inject({
      method: 'GET',
      url: `${url}?${new URLSearchParams({ ...q, msg_signature: '0'.repeat(40) })}`,
    });
    assert.equal(bad.statusCode, 403, bad.body);
    const missing = await o.app.inject({ method: 'GET', url: `${url}?${new URLSearchParams({ ...q, echostr: '' })}` });
    assert.equal(missing.statusCode, 400);
    const unknown = await o.app.inject({ method: 'GET', url: `/webhooks/wecom/ten_nobody?${new URLSearchParams(q)}` });
    assert.equal(unknown.statusCode, 404);
  });

  it('a scan in the sandbox makes the customer with the wecom identity, the owner and the source, at once', async () => {
    const o = await wecomTenant();
    const scan = await demo.sandbox.simulate.scan(demo.corpId, o.way.config_id, { name: '扫码顾客' });
    assert.equal(scan.delivery?.outcome, 'delivered');
    const [d] = await deliveries(o);
    assert.ok(d, 'stored');
    assert.deepEqual([d.change_type, d.status], ['add_external_contact', 'processed'], d.error);
    const customer = ok(await o.agent.get(`/api/admin/customers/${customerIdIn(d.outcome)}`));
    assert.equal(customer.nickname, '扫码顾客', 'the name comes from externalcontact/get');
    assert.equal(customer.sourceChannel, 'wecom');
    const id = customer.identities.find((i: { kind: string }) => i.kind === 'wecom_external');
    assert.deepEqual([id.namespace, id.value, id.source], [demo.corpId, scan.externalUserid, 'lc_test01']);
    assert.deepEqual(
      customer.owners.map((w: { staffId: string; isPrimary: boolean }) => [w.staffId, w.isPrimary]),
      [[o.staffId, true]],
    );
    const events = rowsOf<{ payload: { customerId: string; state: string; staffId: string } }>(
      await o.rt.db.execute(
        sql`select payload from outbox where tenant_id = ${o.tenant.tenantId} and name = 'messaging.contact.added'`,
      ),
    );
    assert.deepEqual(
      events.map((e) => [e.payload.customerId, e.payload.state, e.payload.staffId]),
      [[customer.id, 'lc_test01', o.staffId]],
    );
  });

  it('stores a duplicate delivery once and changes the customer once; the job processes it', async () => {
    const o = await wecomTenant();
    const ext = `wm${randomBytes(12).toString('hex')}`;
    const enc = messaging.encryptCallback(o.keys, addEvent(demo.corpId, ext), {
      format: 'xml',
      timestamp: '1700000000',
    });
    const first = await post(o, o.tenant.tenantId, enc);
    assert.equal(first.statusCode, 200, first.body);
    const again = await post(o, o.tenant.tenantId, enc);
    assert.equal(again.statusCode, 200, again.body);
    let rows = await deliveries(o);
    assert.deepEqual(
      rows.map((r) => r.status),
      ['received'],
      'stored once, not yet processed (no WelcomeCode)',
    );
    await settle(o);
    rows = await deliveries(o);
    assert.deepEqual(
      rows.map((r) => r.status),
      ['processed'],
      rows[0]?.error,
    );
    await post(o, o.tenant.tenantId, enc);
    await settle(o);
    const found = ok(await o.agent.get(`/api/admin/customers?q=${ext}`));
    const customers = rowsOf<unknown>(
      await o.rt.db.execute(
        sql`select customer_id from customer_identities where tenant_id = ${o.tenant.tenantId} and value = ${ext}`,
      ),
    );
    assert.equal(customers.length, 1, JSON.stringify(found));
    assert.equal((await deliveries(o)).length, 1);
  });

  it('a customer deleting the member ends the relationship and notifies the owner', async () => {
    const o = await wecomTenant();
    const scan = await demo.sandbox.simulate.scan(demo.corpId, o.way.config_id, { name: '流失顾客' });
    const customerId = customerIdIn((await deliveries(o))[0]!.outcome);
    await demo.sandbox.simulate.customerDeletesStaff(demo.corpId, scan.externalUserid, scan.userid);
    await settle(o);
    const rows = await deliveries(o);
    assert.deepEqual(rows.map((r) => [r.change_type, r.status]).sort(), [
      ['add_external_contact', 'processed'],
      ['del_follow_user', 'processed'],
    ]);
    const customer = ok(await o.agent.get(`/api/admin/customers/${customerId}`));
    assert.deepEqual(customer.owners, [], 'relationship ended');
    const staff = await loginAs(o.app, o.staffEmail, TEST_PASSWORD);
    const inbox = ok(await staff.get('/api/admin/notifications'));
    const n = inbox.items.find((x: { kind: string }) => x.kind === 'wecom.contact_lost');
    assert.ok(n, JSON.stringify(inbox));
    assert.match(n.title, /流失顾客/);
    assert.equal(n.link, `/customers/${customerId}`);
  });

  it('an edit refreshes the customer, a member deleting the customer ends the relationship without an alert, a tag change is applied', async () => {
    const o = await wecomTenant();
    const scan = await demo.sandbox.simulate.scan(demo.corpId, o.way.config_id, { name: '被删顾客' });
    const customerId = customerIdIn((await deliveries(o))[0]!.outcome);
    await demo.sandbox.simulate.staffEditsCustomer(demo.corpId, scan.userid, scan.externalUserid, { remark: '老客' });
    await demo.sandbox.simulate.adminChangesTag(demo.corpId, {
      create: { groupName: '兴趣', name: `手冲${randomBytes(2).toString('hex')}` },
    });
    await demo.sandbox.simulate.staffDeletesCustomer(demo.corpId, scan.userid, scan.externalUserid);
    await settle(o);
    const rows = await deliveries(o);
    const by = (c: string) => rows.find((r) => r.change_type === c);
    assert.deepEqual(
      rows.map((r) => r.status),
      rows.map(() => 'processed'),
      JSON.stringify(rows),
    );
    assert.match(by('edit_external_contact')!.outcome, new RegExp(`updated ${customerId}`));
    assert.match(by('create')!.outcome, /^tag create \S+: \d+ created/, 'applied by the tag sync (wecom-sync.test.ts)');
    assert.match(by('del_external_contact')!.outcome, /deleted by staff/);
    const customer = ok(await o.agent.get(`/api/admin/customers/${customerId}`));
    assert.deepEqual(customer.owners, []);
    const lost = rowsOf<{ payload: { by: string } }>(
      await o.rt.db.execute(
        sql`select payload from outbox where tenant_id = ${o.tenant.tenantId} and name = 'messaging.contact.lost'`,
      ),
    );
    assert.deepEqual(
      lost.map((e) => e.payload.by),
      ['staff'],
    );
    const staff = await loginAs(o.app, o.staffEmail, TEST_PASSWORD);
    const inbox = ok(await staff.get('/api/admin/notifications'));
    assert.equal(inbox.items.filter((x: { kind: string }) => x.kind === 'wecom.contact_lost').length, 0);
  });

  it('marks a delivery it cannot process as failed, with the error, and changes nothing', async () => {
    const o = await wecomTenant();
    const enc = messaging.encryptCallback(o.keys, addEvent(demo.corpId, ''), {
      format: 'xml',
      timestamp: '1700000002',
    });
    assert.equal((await post(o, o.tenant.tenantId, enc)).statusCode, 200, 'acknowledged: it is stored');
    await settle(o);
    const [row] = await deliveries(o);
    assert.equal(row?.status, 'failed');
    assert.match(row!.error, /without ExternalUserID/);
    const customers = ok(await o.agent.get('/api/admin/customers'));
    assert.equal(customers.items.length, 0, 'no customer without an identity');
  });

  it('refuses a bad signature or ciphertext and another tenant’s keys, storing nothing', async () => {
    const a = await wecomTenant();
    const b = await ownerOfNewTenant();
    const g = messaging.generateCallbackSecrets();
    ok(
      await b.agent.request('PUT', '/api/admin/settings/wecom', {
        corpId: 'wwabcdef0123456789',
        secret: 'another-secret',
        agentId: '1000009',
        ...g,
      }),
    );
    const ext = `wm${randomBytes(12).toString('hex')}`;
    const enc = messaging.encryptCallback(a.keys, addEvent(demo.corpId, ext, 'json'), {
      format: 'json',
      timestamp: '1700000001',
    });
    const forged = { ...enc, query: { ...enc.query, msg_signature: 'f'.repeat(40) } };
    assert.equal((await post(a, a.tenant.tenantId, forged)).statusCode, 403);
    const tampered = {
      ...enc,
      body: enc.body.replace(/"encrypt":"(.)/, (_m, c) => `"encrypt":"${c === 'A' ? 'B' : 'A'}`),
    };
    assert.ok([400, 403].includes((await post(a, a.tenant.tenantId, tampered)).statusCode));
    assert.equal((await post(a, b.tenant.tenantId, enc)).statusCode, 403, "a's delivery at b's URL");
    assert.equal((await deliveries(a)).length, 0);
    assert.equal((await deliveries(b)).length, 0);
    const good = await post(a, a.tenant.tenantId, enc);
    assert.equal(good.statusCode, 200, good.body);
    assert.equal((await deliveries(a)).length, 1);
    assert.equal((await deliveries(b)).length, 0);
  });
});
