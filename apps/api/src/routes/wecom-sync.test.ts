/**
 * WeCom sync end to end against the demo sandbox (a corp per test): staff ↔ member links, customers
 * with their follow relations and tags (resumable, idempotent), tag callbacks, mark_tag from Siyu,
 * deletions of unknown contacts, tenant isolation and bad input.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import * as messaging from '@siyu/core/messaging';
import { rowsOf } from '@siyu/core/platform';
import { sql } from 'drizzle-orm';
import { ownerOfNewTenant, testApp } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';
import { settle, settleRun, syncThrough, syncTenant } from './wecom-sync.fixtures';

after(async () => (await testApp()).app.close());

const MEMBERS = [
  { userid: 'wangyutong', name: '王雨桐' },
  { userid: 'lijiayi', name: '李嘉怡' },
  { userid: 'wujunjie', name: '吴俊杰', department: [1], customerContact: false },
];

type Member = { userid: string; staffId: string | null; linkedBy: string | null; customerContact: boolean };
const members = async (o: Awaited<ReturnType<typeof syncTenant>>) =>
  ok(await o.agent.get('/api/admin/wecom/members')) as { configured: boolean; items: Member[] };
const customersOf = async (o: Awaited<ReturnType<typeof syncTenant>>) =>
  rowsOf<{ value: string; customer_id: string }>(
    await o.rt.db.execute(
      sql`select value, customer_id from customer_identities where tenant_id = ${o.tenantId} and kind = 'wecom_external' and namespace = ${o.corpId}`,
    ),
  );
const ext = (i: number) => `wmsync${String(i).padStart(6, '0')}`;

describe('WeCom sync', () => {
  it('staff: imports members, links by email name, keeps manual links, lists unlinked ones', async () => {
    const o = await syncTenant(MEMBERS, ['wangyutong', 'zhaoyiming']);
    assert.deepEqual(await members(o), { configured: true, items: [] });
    const run = await syncThrough(o, 'staff');
    assert.equal(run.status, 'done', JSON.stringify(run));
    assert.deepEqual([run.total, run.done, run.stats.linked, run.stats.unlinked], [3, 3, 1, 2]);
    const list = (await members(o)).items;
    const by = (u: string) => list.find((m) => m.userid === u)!;
    assert.deepEqual([by('wangyutong').staffId, by('wangyutong').linkedBy], [o.staff.wangyutong, 'auto']);
    assert.equal(by('lijiayi').staffId, null, 'no staff member is lijiayi: listed for a manual link');
    assert.equal(by('wujunjie').customerContact, false);

    const linked = ok(
      await o.agent.request('PUT', '/api/admin/wecom/members/lijiayi/link', { staffId: o.staff.zhaoyiming }),
    );
    assert.deepEqual(
      [linked.staffId, linked.linkedBy, linked.staffName],
      [o.staff.zhaoyiming, 'manual', '员工zhaoyiming'],
    );
    expectInvalid(
      await o.agent.request('PUT', '/api/admin/wecom/members/wujunjie/link', { staffId: o.staff.zhaoyiming }),
      'staffId',
    );
    // wangyutong is linked by hand to nobody; a second sync keeps both manual choices
    ok(await o.agent.request('PUT', '/api/admin/wecom/members/wangyutong/link', { staffId: null }));
    const again = await syncThrough(o, 'staff');
    assert.equal(again.status, 'done');
    const after2 = (await members(o)).items;
    assert.equal(after2.find((m) => m.userid === 'lijiayi')!.staffId, o.staff.zhaoyiming);
    assert.deepEqual(
      [after2.find((m) => m.userid === 'wangyutong')!.staffId, after2.find((m) => m.userid === 'wangyutong')!.linkedBy],
      [null, 'manual'],
    );
    const ctx = o.ctx;
    assert.equal((await messaging.staffForWecomUser(ctx, 'lijiayi'))?.id, o.staff.zhaoyiming, 'the link wins');
    assert.equal(await messaging.staffForWecomUser(ctx, 'wangyutong'), null, 'manual nobody beats the email name');
    const ids = await messaging.wecomUserIdsForStaff(ctx, [o.staff.zhaoyiming!, o.staff.wangyutong!]);
    assert.equal(ids.get(o.staff.zhaoyiming!), 'lijiayi');
    assert.equal(ids.has(o.staff.wangyutong!), false);

    const recent = ok(await o.agent.get('/api/admin/wecom/sync')).items as { id: string; what: string }[];
    assert.equal(recent.length, 2);
    assert.equal(recent[0]!.id, again.id);
  });

  it('customers: resolves customers, owners and tags; resumes from the stored cursor; a second run changes nothing', async () => {
    const o = await syncTenant(MEMBERS, ['wangyutong']);
    const { tag_group } = await o.client.corpTags.add({
      group_name: '客户等级',
      tag: [{ name: 'VIP' }, { name: '新客' }],
    });
    const [vip] = tag_group.tag;
    for (let i = 0; i < 150; i++) o.contact('wangyutong', ext(i), { remark: i === 0 ? '老客户' : '' });
    o.contact('lijiayi', ext(0), { tagIds: [vip!.id] }); // the same person, also lijiayi's contact
    o.contact('lijiayi', ext(500), { unionid: 'union_sync_1', state: 'lc_sync', tagIds: [vip!.id] });
    assert.equal((await syncThrough(o, 'staff')).status, 'done');
    assert.equal((await syncThrough(o, 'tags')).status, 'done');

    const started = ok(await o.agent.post('/api/admin/wecom/sync', { what: 'customers' }), 201);
    // interrupted after one page (100 relations): the position is stored
    const part = await messaging.executeWecomSyncRun(o.ctx, started.id, { maxPages: 1 });
    assert.equal(part?.status, 'running');
    assert.equal(part?.done, 100);
    assert.deepEqual(part?.position, { members: 2, batch: 0, cursor: '100' });
    assert.equal(
      (await customersOf(o)).length,
      99,
      'lijiayi first (2), then 98 of wangyutong — one of them the same person',
    );
    // the queued job resumes from there
    const run = await settleRun(o, started.id);
    assert.equal(run.status, 'done', JSON.stringify(run));
    assert.deepEqual([run.done, run.failed], [152, 0], 'every relation read once: 150 + 2');
    assert.deepEqual([run.stats.created, run.stats.matched], [151, 1]);
    const held = await customersOf(o);
    assert.equal(held.length, 151);

    const first = held.find((h) => h.value === ext(0))!.customer_id;
    const c = ok(await o.agent.get(`/api/admin/customers/${first}`));
    assert.deepEqual(
      c.owners.map((x: { staffId: string; remark: string; addWay: string }) => [x.staffId, x.remark, x.addWay]),
      [[o.staff.wangyutong, '老客户', 'wecom:1']],
      'wangyutong (linked) owns the customer; lijiayi has no staff member',
    );
    const tags = ok(await o.agent.get(`/api/admin/customers/${first}/tags`));
    assert.deepEqual(
      tags.items.map((t: { name: string; source: string }) => [t.name, t.source]),
      [['VIP', 'wecom']],
    );
    const union = held.find((h) => h.value === ext(500))!.customer_id;
    const u = ok(await o.agent.get(`/api/admin/customers/${union}`));
    assert.ok(
      u.identities.some((i: { kind: string; value: string }) => i.kind === 'unionid' && i.value === 'union_sync_1'),
    );

    const second = await syncThrough(o, 'customers');
    assert.notEqual(second.id, started.id);
    assert.equal(second.status, 'done');
    assert.deepEqual(
      [second.stats.created ?? 0, second.stats.matched, second.stats.owner_added ?? 0, second.stats.tagged],
      [0, 152, 0, 0],
      'idempotent',
    );
    assert.equal((await customersOf(o)).length, 151);
  });

  it('tags: import, change_external_tag callbacks, and mark_tag when a linked tag is added in Siyu', async () => {
    const o = await syncTenant(MEMBERS, ['wangyutong']);
    await o.client.corpTags.add({ group_name: '兴趣', tag: [{ name: '咖啡' }] });
    const run = await syncThrough(o, 'tags');
    assert.deepEqual([run.status, run.total, run.stats.created], ['done', 1, 2], 'a group and its tag');
    const groups = () =>
      ok(o.agent.get('/api/admin/tag-groups') as never) as unknown as Promise<{
        items: {
          name: string;
          wecomGroupId: string | null;
          tags: { id: string; name: string; wecomTagId: string | null }[];
        }[];
      }>;
    const listGroups = async () =>
      ok(await o.agent.get('/api/admin/tag-groups')).items as Awaited<ReturnType<typeof groups>>['items'];
    const interest = (await listGroups()).find((g) => g.name === '兴趣')!;
    assert.ok(interest.wecomGroupId);
    assert.equal((await syncThrough(o, 'tags')).stats.created, 0, 'a second import changes nothing');

    // an admin creates a tag in WeCom's console: the callback adds it here
    const created = await o.demo.sandbox.simulate.adminChangesTag(o.corpId, {
      create: { groupName: '兴趣', name: '手冲' },
    });
    assert.equal(created.delivery.outcome, 'delivered');
    await settle(o, async () => Boolean((await listGroups()).some((g) => g.tags.some((t) => t.name === '手冲'))));
    const withNew = (await listGroups()).find((g) => g.name === '兴趣')!;
    const pour = withNew.tags.find((t) => t.name === '手冲')!;
    assert.equal(pour.wecomTagId, created.tagId);

    // staff put the linked tag on a customer in Siyu → mark_tag on the customer's WeCom relation
    o.contact('wangyutong', ext(1));
    await syncThrough(o, 'staff');
    await syncThrough(o, 'customers');
    const [held] = await customersOf(o);
    const follow = o.corp().contacts.get(ext(1))!.follow.get('wangyutong')!;
    ok(await o.agent.post(`/api/admin/customers/${held!.customer_id}/tags`, { add: [pour.id] }));
    await settle(o, async () => follow.tagIds.has(created.tagId));
    assert.ok(follow.tagIds.has(created.tagId), 'WeCom has the tag on the relation');
    ok(await o.agent.post(`/api/admin/customers/${held!.customer_id}/tags`, { remove: [pour.id] }));
    await settle(o, async () => !follow.tagIds.has(created.tagId));
    assert.equal(follow.tagIds.has(created.tagId), false, 'and takes it off again');

    // the admin deletes it in WeCom: gone here too
    await o.demo.sandbox.simulate.adminChangesTag(o.corpId, { delete: created.tagId });
    await settle(o, async () => !(await listGroups()).some((g) => g.tags.some((t) => t.name === '手冲')));
    const afterDelete = (await listGroups()).find((g) => g.name === '兴趣')!;
    assert.equal(
      afterDelete.tags.some((t) => t.name === '手冲'),
      false,
    );
    const outcomes = rowsOf<{ outcome: string; status: string }>(
      await o.rt.db.execute(
        sql`select outcome, status from messaging_wecom_deliveries where tenant_id = ${o.tenantId} and event = 'change_external_tag' order by received_at`,
      ),
    );
    assert.equal(outcomes.length, 2);
    assert.ok(
      outcomes.every((d) => d.status === 'processed'),
      JSON.stringify(outcomes),
    );
    assert.match(outcomes[1]!.outcome, /deleted/);
  });

  it('a customers run that failed mid-way is resumed by the admin from its position; the nightly job chains staff → tags → customers', async () => {
    const o = await syncTenant(MEMBERS, ['wangyutong']);
    for (let i = 0; i < 120; i++) o.contact('wangyutong', ext(i));
    await syncThrough(o, 'staff');
    const started = ok(await o.agent.post('/api/admin/wecom/sync', { what: 'customers' }), 201);
    await messaging.executeWecomSyncRun(o.ctx, started.id, { maxPages: 1 });
    o.demo.sandbox.failNext('/cgi-bin/externalcontact/batch/get_by_user', 40058, 20);
    const failed = await settleRun(o, started.id);
    assert.equal(failed.status, 'failed', JSON.stringify(failed));
    assert.match(failed.error, /sandbox injected failure/);
    assert.deepEqual([failed.done, failed.position.cursor], [100, '100']);
    o.demo.sandbox.failNext('/cgi-bin/externalcontact/batch/get_by_user', 0, 0);
    const resumed = ok(await o.agent.post('/api/admin/wecom/sync', { what: 'customers' }), 201);
    assert.equal(resumed.id, started.id, 'the failed run continues');
    const done = await settleRun(o, started.id);
    assert.deepEqual([done.status, done.done, done.total, done.stats.created], ['done', 120, 120, 120]);

    const nightly = messaging.messagingRegistry.jobs![messaging.WECOM_NIGHTLY_SYNC_JOB]!;
    await nightly.handle({
      data: {},
      jobId: 'test',
      db: o.rt.db,
      clock: o.clock,
      log: o.rt.log,
      ctxFor: (tenantId) => o.rt.ctx({ tenantId, actor: { kind: 'system', name: 'job' } }),
    });
    type Run = { what: string; trigger: string; status: string };
    const scheduled = async () =>
      (ok(await o.agent.get('/api/admin/wecom/sync')).items as Run[]).filter((r) => r.trigger === 'schedule');
    await settle(o, async () => {
      const r = await scheduled();
      return r.length === 3 && r.every((x) => x.status === 'done' || x.status === 'failed');
    });
    const runs = await scheduled();
    assert.deepEqual(
      runs
        .filter((r) => r.trigger === 'schedule')
        .map((r) => `${r.what} ${r.status}`)
        .sort(),
      ['customers done', 'staff done', 'tags done'],
    );
  });

  it('a deletion of a contact Siyu never knew creates nothing', async () => {
    const o = await syncTenant(MEMBERS, ['wangyutong']);
    o.contact('wangyutong', ext(9));
    await o.demo.sandbox.simulate.customerDeletesStaff(o.corpId, ext(9), 'wangyutong');
    const delivery = async () =>
      rowsOf<{ outcome: string; status: string }>(
        await o.rt.db.execute(
          sql`select outcome, status from messaging_wecom_deliveries where tenant_id = ${o.tenantId}`,
        ),
      );
    await settle(o, async () => (await delivery())[0]?.status === 'processed');
    const [d] = await delivery();
    assert.equal(d?.status, 'processed');
    assert.match(d!.outcome, /unknown contact/);
    assert.equal((await customersOf(o)).length, 0);
  });

  it('another tenant sees none of it; bad input names the field; no WeCom settings → 409', async () => {
    const o = await syncTenant(MEMBERS, ['wangyutong']);
    const run = await syncThrough(o, 'staff');
    const other = await ownerOfNewTenant();
    expectError(await other.agent.get(`/api/admin/wecom/sync/${run.id}`), 404, 'NOT_FOUND');
    assert.deepEqual(ok(await other.agent.get('/api/admin/wecom/sync')).items, []);
    assert.deepEqual(ok(await other.agent.get('/api/admin/wecom/members')), { configured: false, items: [] });
    expectError(
      await other.agent.request('PUT', '/api/admin/wecom/members/wangyutong/link', { staffId: null }),
      404,
      'NOT_FOUND',
    );
    expectError(await other.agent.post('/api/admin/wecom/sync', { what: 'staff' }), 409, 'WECOM_NOT_CONFIGURED');
    // o's staff id in another tenant's link is refused
    const otherCorp = await syncTenant(MEMBERS);
    await syncThrough(otherCorp, 'staff');
    expectInvalid(
      await otherCorp.agent.request('PUT', '/api/admin/wecom/members/wangyutong/link', { staffId: o.staff.wangyutong }),
      'staffId',
    );
    expectInvalid(await o.agent.post('/api/admin/wecom/sync', { what: 'everything' }), 'what');
    expectInvalid(
      await o.agent.request('PUT', '/api/admin/wecom/members/wangyutong/link', { staffId: 'x' }),
      'staffId',
    );
    expectInvalid(await o.agent.request('PUT', '/api/admin/wecom/members/wangyutong/link', {}), 'staffId');
    expectInvalid(await o.agent.get('/api/admin/wecom/sync/nope'), 'id');
    expectError(await o.agent.get('/api/admin/wecom/sync/wsr_0000000000aaaaaaaaaaaaaaaa'), 404, 'NOT_FOUND');
  });
});
