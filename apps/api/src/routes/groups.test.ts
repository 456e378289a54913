/**
 * 客户群 end to end: the demo WeCom sandbox (as WeCom and as people in the client) creates groups,
 * lets customers join and leave, dismisses groups; its callbacks reach /webhooks/wecom/<tenant> over
 * HTTP and the registry follows. The sync imports the corp's groups page by page and resumes from its
 * cursor. Group codes: group-codes.test.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { rowsOf } from '@siyu/core/platform';
import { sql } from 'drizzle-orm';
import { testApp } from '../testing';
import { customer, drain, joinWayOf, newGroup, OWNER, wecomTenant } from './groups.fixtures';
import { ok } from './tags.fixtures';

after(async () => (await testApp()).app.close());

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
    assert.equal(joinWayOf(o, code.configId).state, code.state);
    assert.equal(joinWayOf(o, code.configId).auto_create_room, 0);

    await o.sim.joinGroup(o.demo.corpId, c.ext, { joinWay: code.configId });
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

    await o.sim.leaveGroup(o.demo.corpId, g.chatId, c.ext, 1);
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

    await o.sim.dismissGroup(o.demo.corpId, g.chatId);
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

describe('group sync (/api/admin/groups/sync)', () => {
  it('imports the corp’s groups page by page, resumes from its cursor, and marks groups WeCom no longer lists', async () => {
    const o = await wecomTenant();
    const tag = randomBytes(2).toString('hex');
    // Groups made while the callback does not reach this tenant: only the sync can bring them.
    o.demo.sandbox.configureCallback(o.demo.corpId, { url: null });
    const chats: string[] = [];
    for (const n of [1, 2, 3, 4])
      chats.push((await o.sim.createGroup(o.demo.corpId, OWNER, `同步群${tag}-${n}`)).chatId);
    const ext = `wm${randomBytes(12).toString('hex')}`;
    await o.sim.joinGroup(o.demo.corpId, ext, { chatId: chats[0]!, scene: 2, invitor: OWNER });
    await o.demo.configureTenant(o.tenant.tenantId, o.baseUrl);
    const gone = await newGroup(o, `将解散${tag}`);
    o.demo.sandbox.configureCallback(o.demo.corpId, { url: null });
    await o.sim.dismissGroup(o.demo.corpId, gone.chatId);
    await o.demo.configureTenant(o.tenant.tenantId, o.baseUrl);
    o.clock.advance(1000);

    const ctx = o.rt.ctx({ tenantId: o.tenant.tenantId, actor: { kind: 'system', name: 'test' } });
    const started = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    assert.equal(started.status, 'queued');
    const again = ok(await o.agent.post('/api/admin/groups/sync'), 201);
    assert.equal(again.id, started.id, 'one sync at a time');
    const corpGroups = [...o.demo.sandbox.corp(o.demo.corpId).groups.values()].filter((g) => !g.dismissed).length;
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
    o.demo.sandbox.failNext('/cgi-bin/externalcontact/groupchat/get', 48002, 1);
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
