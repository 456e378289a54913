/**
 * 渠道活码 end to end: codes created through the API become contact ways in the WeCom sandbox; the
 * sandbox's simulated customers scan them and its callbacks reach /webhooks/wecom/<tenant id>.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillPath, liveCodeRoutes } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import { inTransaction, newId } from '@siyu/core/platform';
import { ownerOfNewTenant, testApp } from '../testing';
import {
  corp,
  LC,
  listenWithSandbox,
  liveCodeTenant,
  sandboxEnv,
  scan,
  systemCtx,
  wayUsers,
} from './live-codes.fixtures';
import { expectInvalid, ok } from './tags.fixtures';

listenWithSandbox();
const demo = () => sandboxEnv.demo;

describe('live codes (/api/admin/live-codes)', () => {
  it('a scan makes the customer with the code’s tags, owner and source, sends the welcome, and rotates round robin', async () => {
    const o = await liveCodeTenant();
    const code = ok(
      await o.agent.post(LC, {
        name: '静安寺店活码',
        members: [{ staffId: o.staff.wangyutong }, { staffId: o.staff.lijiayi }],
        distribution: 'round_robin',
        tagIds: [o.tagId],
        remarkTemplate: '{渠道}-{昵称}',
        welcome: {
          mode: 'custom',
          text: '你好{昵称}，我是{员工}，欢迎来到{渠道}',
          attachments: [{ type: 'link', title: '新人礼', url: 'https://shop.example.com/gift' }],
        },
      }),
      201,
    );
    assert.match(code.state, /^lc_[0-9a-z]{16}$/);
    assert.ok(code.configId && code.qrCodeUrl);
    assert.deepEqual(code.currentWecomUserIds, ['wangyutong']);
    assert.deepEqual(wayUsers(code.configId), ['wangyutong']);
    assert.equal(corp().contactWays.get(code.configId)?.state, code.state);

    const first = await scan(o, code.configId, '扫码顾客甲');
    assert.equal(first.userid, 'wangyutong');
    const customer = ok(await o.agent.get(`/api/admin/customers/${first.customerId}`));
    assert.deepEqual(
      customer.tags.map((t: { id: string }) => t.id),
      [o.tagId],
    );
    assert.deepEqual(
      customer.owners.map((w: { staffId: string }) => w.staffId),
      [o.staff.wangyutong],
    );
    const identity = customer.identities.find((i: { kind: string }) => i.kind === 'wecom_external');
    assert.equal(identity.source, '渠道活码:静安寺店活码');
    const welcome = corp().welcomes.find((w) => w.external_userid === first.externalUserid);
    assert.ok(welcome, 'the welcome was sent in the callback request');
    assert.equal(welcome.text, '你好扫码顾客甲，我是员工wangyutong，欢迎来到静安寺店活码');
    assert.deepEqual(welcome.attachments, [
      { msgtype: 'link', link: { title: '新人礼', url: 'https://shop.example.com/gift' } },
    ]);

    await o.rt.drain({ tenantId: o.tenant.tenantId }); // remark, then the rotation moves on
    const follow = corp().contacts.get(first.externalUserid)?.follow.get('wangyutong');
    assert.equal(follow?.remark, '静安寺店活码-扫码顾客甲');
    const turned = ok(await o.agent.get(`${LC}/${code.id}`));
    assert.deepEqual(turned.currentWecomUserIds, ['lijiayi']);
    assert.deepEqual(wayUsers(code.configId), ['lijiayi']);
    const second = await scan(o, code.configId, '扫码顾客乙');
    assert.equal(second.userid, 'lijiayi');
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    assert.deepEqual(wayUsers(code.configId), ['wangyutong']);
    const after = ok(await o.agent.get(`${LC}/${code.id}`));
    assert.deepEqual(after.totals, { adds: 2, netAdds: 2, today: 2 });
    assert.deepEqual(
      after.members.map((m: { wecomUserId: string; addsToday: number }) => [m.wecomUserId, m.addsToday]),
      [
        ['wangyutong', 1],
        ['lijiayi', 1],
      ],
    );
    const list = ok(await o.agent.get(`${LC}?q=${encodeURIComponent('静安')}`));
    assert.deepEqual(
      list.items.map((c: { id: string }) => c.id),
      [code.id],
    );
    const renamed = ok(await o.agent.patch(`${LC}/${code.id}`, { description: '门口海报' }));
    assert.deepEqual(
      [renamed.description, renamed.remarkTemplate, renamed.tagIds, renamed.welcome.mode],
      ['门口海报', '{渠道}-{昵称}', [o.tagId], 'custom'],
      'a change carries only the fields sent',
    );
  });

  it('daily caps switch to the backup staff; the next day (timer) the members are back', async () => {
    const o = await liveCodeTenant();
    const code = ok(
      await o.agent.post(LC, {
        name: '限额活码',
        members: [
          { staffId: o.staff.wangyutong, dailyCap: 1 },
          { staffId: o.staff.lijiayi, dailyCap: 1 },
        ],
        backupStaffIds: [o.staff.liuhaoran],
        welcome: { mode: 'none' },
      }),
      201,
    );
    await scan(o, code.configId, '限额顾客一');
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    await scan(o, code.configId, '限额顾客二');
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    const capped = ok(await o.agent.get(`${LC}/${code.id}`));
    assert.deepEqual([capped.routing, capped.currentWecomUserIds], ['backup', ['liuhaoran']]);
    assert.deepEqual(wayUsers(code.configId), ['liuhaoran']);
    const third = await scan(o, code.configId, '限额顾客三');
    assert.equal(third.userid, 'liuhaoran');

    o.clock.advance(24 * 3600_000); // caps reset at the tenant's midnight; the timer re-applies
    await messaging.tickLiveCodes(systemCtx(o));
    const back = await messaging.getLiveCode(systemCtx(o), code.id);
    assert.equal(back.routing, 'members');
    assert.equal(back.currentWecomUserIds.length, 1);
    assert.notEqual(back.currentWecomUserIds[0], 'liuhaoran');
    assert.deepEqual(wayUsers(code.configId), back.currentWecomUserIds);
  });

  it('off duty (schedule) goes to the backup staff and back; skip_verify follows its window; random puts all', async () => {
    (await testApp()).clock.set('2030-01-07T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
    const o = await liveCodeTenant();
    const code = ok(
      await o.agent.post(LC, {
        name: '营业时间活码',
        members: [{ staffId: o.staff.wangyutong }, { staffId: o.staff.lijiayi }],
        distribution: 'random',
        backupStaffIds: [o.staff.liuhaoran],
        schedule: { slots: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] },
        skipVerify: 'window',
        skipVerifyWindow: { start: '09:00', end: '12:00' },
      }),
      201,
    );
    assert.deepEqual([...code.currentWecomUserIds].sort(), ['lijiayi', 'wangyutong']);
    assert.equal(corp().contactWays.get(code.configId)?.skip_verify, true);
    const ctx = systemCtx(o);
    o.clock.set('2030-01-07T05:00:00Z'); // 13:00: on duty, verification again
    await messaging.tickLiveCodes(ctx);
    assert.equal(corp().contactWays.get(code.configId)?.skip_verify, false);
    o.clock.set('2030-01-07T11:00:00Z'); // 19:00: off duty
    await messaging.tickLiveCodes(ctx);
    assert.deepEqual(wayUsers(code.configId), ['liuhaoran']);
    assert.equal((await messaging.getLiveCode(ctx, code.id)).routing, 'backup');
    const applied = (await messaging.getLiveCode(ctx, code.id)).lastAppliedAt;
    await messaging.tickLiveCodes(ctx); // nothing changed: WeCom is not called
    assert.equal((await messaging.getLiveCode(ctx, code.id)).lastAppliedAt, applied);
    o.clock.set('2030-01-08T01:30:00Z'); // Tuesday 09:30
    await messaging.tickLiveCodes(ctx);
    assert.deepEqual([...(wayUsers(code.configId) ?? [])].sort(), ['lijiayi', 'wangyutong']);
    o.clock.set(new Date());
  });

  it('losses reduce net adds; a paid order counts as a first order and in GMV', async () => {
    const o = await liveCodeTenant();
    const code = ok(await o.agent.post(LC, { name: '订单活码', members: [{ staffId: o.staff.wangyutong }] }), 201);
    const a = await scan(o, code.configId, '下单顾客');
    const b = await scan(o, code.configId, '流失顾客');
    await demo().sandbox.simulate.customerDeletesStaff(demo().corpId, b.externalUserid, b.userid);
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    const ctx = systemCtx(o);
    for (const total of [12_800, 5_000])
      await inTransaction(ctx, (tx) =>
        tx.emit('orders.order.paid', {
          orderId: newId('ord', tx.clock.now()),
          customerId: a.customerId,
          total,
          paymentId: null,
        }),
      );
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    const stats = ok(await o.agent.get(`${LC}/${code.id}/stats`));
    assert.equal(stats.days.length, 30);
    const today = stats.days.at(-1);
    assert.deepEqual(
      [today.scans, today.adds, today.losses, today.netAdds, today.firstOrders, today.gmvFen],
      [null, 2, 1, 1, 1, 17_800],
    );
    assert.deepEqual(stats.totals, { scans: null, adds: 2, losses: 1, netAdds: 1, firstOrders: 1, gmvFen: 17_800 });
    assert.deepEqual(
      stats.staff.map((s: { staffId: string; adds: number }) => [s.staffId, s.adds]),
      [[o.staff.wangyutong, 2]],
    );
    const view = ok(await o.agent.get(`${LC}/${code.id}`));
    assert.deepEqual(view.totals, { adds: 2, netAdds: 1, today: 2 });
  });

  it('the default welcome, a change, deletion; another tenant gets 404; bad input names the field', async () => {
    const o = await liveCodeTenant();
    const unset = ok(await o.agent.get(`${LC}/default-welcome`));
    assert.deepEqual(unset, { text: '', attachments: [], updatedAt: null });
    ok(await o.agent.request('PUT', `${LC}/default-welcome`, { text: '欢迎{昵称}' }));
    const code = ok(await o.agent.post(LC, { name: '默认欢迎语', members: [{ staffId: o.staff.lijiayi }] }), 201);
    const s = await scan(o, code.configId, '默认顾客');
    assert.equal(corp().welcomes.find((w) => w.external_userid === s.externalUserid)?.text, '欢迎默认顾客');

    const changed = ok(
      await o.agent.patch(`${LC}/${code.id}`, { name: '改名活码', members: [{ staffId: o.staff.wangyutong }] }),
    );
    assert.equal(changed.name, '改名活码');
    assert.deepEqual(wayUsers(code.configId), ['wangyutong']);
    expectInvalid(await o.agent.post(LC, { name: 'x', members: [] }), 'members');
    expectInvalid(
      await o.agent.post(LC, { name: 'x', members: [{ staffId: o.staff.lijiayi }], remarkTemplate: '{生日}' }),
      'remarkTemplate',
    );
    expectInvalid(
      await o.agent.post(LC, { name: 'x', members: [{ staffId: 'stf_0000000000aaaaaaaaaaaaaaaa' }] }),
      'members.0.staffId',
    );
    expectInvalid(
      await o.agent.post(LC, {
        name: 'x',
        members: [{ staffId: o.staff.lijiayi }],
        groupCodeId: 'gc_0000000000aaaaaaaaaaaaaaaa',
      }),
      'groupCodeId',
    );

    const other = await ownerOfNewTenant();
    const p = { id: code.id };
    for (const [key, body] of [
      ['get', undefined],
      ['update', { name: 'x' }],
      ['remove', undefined],
      ['stats', undefined],
    ] as const) {
      const r = liveCodeRoutes[key];
      const res = await other.agent.request(r.method, `/api${fillPath(r.path, p)}`, body);
      assert.equal(res.statusCode, 404, `${key}: ${res.body}`);
    }
    const none = await other.agent.post(LC, { name: 'x', members: [{ staffId: 'stf_0000000000aaaaaaaaaaaaaaaa' }] });
    assert.equal(none.statusCode, 400, 'the staff member is checked first');
    const noWecom = await other.agent.get('/api/admin/staff?limit=1');
    const ownerId = noWecom.data.items[0].id;
    const refused = await other.agent.post(LC, { name: 'x', members: [{ staffId: ownerId }] });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.data.error.code, 'WECOM_NOT_CONFIGURED');

    ok(await o.agent.delete(`${LC}/${code.id}`));
    assert.equal(corp().contactWays.has(code.configId), false);
    assert.equal((await o.agent.get(`${LC}/${code.id}`)).statusCode, 404);
  });
  it('“also pull into group”: the welcome carries the group code’s QR image last', async () => {
    const o = await liveCodeTenant();
    const name = `拾光咖啡会员群${Date.now()}`;
    await demo().sandbox.simulate.createGroup(demo().corpId, 'wangyutong', name);
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    const group = ok(await o.agent.get(`/api/admin/groups?q=${encodeURIComponent(name)}`)).items[0];
    assert.ok(group, 'the group is in the registry');
    const groupCode = ok(await o.agent.post('/api/admin/group-codes', { name: '会员群码', groupIds: [group.id] }), 201);
    const code = ok(
      await o.agent.post(LC, {
        name: '进群活码',
        members: [{ staffId: o.staff.wangyutong }],
        welcome: { mode: 'custom', text: '扫码进群领福利' },
        groupCodeId: groupCode.id,
      }),
      201,
    );
    assert.equal(code.groupCodeId, groupCode.id);
    const s = await scan(o, code.configId, '进群顾客');
    const welcome = corp().welcomes.find((w) => w.external_userid === s.externalUserid);
    assert.equal(welcome?.text, '扫码进群领福利');
    assert.deepEqual(welcome?.attachments, [{ msgtype: 'image', image: { pic_url: groupCode.qrCodeUrl } }]);
  });
});
