import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { sql } from 'drizzle-orm';
import { Agent, loginAs, ownerOfNewTenant } from '../testing';

const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function shopperRegisters(agent: Agent, slug: string, p: string) {
  await agent.post(`/api/shop/t/${slug}/auth/sms-code`, { phone: p });
  const sms = await agent.get(`/api/dev/sms?phone=${p}`);
  const res = await agent.post(`/api/shop/t/${slug}/auth/sms-login`, { phone: p, code: sms.data.items[0].code });
  assert.equal(res.statusCode, 200, res.body);
  return res.data.account.id as string;
}

describe('customers', () => {
  it('creates, reads, updates and finds customers by Chinese name, pinyin, initials and phone tail', async () => {
    const { agent } = await ownerOfNewTenant();
    const p = phone();
    const created = await agent.post('/api/admin/customers', {
      name: '王雨桐',
      phone: p,
      gender: 'female',
      birthday: '1995-08-15',
      city: '上海',
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.data.id;
    assert.equal(created.data.phone, p, 'the owner holds customers.pii');
    assert.ok(
      created.data.identities.some((i: { kind: string; value: string }) => i.kind === 'phone' && i.value === p),
    );
    const again = await agent.post('/api/admin/customers', { name: '另一个', phone: p });
    assert.equal(again.data.id, id, 'the same phone answers the same customer');
    await agent.post('/api/admin/customers', { name: '李嘉怡', phone: phone() });
    for (const q of ['王雨桐', '雨桐', 'wangyutong', 'wyt', p.slice(-4)]) {
      const res = await agent.get(`/api/admin/customers?q=${encodeURIComponent(q)}`);
      assert.deepEqual(
        res.data.items.map((c: { id: string }) => c.id),
        [id],
        `search ${q}`,
      );
    }
    const upd = await agent.patch(`/api/admin/customers/${id}`, { nickname: '小桐', birthday: '1995-09-01' });
    assert.equal(upd.statusCode, 200, upd.body);
    assert.equal(upd.data.nickname, '小桐');
    const byMonth = await agent.get('/api/admin/customers?birthMonth=9');
    assert.deepEqual(
      byMonth.data.items.map((c: { id: string }) => c.id),
      [id],
    );
    const count = await agent.get('/api/admin/customers/count');
    assert.equal(count.data.count, 2);
    const bad = await agent.patch(`/api/admin/customers/${id}`, { birthday: '1995-02-30' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.data.error.message, /birthday/);
  });

  it('validates custom fields against their definitions and filters by them', async () => {
    const { agent } = await ownerOfNewTenant();
    const f = await agent.post('/api/admin/customer-fields', {
      key: 'drink',
      label: '常喝饮品',
      type: 'single',
      options: ['拿铁', '美式'],
    });
    assert.equal(f.statusCode, 201, f.body);
    const c = await agent.post('/api/admin/customers', { name: '赵一', custom: { drink: '拿铁' } });
    assert.equal(c.statusCode, 201, c.body);
    const wrong = await agent.patch(`/api/admin/customers/${c.data.id}`, { custom: { drink: '奶茶' } });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.data.error.details.issues[0].path, 'custom.drink');
    const unknown = await agent.patch(`/api/admin/customers/${c.data.id}`, { custom: { shoe: '42' } });
    assert.equal(unknown.statusCode, 400);
    const hit = await agent.get(`/api/admin/customers?customKey=drink&customValue=${encodeURIComponent('拿铁')}`);
    assert.deepEqual(
      hit.data.items.map((x: { id: string }) => x.id),
      [c.data.id],
    );
  });

  it('merges by hand and undoes the merge, bringing identities, events and attributes back', async () => {
    const { agent } = await ownerOfNewTenant();
    const a = await agent.post('/api/admin/customers', { name: '陈一', phone: phone() });
    const b = await agent.post('/api/admin/customers', { nickname: '一一', city: '杭州', phone: phone() });
    const ev = await agent.post('/api/admin/customer-events', {
      events: [
        { customerId: b.data.id, type: 'order.paid', idempotencyKey: 'order-paid-0001', properties: { amount: 2800 } },
      ],
    });
    assert.equal(ev.data.accepted, 1, ev.body);
    const m = await agent.post(`/api/admin/customers/${a.data.id}/merge`, { otherId: b.data.id, reason: '同一人' });
    assert.equal(m.statusCode, 200, m.body);
    assert.equal(m.data.identities.filter((i: { kind: string }) => i.kind === 'phone').length, 2);
    assert.equal(m.data.nickname, '一一');
    assert.equal(m.data.city, '杭州');
    assert.equal(
      (await agent.get(`/api/admin/customers/${b.data.id}`)).statusCode,
      404,
      'the merged customer is gone from view',
    );
    const tl = await agent.get(`/api/admin/customers/${a.data.id}/timeline?types=order.paid`);
    assert.equal(tl.data.items.length, 1);
    const undo = await agent.post(`/api/admin/customers/${a.data.id}/merges/${m.data.merges[0].id}/undo`);
    assert.equal(undo.statusCode, 200, undo.body);
    assert.equal(undo.data.nickname, null);
    assert.equal(undo.data.identities.filter((i: { kind: string }) => i.kind === 'phone').length, 1);
    const back = await agent.get(`/api/admin/customers/${b.data.id}`);
    assert.equal(back.statusCode, 200);
    assert.equal(back.data.city, '杭州');
    assert.equal((await agent.get(`/api/admin/customers/${b.data.id}/timeline?types=order.paid`)).data.items.length, 1);
    const twice = await agent.post(`/api/admin/customers/${a.data.id}/merges/${m.data.merges[0].id}/undo`);
    assert.equal(twice.statusCode, 409);
    const audit = await agent.get('/api/admin/audit-log?action=customer.');
    const actions = audit.data.items.map((i: { action: string }) => i.action);
    assert.ok(actions.includes('customer.merge') && actions.includes('customer.unmerge'));
  });

  it('the merge history names the merged customer, masks its phone without customers.pii, forgets it on erasure', async () => {
    const { agent, app, rt, tenant, clock } = await ownerOfNewTenant();
    const p = phone();
    const a = await agent.post('/api/admin/customers', { name: '陈一', phone: phone() });
    const b = await agent.post('/api/admin/customers', { name: '张三', phone: p });
    const c = await agent.post('/api/admin/customers', { nickname: '小七' });
    await agent.post(`/api/admin/customers/${a.data.id}/merge`, { otherId: b.data.id, reason: '同一人' });
    clock.advance(1000); // the history is newest first
    const m = await agent.post(`/api/admin/customers/${a.data.id}/merge`, { otherId: c.data.id, reason: '同一人' });
    assert.equal(m.statusCode, 200, m.body);
    const history = (x: { data: { merges: Record<string, unknown>[] } }) =>
      x.data.merges.map(({ mergedId, mergedName, mergedPhone, undone }) => ({
        mergedId,
        mergedName,
        mergedPhone,
        undone,
      }));
    assert.deepEqual(history(m), [
      { mergedId: c.data.id, mergedName: '小七', mergedPhone: null, undone: false },
      { mergedId: b.data.id, mergedName: '张三', mergedPhone: p, undone: false },
    ]);

    const roles = await agent.get('/api/admin/roles');
    const sales = roles.data.items.find((r: { key: string }) => r.key === 'sales');
    await agent.patch(`/api/admin/roles/${sales.id}`, {
      permissions: sales.permissions.filter((x: string) => x !== 'customers.pii'),
    });
    const email = `sales-${phone()}@x.test`;
    const s = await agent.post('/api/admin/staff', {
      name: '销售',
      email,
      roleIds: [sales.id],
      mode: 'password',
      password: 'sales-pass-1',
    });
    await agent.post(`/api/admin/customers/${a.data.id}/owners`, { staffId: s.data.staff.id });
    const seller = await loginAs(app, email, 'sales-pass-1');
    const seen = await seller.get(`/api/admin/customers/${a.data.id}`);
    assert.equal(seen.statusCode, 200, seen.body);
    assert.equal(seen.data.merges[1].mergedPhone, `${p.slice(0, 3)}****${p.slice(-4)}`);
    assert.equal(seen.data.merges[1].mergedName, '张三');

    // the snapshot is taken when merging: a later change of the customer who came back does not rewrite it
    const bMerge = m.data.merges[1].id;
    await agent.post(`/api/admin/customers/${a.data.id}/merges/${bMerge}/undo`);
    await agent.patch(`/api/admin/customers/${b.data.id}`, { name: '张三丰' });
    const undone = await agent.get(`/api/admin/customers/${a.data.id}`);
    assert.deepEqual(history(undone)[1], { mergedId: b.data.id, mergedName: '张三', mergedPhone: p, undone: true });

    // merges recorded before snapshots existed read the merged customer's row
    await rt.db.execute(
      sql`update customer_merges set moved = moved - 'snapshot' where tenant_id = ${tenant.tenantId} and id = ${m.data.merges[0].id}`,
    );
    const legacy = await agent.get(`/api/admin/customers/${a.data.id}`);
    assert.deepEqual(history(legacy)[0], { mergedId: c.data.id, mergedName: '小七', mergedPhone: null, undone: false });

    const erased = await agent.post(`/api/admin/customers/${b.data.id}/erase`, { reason: '本人申请' });
    assert.equal(erased.statusCode, 200, erased.body);
    const after = await agent.get(`/api/admin/customers/${a.data.id}`);
    assert.deepEqual(history(after)[1], { mergedId: b.data.id, mergedName: null, mergedPhone: null, undone: true });
  });

  it('a shop registration with a verified phone merges into the customer who has that phone verified', async () => {
    const { agent, tenant, rt } = await ownerOfNewTenant();
    const p = phone();
    const wecom = await agent.post('/api/admin/customers', { name: '企微客户' });
    await agent.post(`/api/admin/customers/${wecom.data.id}/identities`, {
      kind: 'wecom_external',
      namespace: 'corp1',
      value: 'wmEXT001',
    });
    await agent.post(`/api/admin/customers/${wecom.data.id}/identities`, { kind: 'phone', value: p, verified: true });
    const shopper = new Agent(agent.app);
    const accountId = await shopperRegisters(shopper, tenant.slug, p);
    await rt.drain({ tenantId: tenant.tenantId });
    const c = await agent.get(`/api/admin/customers/${wecom.data.id}`);
    assert.ok(
      c.data.identities.some(
        (i: { kind: string; value: string }) => i.kind === 'shop_account' && i.value === accountId,
      ),
    );
    const events = await shopper.post(`/api/shop/t/${tenant.slug}/events`, {
      events: [
        { type: 'product.viewed', idempotencyKey: 'view-0001-abcd', properties: { productId: 'p1' } },
        { type: 'product.viewed', idempotencyKey: 'view-0001-abcd', properties: { productId: 'p1' } },
        { type: 'Bad Type', idempotencyKey: 'view-0002-abcd' },
      ],
    });
    assert.equal(events.statusCode, 200, events.body);
    assert.equal(events.data.accepted, 1);
    assert.equal(events.data.duplicates, 1);
    assert.equal(events.data.rejected[0].index, 2);
    const tl = await agent.get(`/api/admin/customers/${wecom.data.id}/timeline?types=product.viewed`);
    assert.equal(tl.data.items.length, 1);
    const anon = await new Agent(agent.app).post(`/api/shop/t/${tenant.slug}/events`, {
      events: [{ type: 'page.viewed', idempotencyKey: 'anon-0001-abcd' }],
    });
    assert.equal(anon.data.accepted, 0);
    assert.match(anon.data.rejected[0].reason, /not logged in/);
  });

  it('owners: follow, primary, transfer at most twice in 90 days, hand over a departing member', async () => {
    const { agent: first, clock, app, tenant } = await ownerOfNewTenant();
    let agent = first;
    const roles = await agent.get('/api/admin/roles');
    const sales = roles.data.items.find((r: { key: string }) => r.key === 'sales').id;
    const mk = async (n: string) =>
      (
        await agent.post('/api/admin/staff', {
          name: n,
          email: `${n}-${phone()}@x.test`,
          roleIds: [sales],
          mode: 'password',
          password: 'sales-pass-1',
        })
      ).data.staff;
    const [s1, s2, s3] = [await mk('s1'), await mk('s2'), await mk('s3')];
    const c = await agent.post('/api/admin/customers', { name: '客户甲' });
    const own = await agent.post(`/api/admin/customers/${c.data.id}/owners`, { staffId: s1.id, remark: '老客户' });
    assert.equal(own.data.primaryOwner.id, s1.id, 'the first follower becomes the owner');
    const t1 = await agent.post('/api/admin/customers/transfer', { customerIds: [c.data.id], toStaffId: s2.id });
    assert.equal(t1.data?.transferred, 1, t1.body);
    const t2 = await agent.post('/api/admin/customers/transfer', { customerIds: [c.data.id], toStaffId: s3.id });
    assert.equal(t2.data.transferred, 1);
    const t3 = await agent.post('/api/admin/customers/transfer', { customerIds: [c.data.id], toStaffId: s1.id });
    assert.equal(t3.data.transferred, 0);
    assert.equal(t3.data.skipped[0].code, 'TRANSFER_LIMIT');
    clock.advance(91 * 86_400_000);
    agent = await loginAs(app, tenant.ownerEmail, TEST_PASSWORD); // the old session expired meanwhile
    const hand = await agent.post('/api/admin/customers/handover', {
      fromStaffId: s3.id,
      toStaffId: s1.id,
      reason: '离职',
    });
    assert.equal(hand.data?.transferred, 1, hand.body);
    const after = await agent.get(`/api/admin/customers/${c.data.id}`);
    assert.equal(after.data.primaryOwner.id, s1.id);
    assert.equal(after.data.owners.find((o: { staffId: string }) => o.staffId === s1.id).remark, '老客户');
    const long = await agent.post(`/api/admin/customers/${c.data.id}/owners`, {
      staffId: s2.id,
      remark: '这是一条超过二十个字的备注，企业微信不允许这么长',
    });
    assert.equal(long.statusCode, 400);
  });

  it('sales see only their own customers, with phones masked without customers.pii', async () => {
    const { agent, app } = await ownerOfNewTenant();
    const roles = await agent.get('/api/admin/roles');
    const sales = roles.data.items.find((r: { key: string }) => r.key === 'sales');
    await agent.patch(`/api/admin/roles/${sales.id}`, {
      permissions: sales.permissions.filter((p: string) => p !== 'customers.pii'),
    });
    const email = `sales-${phone()}@x.test`;
    const s = await agent.post('/api/admin/staff', {
      name: '销售',
      email,
      roleIds: [sales.id],
      mode: 'password',
      password: 'sales-pass-1',
    });
    const p = phone();
    const mine = await agent.post('/api/admin/customers', { name: '我的客户', phone: p });
    const other = await agent.post('/api/admin/customers', { name: '别人的客户' });
    await agent.post(`/api/admin/customers/${mine.data.id}/owners`, { staffId: s.data.staff.id });
    const seller = await loginAs(app, email, 'sales-pass-1');
    const list = await seller.get('/api/admin/customers');
    assert.deepEqual(
      list.data.items.map((c: { id: string }) => c.id),
      [mine.data.id],
    );
    assert.equal(list.data.items[0].phone, `${p.slice(0, 3)}****${p.slice(-4)}`);
    assert.equal((await seller.get(`/api/admin/customers/${other.data.id}`)).statusCode, 404);
    assert.equal((await seller.get(`/api/admin/customers/${mine.data.id}/personal-data`)).statusCode, 403);
  });

  it('consent, personal-data export and erasure are recorded and audited', async () => {
    const { agent } = await ownerOfNewTenant();
    const p = phone();
    const c = await agent.post('/api/admin/customers', { name: '隐私', phone: p, email: 'privacy@x.test' });
    const opt = await agent.post(`/api/admin/customers/${c.data.id}/consents`, {
      channel: 'sms',
      status: 'opt_out',
      source: '客服电话',
    });
    assert.equal(opt.data.consents[0].status, 'opt_out');
    const data = await agent.get(`/api/admin/customers/${c.data.id}/personal-data`);
    assert.equal(data.data.customer.phone, p);
    assert.ok(data.data.events.some((e: { type: string }) => e.type === 'consent.changed'));
    const erased = await agent.post(`/api/admin/customers/${c.data.id}/erase`, { reason: '本人申请' });
    assert.equal(erased.statusCode, 200, erased.body);
    const after = await agent.get(`/api/admin/customers/${c.data.id}`);
    assert.equal(after.data.erased, true);
    assert.equal(after.data.name, null);
    assert.equal(after.data.phone, null);
    assert.deepEqual(after.data.identities, []);
    assert.equal((await agent.get(`/api/admin/customers?q=${p.slice(-4)}`)).data.items.length, 0);
    const audit = await agent.get('/api/admin/audit-log?action=customer.');
    const actions = audit.data.items.map((i: { action: string }) => i.action);
    for (const a of ['customer.consent', 'customer.personal_data_export', 'customer.erase'])
      assert.ok(actions.includes(a), a);
  });
});
