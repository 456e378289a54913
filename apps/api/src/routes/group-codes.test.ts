/**
 * 群活码 end to end through the demo WeCom sandbox: a group code's join way moves to the next group at
 * the cap, bad input, 409 without WeCom, another tenant's ids.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { ownerOfNewTenant, testApp } from '../testing';
import { customer, drain, joinWayOf, newGroup, wecomTenant } from './groups.fixtures';
import { ok } from './tags.fixtures';

after(async () => (await testApp()).app.close());

describe('群活码 group codes (/api/admin/group-codes)', () => {
  it('when a group reaches the cap the join way moves to the next group; full without auto-create; leaves reopen', async () => {
    const o = await wecomTenant();
    const a = await newGroup(o, `满员A${randomBytes(2).toString('hex')}`);
    const b = await newGroup(o, `满员B${randomBytes(2).toString('hex')}`);
    const code = ok(
      await o.agent.post('/api/admin/group-codes', { name: '分流群码', groupIds: [a.id, b.id], memberCap: 2 }),
      201,
    );
    assert.deepEqual(joinWayOf(o, code.configId).chat_id_list, [a.chatId, b.chatId]);
    const c1 = await customer(o, '顾客一');
    await o.sim.joinGroup(o.demo.corpId, c1.ext, { joinWay: code.configId });
    await drain(o);
    assert.deepEqual(joinWayOf(o, code.configId).chat_id_list, [b.chatId], 'A reached the cap (owner + 1): moved to B');
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
    const joined = await o.sim.joinGroup(o.demo.corpId, c2.ext, { joinWay: code.configId });
    assert.equal(joined.chatId, b.chatId, 'the next customer lands in B');
    await drain(o);
    got = ok(await o.agent.get(`/api/admin/group-codes/${code.id}`));
    assert.equal(got.routing, 'full', 'every group at the cap, no auto-create');
    assert.deepEqual(joinWayOf(o, code.configId).chat_id_list, [b.chatId], 'WeCom keeps the last group');

    const patched = ok(
      await o.agent.patch(`/api/admin/group-codes/${code.id}`, { autoCreate: true, roomBaseName: '分流自动群' }),
    );
    assert.equal(patched.routing, 'open', 'WeCom creates a room when the last is full');
    assert.deepEqual(
      [joinWayOf(o, code.configId).auto_create_room, joinWayOf(o, code.configId).room_base_name],
      [1, '分流自动群'],
    );
    await o.sim.leaveGroup(o.demo.corpId, a.chatId, c1.ext);
    await drain(o);
    assert.deepEqual(joinWayOf(o, code.configId).chat_id_list, [a.chatId], 'A has room again');
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
    assert.equal(o.demo.sandbox.corp(o.demo.corpId).joinWays.has(code.configId), false, 'the join way is deleted');
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
