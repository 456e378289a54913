/**
 * 渠道活码 end to end: codes created through the API become contact ways in the WeCom sandbox; the
 * sandbox's simulated customers scan them and its callbacks reach /webhooks/wecom/<tenant id>.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fillPath, liveCodeRoutes } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import { inTransaction, newId } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { seedDemoLiveCodes } from '../demo/seed-live-codes';
import { type DemoWecom, demoWecomOf } from '../demo/wecom-sandbox';
import { ownerOfNewTenant, testApp } from '../testing';
import { expectInvalid, ok } from './tags.fixtures';

let baseUrl = '';
let demo: DemoWecom;
const LC = '/api/admin/live-codes';

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

type Tenant = Awaited<ReturnType<typeof ownerOfNewTenant>>;

/** A tenant on the sandbox corp with staff whose email names are sandbox members, and a tag. */
async function liveCodeTenant(userids = ['wangyutong', 'lijiayi', 'liuhaoran']) {
  const o = await ownerOfNewTenant();
  await demo.configureTenant(o.tenant.tenantId, baseUrl);
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const domain = `w${randomBytes(4).toString('hex')}.test`;
  const staff: Record<string, string> = {};
  for (const u of userids) {
    const s = ok(
      await o.agent.post('/api/admin/staff', {
        name: `员工${u}`,
        email: `${u}@${domain}`,
        roleIds: [roles.find((r) => r.key === 'sales')!.id],
        mode: 'password',
        password: TEST_PASSWORD,
      }),
      201,
    );
    staff[u] = s.staff.id;
  }
  const group = ok(await o.agent.post('/api/admin/tag-groups', { name: '渠道' }), 201);
  const tag = ok(await o.agent.post('/api/admin/tags', { groupId: group.id, name: '静安寺店' }), 201);
  return { ...o, staff, tagId: tag.id as string };
}

const corp = () => demo.sandbox.corp(demo.corpId);
const wayUsers = (configId: string) => corp().contactWays.get(configId)?.user;
const systemCtx = (o: Tenant) => o.rt.ctx({ tenantId: o.tenant.tenantId, actor: { kind: 'system', name: 'test' } });

async function scan(o: Tenant, configId: string, name: string) {
  const s = await demo.sandbox.simulate.scan(demo.corpId, configId, { name });
  assert.equal(s.delivery?.outcome, 'delivered', JSON.stringify(s.delivery));
  const cus = ok(await o.agent.get(`/api/admin/customers?q=${encodeURIComponent(name)}`)).items[0];
  assert.ok(cus, `customer ${name} in the CRM`);
  return { ...s, customerId: cus.id as string };
}

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
    await demo.sandbox.simulate.customerDeletesStaff(demo.corpId, b.externalUserid, b.userid);
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
  it('the demo codes: one per store and a weighted campaign code; at a restart new contact ways with the same state', async () => {
    const o = await ownerOfNewTenant();
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    const store = ok(await o.agent.post('/api/admin/org-units', { kind: 'store', name: '静安寺店' }), 201);
    const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
    const domain = `w${randomBytes(4).toString('hex')}.test`;
    for (const [u, units] of [
      ['wangyutong', [store.id]],
      ['lijiayi', [store.id]],
      ['huangjiaqi', []],
      ['linzihan', []],
    ] as const)
      ok(
        await o.agent.post('/api/admin/staff', {
          name: u,
          email: `${u}@${domain}`,
          roleIds: [roles.find((r) => r.key === 'sales')!.id],
          orgUnitIds: units,
          mode: 'password',
          password: TEST_PASSWORD,
        }),
        201,
      );
    await seedDemoLiveCodes(o.rt, o.tenant.slug);
    const codes = ok(await o.agent.get(LC)).items;
    assert.deepEqual(codes.map((c: { name: string }) => c.name).sort(), ['双十二新品试饮活码', '静安寺店活码']);
    const storeCode = codes.find((c: { name: string }) => c.name === '静安寺店活码');
    assert.equal(storeCode.orgUnitId, store.id);
    assert.ok(['wangyutong', 'lijiayi'].includes(storeCode.currentWecomUserIds[0]));
    const campaign = codes.find((c: { name: string }) => c.name === '双十二新品试饮活码');
    assert.equal(campaign.distribution, 'weighted');
    assert.ok(ok(await o.agent.get(`${LC}/default-welcome`)).updatedAt);

    await seedDemoLiveCodes(o.rt, o.tenant.slug); // a restart: the sandbox forgot the ways
    const again = ok(await o.agent.get(`${LC}/${storeCode.id}`));
    assert.equal(again.state, storeCode.state);
    assert.notEqual(again.configId, storeCode.configId);
    assert.equal(ok(await o.agent.get(LC)).items.length, 2);
    const s = await scan(o, again.configId, '演示顾客');
    const customer = ok(await o.agent.get(`/api/admin/customers/${s.customerId}`));
    assert.equal(customer.tags[0]?.name, '静安寺店');
    assert.match(
      corp().welcomes.find((w) => w.external_userid === s.externalUserid)?.text ?? '',
      /演示顾客你好，欢迎来到拾光咖啡静安寺店活码/,
    );
  });
});
