/**
 * 客户群 and 群活码 end to end: the demo WeCom sandbox (as WeCom and as people in the client) creates
 * groups, lets customers join through a group code's join way and leave, dismisses groups; its
 * callbacks reach /webhooks/wecom/<tenant> over HTTP and the registry follows. The sync imports the
 * corp's groups page by page and resumes from its cursor.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { rowsOf } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { sql } from 'drizzle-orm';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { ownerOfNewTenant, testApp } from '../testing';
import { ok } from './tags.fixtures';

let baseUrl = '';
let demo: DemoWecom;
const OWNER = 'wangyutong';

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

type Tenant = Awaited<ReturnType<typeof wecomTenant>>;

/** A tenant on the sandbox corp with a staff member whose email name is the WeCom userid of the group owner. */
async function wecomTenant() {
  const o = await ownerOfNewTenant();
  await demo.configureTenant(o.tenant.tenantId, baseUrl);
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const staff = ok(
    await o.agent.post('/api/admin/staff', {
      name: '王雨桐',
      email: `${OWNER}@g${randomBytes(4).toString('hex')}.test`,
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
  const way = await client.contactWays.add({ type: 1, scene: 2, user: [OWNER], state: 'lc_groups' });
  return { ...o, staffId: staff.staff.id as string, way };
}

const sim = () => demo.sandbox.simulate;
const drain = (o: Tenant) => o.rt.drain({ tenantId: o.tenant.tenantId });

/** A customer: a scan of the tenant's contact way (the add callback makes the customer). */
async function customer(o: Tenant, name: string) {
  const scan = await sim().scan(demo.corpId, o.way.config_id, { name });
  await drain(o);
  const found = rowsOf<{ customer_id: string }>(
    await o.rt.db.execute(
      sql`select customer_id from customer_identities where tenant_id = ${o.tenant.tenantId} and value = ${scan.externalUserid}`,
    ),
  );
  return { ext: scan.externalUserid, customerId: found[0]!.customer_id };
}

async function newGroup(o: Tenant, name: string) {
  const { chatId } = await sim().createGroup(demo.corpId, OWNER, name);
  await drain(o);
  const list = ok(await o.agent.get(`/api/admin/groups?q=${encodeURIComponent(name)}`));
  const g = list.items.find((x: { chatId: string }) => x.chatId === chatId);
  assert.ok(g, `group ${name} in the registry: ${JSON.stringify(list)}`);
  return g as { id: string; chatId: string; name: string };
}

const joinWayOf = (configId: string) => demo.sandbox.corp(demo.corpId).joinWays.get(configId)!;

describe('客户群 registry (/api/admin/groups) through WeCom callbacks', () => {
  it('a group created, joined through a group code, left and dismissed in WeCom lands in the registry', async () => {
    const o = await wecomTenant();
    const c = await customer(o, '进群顾客');
    const g = await newGroup(o, `咖啡同好群${randomBytes(2).toString('hex')}`);
    const listed = ok(await o.agent.get(`/api/admin/groups?ownerStaffId=${o.staffId}&status=active`));
    const row = listed.items.find((x: { id: string }) => x.id === g.id);
    assert.deepEqual(
      [row.ownerUserid, row.ownerStaffId, row.ownerName, row.memberCount],
      [OWNER, o.staffId, '王雨桐', 1],
    );

    const code = ok(await o.agent.post('/api/admin/group-codes', { name: '门店群码', groupIds: [g.id] }), 201);
    assert.equal(code.memberCap, 200);
    assert.match(code.qrCodeUrl, /\/qr\/join_way\//);
    assert.equal(joinWayOf(code.configId).state, code.state);
    assert.equal(joinWayOf(code.configId).auto_create_room, 0);

    await sim().joinGroup(demo.corpId, c.ext, { joinWay: code.configId });
    await drain(o);
    let detail = ok(await o.agent.get(`/api/admin/groups/${g.id}`));
    const m = detail.members.find((x: { userid: string }) => x.userid === c.ext);
    assert.deepEqual(
      [m.type, m.joinScene, m.state, m.groupCodeId, m.customerId, m.name],
      ['external', 3, code.state, code.id, c.customerId, '进群顾客'],
    );
    const owner = detail.members.find((x: { userid: string }) => x.userid === OWNER);
    assert.deepEqual([owner.type, owner.staffId, owner.isAdmin], ['staff', o.staffId, true]);
    assert.equal(detail.memberCount, 2);
    const joined = rowsOf<{ payload: { groupId: string; customerId: string; groupCodeId: string; joinScene: number } }>(
      await o.rt.db.execute(
        sql`select payload from outbox where tenant_id = ${o.tenant.tenantId} and name = 'messaging.group.joined'`,
      ),
    );
    assert.deepEqual(
      joined.map((e) => [e.payload.groupId, e.payload.customerId, e.payload.groupCodeId, e.payload.joinScene]),
      [[g.id, c.customerId, code.id, 3]],
    );

    await sim().leaveGroup(demo.corpId, g.chatId, c.ext, 1);
    await drain(o);
    detail = ok(await o.agent.get(`/api/admin/groups/${g.id}`));
    assert.equal(detail.memberCount, 1);
    assert.deepEqual(
      detail.leftMembers.map((x: { userid: string; quitScene: number; groupCodeId: string }) => [
        x.userid,
        x.quitScene,
        x.groupCodeId,
      ]),
      [[c.ext, 1, code.id]],
    );
    const stats = ok(await o.agent.get(`/api/admin/group-codes/${code.id}/stats`));
    assert.deepEqual([stats.totals.joins, stats.totals.leaves], [1, 1]);
    const s = stats.groups.find((x: { groupId: string }) => x.groupId === g.id);
    assert.deepEqual(
      [s.joins, s.leaves, s.memberCount, s.joinsByDay.reduce((a: number, b: number) => a + b, 0)],
      [1, 1, 1, 1],
    );
    const left = rowsOf<{ payload: { customerId: string; quitScene: number } }>(
      await o.rt.db.execute(
        sql`select payload from outbox where tenant_id = ${o.tenant.tenantId} and name = 'messaging.group.left'`,
      ),
    );
    assert.deepEqual(
      left.map((e) => [e.payload.customerId, e.payload.quitScene]),
      [[c.customerId, 1]],
    );

    await sim().dismissGroup(demo.corpId, g.chatId);
    await drain(o);
    detail = ok(await o.agent.get(`/api/admin/groups/${g.id}`));
    assert.equal(detail.status, 'dismissed');
    assert.ok(detail.dismissedAt);
    const dismissed = ok(await o.agent.get('/api/admin/groups?status=dismissed'));
    assert.deepEqual(
      dismissed.items.map((x: { id: string }) => x.id),
      [g.id],
    );
    const deliveries = rowsOf<{ status: string; outcome: string }>(
      await o.rt.db.execute(
        sql`select status, outcome from messaging_wecom_deliveries where tenant_id = ${o.tenant.tenantId} and event = 'change_external_chat' order by received_at, id`,
      ),
    );
    assert.ok(
      deliveries.every((d) => d.status === 'processed'),
      JSON.stringify(deliveries),
    );
    assert.match(deliveries.at(-1)!.outcome, new RegExp(`group ${g.id} dismissed`));
  });

  it('group tags: create, put on a group, filter by, rename, 409 on a taken name, delete takes them off', async () => {
    const o = await wecomTenant();
    const g = await newGroup(o, `标签群${randomBytes(2).toString('hex')}`);
    const vip = ok(await o.agent.post('/api/admin/group-tags', { name: 'VIP群', color: '#FF6600' }), 201);
    assert.equal(vip.color, '#ff6600');
    const dup = await o.agent.post('/api/admin/group-tags', { name: 'VIP群' });
    assert.equal(dup.statusCode, 409, dup.body);
    const tagged = ok(await o.agent.request('PUT', `/api/admin/groups/${g.id}/tags`, { tagIds: [vip.id] }));
    assert.deepEqual(tagged.tagIds, [vip.id]);
    const byTag = ok(await o.agent.get(`/api/admin/groups?tagId=${vip.id}`));
    assert.deepEqual(
      byTag.items.map((x: { id: string }) => x.id),
      [g.id],
    );
    const tags = ok(await o.agent.get('/api/admin/group-tags'));
    assert.deepEqual(
      tags.items.map((t: { name: string; groupCount: number }) => [t.name, t.groupCount]),
      [['VIP群', 1]],
    );
    const renamed = ok(await o.agent.patch(`/api/admin/group-tags/${vip.id}`, { name: '核心群' }));
    assert.deepEqual([renamed.name, renamed.groupCount], ['核心群', 1]);
    const unknown = await o.agent.request('PUT', `/api/admin/groups/${g.id}/tags`, {
      tagIds: ['gtg_0000000000aaaaaaaaaaaaaaaa'],
    });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(unknown.data.error.details.issues[0].path, 'tagIds');
    ok(await o.agent.delete(`/api/admin/group-tags/${vip.id}`));
    assert.deepEqual(ok(await o.agent.get(`/api/admin/groups/${g.id}`)).tagIds, []);
  });
});

describe('群活码 group codes (/api/admin/group-codes)', () => {
  it('when a group reaches the cap the join way moves to the next group; full without auto-create; leaves reopen', async () => {
    const o = await wecomTenant();
    const a = await newGroup(o, `满员A${randomBytes(2).toString('hex')}`);
    const b = await newGroup(o, `满员B${randomBytes(2).toString('hex')}`);
    const code = ok(
      await o.agent.post('/api/admin/group-codes', { name: '分流群码', groupIds: [a.id, b.id], memberCap: 2 }),
      201,
    );
    assert.deepEqual(joinWayOf(code.configId).chat_id_list, [a.chatId, b.chatId]);
    const c1 = await customer(o, '顾客一');
    await sim().joinGroup(demo.corpId, c1.ext, { joinWay: code.configId });
    await drain(o);
    assert.deepEqual(joinWayOf(code.configId).chat_id_list, [b.chatId], 'A reached the cap (owner + 1): moved to B');
    let got = ok(await o.agent.get(`/api/admin/group-codes/${code.id}`));
    assert.deepEqual(
      got.groups.map((g: { groupId: string; full: boolean; onJoinWay: boolean; memberCount: number }) => [
        g.groupId,
        g.memberCount,
        g.full,
        g.onJoinWay,
      ]),
      [
        [a.id, 2, true, false],
        [b.id, 1, false, true],
      ],
    );
    const c2 = await customer(o, '顾客二');
    const joined = await sim().joinGroup(demo.corpId, c2.ext, { joinWay: code.configId });
    assert.equal(joined.chatId, b.chatId, 'the next customer lands in B');
    await drain(o);
    got = ok(await o.agent.get(`/api/admin/group-codes/${code.id}`));
    assert.equal(got.routing, 'full', 'every group at the cap, no auto-create');
    assert.deepEqual(joinWayOf(code.configId).chat_id_list, [b.chatId], 'WeCom keeps the last group');

    const patched = ok(
      await o.agent.patch(`/api/admin/group-codes/${code.id}`, { autoCreate: true, roomBaseName: '分流自动群' }),
    );
    assert.equal(patched.routing, 'open', 'WeCom creates a room when the last is full');
    assert.deepEqual(
      [joinWayOf(code.configId).auto_create_room, joinWayOf(code.configId).room_base_name],
      [1, '分流自动群'],
    );
    await sim().leaveGroup(demo.corpId, a.chatId, c1.ext);
    await drain(o);
    assert.deepEqual(joinWayOf(code.configId).chat_id_list, [a.chatId], 'A has room again');
    const stats = ok(await o.agent.get(`/api/admin/group-codes/${code.id}/stats`));
    assert.deepEqual(
      stats.groups.map((g: { groupId: string; joins: number; leaves: number }) => [g.groupId, g.joins, g.leaves]),
      [
        [a.id, 1, 1],
        [b.id, 1, 0],
      ],
    );
    assert.equal(stats.totals.members, 3, 'A: the owner; B: the owner and 顾客二');

    const list = ok(await o.agent.get('/api/admin/group-codes'));
    assert.deepEqual(
      list.items.map((x: { id: string; joins: number }) => [x.id, x.joins]),
      [[code.id, 2]],
    );
    assert.deepEqual(
      await messaging.groupCodeForWelcome(
        o.rt.ctx({ tenantId: o.tenant.tenantId, actor: { kind: 'system', name: 'test' } }),
        code.id,
      ),
      {
        name: '分流群码',
        qrCodeUrl: code.qrCodeUrl,
      },
    );
    ok(await o.agent.delete(`/api/admin/group-codes/${code.id}`));
    assert.equal(demo.sandbox.corp(demo.corpId).joinWays.has(code.configId), false, 'the join way is deleted');
    assert.equal((await o.agent.get(`/api/admin/group-codes/${code.id}`)).statusCode, 404);
  });

  it('refuses bad input naming the field, and answers 409 without WeCom settings', async () => {
    const o = await wecomTenant();
    const g = await newGroup(o, `校验群${randomBytes(2).toString('hex')}`);
    const ids = (n: number) => Array.from({ length: n }, () => g.id);
    const cases: [unknown, string][] = [
      [{ name: 'x', groupIds: [] }, 'body.groupIds'],
      [{ name: 'x', groupIds: ids(6) }, 'body.groupIds'],
      [{ name: 'x', groupIds: ids(2) }, 'body.groupIds'],
      [{ name: 'x', groupIds: [g.id], memberCap: 201 }, 'body.memberCap'],
      [{ name: 'x', groupIds: [g.id], autoCreate: true }, 'body.roomBaseName'],
      [{ name: '', groupIds: [g.id] }, 'body.name'],
      [{ name: 'x', groupIds: ['grp_0000000000aaaaaaaaaaaaaaaa'] }, 'groupIds.0'],
    ];
    for (const [body, field] of cases) {
      const res = await o.agent.post('/api/admin/group-codes', body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
      assert.equal(res.data.error.details.issues[0].path, field, res.body);
    }
    const code = ok(await o.agent.post('/api/admin/group-codes', { name: 'ok', groupIds: [g.id] }), 201);
    const stats = await o.agent.get(`/api/admin/group-codes/${code.id}/stats?from=2026-02-02&to=2026-02-01`);
    assert.equal(stats.statusCode, 400);
    assert.equal(stats.data.error.details.issues[0].path, 'querystring.to');

    const bare = await ownerOfNewTenant();
    const sync = await bare.agent.post('/api/admin/groups/sync');
    assert.equal(sync.statusCode, 409, sync.body);
    assert.equal(sync.data.error.code, 'WECOM_NOT_CONFIGURED');
    const create = await bare.agent.post('/api/admin/group-codes', { name: 'x', groupIds: [g.id] });
    assert.equal(create.statusCode, 409, create.body);
  });

  it('another tenant gets 404 for groups, group codes, group tags and syncs', async () => {
    const o = await wecomTenant();
    const g = await newGroup(o, `隔离群${randomBytes(2).toString('hex')}`);
    const code = ok(await o.agent.post('/api/admin/group-codes', { name: '隔离码', groupIds: [g.id] }), 201);
    const tag = ok(await o.agent.post('/api/admin/group-tags', { name: '隔离' }), 201);
    const sync = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    await drain(o);
    const other = await ownerOfNewTenant();
    for (const [method, url, body] of [
      ['GET', `/api/admin/groups/${g.id}`],
      ['PUT', `/api/admin/groups/${g.id}/tags`, { tagIds: [] }],
      ['GET', `/api/admin/groups/sync/${sync.id}`],
      ['PATCH', `/api/admin/group-tags/${tag.id}`, { name: 'x' }],
      ['DELETE', `/api/admin/group-tags/${tag.id}`],
      ['GET', `/api/admin/group-codes/${code.id}`],
      ['PATCH', `/api/admin/group-codes/${code.id}`, { name: 'x' }],
      ['DELETE', `/api/admin/group-codes/${code.id}`],
      ['GET', `/api/admin/group-codes/${code.id}/stats`],
    ] as const) {
      const res = await other.agent.request(method, url, body);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    for (const url of [
      '/api/admin/groups',
      '/api/admin/group-codes',
      '/api/admin/group-tags',
      '/api/admin/groups/sync',
    ]) {
      const res = ok(await other.agent.get(url));
      for (const id of [g.id, code.id, tag.id, sync.id])
        assert.ok(!JSON.stringify(res).includes(id), `${url} leaks ${id}`);
    }
    assert.equal(ok(await o.agent.get(`/api/admin/group-codes/${code.id}`)).name, '隔离码', 'unchanged');
  });
});

describe('group sync (/api/admin/groups/sync)', () => {
  it('imports the corp’s groups page by page, resumes from its cursor, and marks groups WeCom no longer lists', async () => {
    const o = await wecomTenant();
    const tag = randomBytes(2).toString('hex');
    // Groups made while the callback does not reach this tenant: only the sync can bring them.
    demo.sandbox.configureCallback(demo.corpId, { url: null });
    const chats: string[] = [];
    for (const n of [1, 2, 3, 4]) chats.push((await sim().createGroup(demo.corpId, OWNER, `同步群${tag}-${n}`)).chatId);
    const ext = `wm${randomBytes(12).toString('hex')}`;
    await sim().joinGroup(demo.corpId, ext, { chatId: chats[0]!, scene: 2, invitor: OWNER });
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    const gone = await newGroup(o, `将解散${tag}`);
    demo.sandbox.configureCallback(demo.corpId, { url: null });
    await sim().dismissGroup(demo.corpId, gone.chatId);
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    o.clock.advance(1000);

    const ctx = o.rt.ctx({ tenantId: o.tenant.tenantId, actor: { kind: 'system', name: 'test' } });
    const started = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    assert.equal(started.status, 'queued');
    const again = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    assert.equal(again.id, started.id, 'one sync at a time');
    const corpGroups = [...demo.sandbox.corp(demo.corpId).groups.values()].filter((g) => !g.dismissed).length;
    // A slice of 3 groups on pages of 2: the cursor of the second page is stored with one group done.
    let s = await messaging.runGroupSync(ctx, started.id, { pageSize: 2, maxGroups: 3 });
    assert.deepEqual([s.status, s.processed], ['running', 3]);
    const stored = rowsOf<{ cursor: string | null; page_done: number }>(
      await o.rt.db.execute(
        sql`select cursor, page_done from messaging_group_syncs where tenant_id = ${o.tenant.tenantId} and id = ${started.id}`,
      ),
    );
    assert.ok(stored[0]!.cursor, 'a cursor past the first page');
    assert.equal(stored[0]!.page_done, 1);
    // WeCom fails once: the error is kept, the progress too; a new start takes the sync up again.
    demo.sandbox.failNext('/cgi-bin/externalcontact/groupchat/get', 48002, 1);
    await assert.rejects(messaging.runGroupSync(ctx, started.id, { pageSize: 2 }));
    s = ok(await o.agent.get(`/api/admin/groups/sync/${started.id}`));
    assert.deepEqual([s.status, s.processed], ['running', 3]);
    assert.ok(s.error, 'the failure is shown');
    const resumed = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    assert.equal(resumed.id, started.id);
    s = await messaging.runGroupSync(ctx, started.id, { pageSize: 2 });
    assert.deepEqual([s.status, s.processed, s.total, s.error], ['done', corpGroups, corpGroups, null]);
    assert.ok(s.dismissed >= 1, 'the group dismissed without a callback');
    await drain(o);

    const list = ok(await o.agent.get(`/api/admin/groups?q=${encodeURIComponent(`同步群${tag}`)}`));
    assert.equal(list.items.length, 4);
    const first = list.items.find((g: { chatId: string }) => g.chatId === chats[0]);
    const detail = ok(await o.agent.get(`/api/admin/groups/${first.id}`));
    const m = detail.members.find((x: { userid: string }) => x.userid === ext);
    assert.deepEqual([m.joinScene, m.invitorUserid, m.customerId], [2, OWNER, null]);
    const joins = rowsOf<{ n: number }>(
      await o.rt.db.execute(
        sql`select count(*)::int as n from messaging_group_member_events where tenant_id = ${o.tenant.tenantId} and group_id = ${first.id}`,
      ),
    );
    assert.equal(joins[0]!.n, 2, 'each member recorded once (owner and customer), whatever the resumes');
    assert.equal(ok(await o.agent.get(`/api/admin/groups/${gone.id}`)).status, 'dismissed');
    const latest = ok(await o.agent.get('/api/admin/groups/sync'));
    assert.equal(latest.sync.id, started.id);

    // Through the job: a new sync runs to its end when the jobs are drained.
    const next = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    assert.notEqual(next.id, started.id);
    await drain(o);
    const done = ok(await o.agent.get(`/api/admin/groups/sync/${next.id}`));
    assert.deepEqual([done.status, done.processed], ['done', corpGroups]);
  });
});
