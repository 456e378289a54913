import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { allRoutes, fillPath } from '@siyu/contracts';
import { ownerOfNewTenant, testApp } from '../testing';
import { clientKey, shopperOf } from './orders.fixtures';
import { syncThrough, syncTenant } from './wecom-sync.fixtures';

after(async () => (await testApp()).app.close());

/** Builds, in tenant B, one entity of every kind an admin route addresses by id. */
async function tenantWithEntities() {
  const b = await ownerOfNewTenant();
  const unit = await b.agent.post('/api/admin/org-units', { kind: 'store', name: 'B 店' });
  const role = await b.agent.post('/api/admin/roles', {
    name: 'B 角色',
    permissions: ['staff.read'],
    dataScope: 'all',
  });
  const staff = await b.agent.post('/api/admin/staff', {
    name: 'B 员工',
    email: `b-${b.tenant.slug}@x.test`,
    roleIds: [role.data.id],
    orgUnitIds: [unit.data.id],
    mode: 'password',
    password: 'b-password-1',
  });
  assert.equal(staff.statusCode, 201, staff.body);
  const c1 = await b.agent.post('/api/admin/customers', { name: 'B 客户' });
  const c2 = await b.agent.post('/api/admin/customers', { name: 'B 客户二' });
  const merged = await b.agent.post(`/api/admin/customers/${c1.data.id}/merge`, { otherId: c2.data.id, reason: 'b' });
  await b.agent.post(`/api/admin/customers/${c1.data.id}/owners`, { staffId: staff.data.staff.id });
  const field = await b.agent.post('/api/admin/customer-fields', { key: 'b_field', label: 'B', type: 'text' });
  const category = await b.agent.post('/api/admin/catalog/categories', { name: 'B 分类' });
  const product = await b.agent.post('/api/admin/catalog/products', {
    title: 'B 商品',
    categoryId: category.data.id,
    status: 'on_sale',
    skus: [{ price: 100 }],
  });
  assert.equal(product.statusCode, 201, product.body);
  const sku = product.data.skus[0].id;
  await b.agent.post('/api/admin/catalog/stock/adjustments', {
    reason: 'purchase',
    lines: [{ skuId: sku, locationId: unit.data.id, delta: 5 }],
  });
  const shopper = await shopperOf(b.app, b.tenant.slug);
  const order = await shopper.post(`/api/shop/t/${b.tenant.slug}/orders`, {
    buyNow: { skuId: sku, quantity: 1 },
    delivery: 'pickup',
    storeId: unit.data.id,
    clientKey: clientKey(),
  });
  assert.equal(order.statusCode, 201, order.body);
  // 客户群 and 群活码: a group of B's own sandbox corp (its callback lands in B's registry), a code, a tag, a sync
  const gw = await syncTenant([{ userid: 'bgroupowner', name: 'B 群主' }]);
  await gw.demo.sandbox.simulate.createGroup(gw.corpId, 'bgroupowner', 'B 客户群');
  await gw.rt.drain({ tenantId: gw.tenantId });
  const group = (await gw.agent.get('/api/admin/groups')).data.items[0];
  const groupCode = await gw.agent.post('/api/admin/group-codes', { name: 'B 群码', groupIds: [group.id] });
  assert.equal(groupCode.statusCode, 201, groupCode.body);
  const groupTag = await gw.agent.post('/api/admin/group-tags', { name: 'B 群标签' });
  const groupSync = await gw.agent.post('/api/admin/groups/sync');
  await gw.rt.drain({ tenantId: gw.tenantId });
  // 渠道活码: a live code of B on its own sandbox corp
  const lw = await syncTenant([{ userid: 'blcmember', name: 'B 活码成员' }], ['blcmember']);
  const liveCode = await lw.agent.post('/api/admin/live-codes', {
    name: 'B 活码',
    members: [{ staffId: lw.staff.blcmember }],
  });
  assert.equal(liveCode.statusCode, 201, liveCode.body);
  // WeCom sync: a member and a run of another tenant on a sandbox corp
  const w = await syncTenant([{ userid: 'bmember', name: 'B 成员' }]);
  const wecomRun = (await syncThrough(w, 'staff')).id as string;
  return {
    b,
    ids: {
      staff: staff.data.staff.id,
      role: role.data.id,
      org: unit.data.id,
      customer: c1.data.id,
      other: c2.data.id,
      merge: merged.data.merges[0].id,
      field: field.data.id,
      category: category.data.id,
      product: product.data.id,
      order: order.data.id,
      group: group.id as string,
      groupCode: groupCode.data.id as string,
      groupTag: groupTag.data.id as string,
      groupSync: groupSync.data.id as string,
      liveCode: liveCode.data.id as string,
      wecomMember: 'bmember',
      wecomRun,
    },
  };
}

type Ids = Awaited<ReturnType<typeof tenantWithEntities>>['ids'];
type Case = { params: (ids: Ids) => Record<string, string>; body?: unknown };
const one = (kind: keyof Ids) => (ids: Ids) => ({ id: ids[kind] });

/** What each route with path parameters addresses in tenant B, and a body that passes validation. */
const BY_ID: Record<string, Case> = {
  'admin.getStaff': { params: one('staff') },
  'admin.updateStaff': { params: one('staff'), body: { name: '改名' } },
  'admin.disableStaff': { params: one('staff') },
  'admin.enableStaff': { params: one('staff') },
  'admin.resetStaffPassword': { params: one('staff'), body: {} },
  'admin.updateRole': { params: one('role'), body: { name: '改名' } },
  'admin.deleteRole': { params: one('role') },
  'admin.updateOrgUnit': { params: one('org'), body: { name: '改名' } },
  'admin.deleteOrgUnit': { params: one('org') },
  'customers.get': { params: one('customer') },
  'customers.update': { params: one('customer'), body: { nickname: 'x' } },
  'customers.timeline': { params: one('customer') },
  'customers.addIdentity': { params: one('customer'), body: { kind: 'email', value: 'x@x.test' } },
  'customers.removeIdentity': { params: one('customer'), body: { kind: 'email', namespace: '', value: 'x@x.test' } },
  'customers.merge': { params: one('customer'), body: { otherId: 'cus_0000000000aaaaaaaaaaaaaaaa', reason: 'x' } },
  'customers.unmerge': { params: (ids) => ({ id: ids.customer, mergeId: ids.merge }) },
  'customers.addOwner': { params: one('customer'), body: { staffId: 'stf_0000000000aaaaaaaaaaaaaaaa' } },
  'customers.removeOwner': { params: (ids) => ({ id: ids.customer, staffId: ids.staff }) },
  'customers.setConsent': { params: one('customer'), body: { channel: 'sms', status: 'opt_out', source: 'x' } },
  'customers.exportPersonalData': { params: one('customer') },
  'customers.erase': { params: one('customer'), body: { reason: 'x' } },
  'customers.updateField': { params: one('field'), body: { label: 'x' } },
  'customers.deleteField': { params: one('field') },
  'catalog.updateCategory': { params: one('category'), body: { name: '改名' } },
  'catalog.deleteCategory': { params: one('category') },
  'catalog.getProduct': { params: one('product') },
  'catalog.updateProduct': { params: one('product'), body: { title: '改名' } },
  'catalog.deleteProduct': { params: one('product') },
  'orders.get': { params: one('order') },
  'orders.changeAddress': {
    params: one('order'),
    body: {
      address: { name: 'x', phone: '13800138000', province: '上海市', city: '上海市', district: '静安区', detail: 'x' },
      reason: 'x',
    },
  },
  'orders.adjustPrice': { params: one('order'), body: { adjustment: -1, reason: 'x' } },
  'orders.cancel': { params: one('order'), body: { reason: 'x' } },
  'orders.ship': { params: one('order'), body: { carrier: 'x', trackingNo: 'SF12345' } },
  'orders.deliver': { params: one('order') },
  'orders.addRemark': { params: one('order'), body: { text: 'x' } },
  'groups.get': { params: one('group') },
  'groups.setTags': { params: one('group'), body: { tagIds: [] } },
  'groups.updateTag': { params: one('groupTag'), body: { name: 'x' } },
  'groups.deleteTag': { params: one('groupTag') },
  'groups.getSync': { params: one('groupSync') },
  'groupCodes.get': { params: one('groupCode') },
  'groupCodes.update': { params: one('groupCode'), body: { name: 'x' } },
  'groupCodes.remove': { params: one('groupCode') },
  'groupCodes.stats': { params: one('groupCode') },
  'liveCodes.get': { params: one('liveCode') },
  'liveCodes.update': { params: one('liveCode'), body: { name: 'x' } },
  'liveCodes.remove': { params: one('liveCode') },
  'liveCodes.stats': { params: one('liveCode') },
  'wecomSync.link': { params: (ids) => ({ userid: ids.wecomMember }), body: { staffId: null } },
  'wecomSync.run': { params: one('wecomRun') },
};

describe('tenant isolation', () => {
  it('every admin route answers 404 for ids of another tenant, and changes nothing there', async () => {
    const a = await ownerOfNewTenant();
    const { b, ids } = await tenantWithEntities();
    const covered = /^(admin|customers|catalog|orders|wecomSync|groups|groupCodes|liveCodes)\./;
    const idRoutes = Object.entries(allRoutes).filter(
      ([k, r]) => covered.test(k) && r.audience === 'admin' && r.path.includes(':'),
    );
    assert.deepEqual(
      idRoutes.map(([k]) => k).sort(),
      Object.keys(BY_ID).sort(),
      'every admin route with parameters has a case here',
    );
    for (const [key, route] of idRoutes) {
      const c = BY_ID[key]!;
      const res = await a.agent.request(route.method, `/api${fillPath(route.path, c.params(ids))}`, c.body);
      assert.equal(res.statusCode, 404, `${key}: ${res.body}`);
      assert.equal(res.data.error.code, 'NOT_FOUND');
    }
    const still = await b.agent.get(`/api/admin/staff/${ids.staff}`);
    assert.equal(still.data.name, 'B 员工');
    assert.equal(still.data.status, 'active');
    const order = await b.agent.get(`/api/admin/orders/${ids.order}`);
    assert.deepEqual([order.data.status, order.data.total, order.data.remarks], ['pending_payment', 100, []]);
    const roles = await b.agent.get('/api/admin/roles');
    assert.ok(roles.data.items.some((r: { id: string; name: string }) => r.id === ids.role && r.name === 'B 角色'));
  });

  it('lists, filters and references never reach another tenant', async () => {
    const a = await ownerOfNewTenant();
    const { ids } = await tenantWithEntities();
    const all = [ids.staff, ids.role, ids.org, ids.order, ids.wecomRun];
    for (const url of [
      '/api/admin/wecom/sync',
      '/api/admin/wecom/members',
      '/api/admin/orders?limit=50',
      '/api/admin/orders/export',
      `/api/admin/orders?customerId=${ids.customer}`,
      '/api/admin/staff?limit=200',
      '/api/admin/roles',
      '/api/admin/org-units',
      '/api/admin/audit-log?limit=200',
    ]) {
      const res = await a.agent.get(url);
      assert.equal(res.statusCode, 200, url);
      for (const id of all) assert.ok(!res.body.includes(id), `${url} leaks ${id}`);
    }
    const byRole = await a.agent.get(`/api/admin/staff?roleId=${ids.role}`);
    assert.deepEqual(byRole.data.items, []);
    const byUnit = await a.agent.get(`/api/admin/staff?orgUnitId=${ids.org}`);
    assert.deepEqual(byUnit.data.items, []);
    const byActor = await a.agent.get(`/api/admin/audit-log?actorId=${ids.staff}`);
    assert.deepEqual(byActor.data.items, []);
    const aRoles = await a.agent.get('/api/admin/roles');
    const adminRole = aRoles.data.items.find((r: { key: string }) => r.key === 'admin').id;
    const withForeignRole = await a.agent.post('/api/admin/staff', {
      name: 'x',
      email: 'x@x.test',
      roleIds: [ids.role],
      mode: 'invite',
    });
    assert.equal(withForeignRole.statusCode, 400);
    assert.equal(withForeignRole.data.error.details.issues[0].path, 'roleIds');
    const withForeignUnit = await a.agent.post('/api/admin/staff', {
      name: 'x',
      email: 'y@x.test',
      roleIds: [adminRole],
      orgUnitIds: [ids.org],
    });
    assert.equal(withForeignUnit.statusCode, 400);
    assert.equal(withForeignUnit.data.error.details.issues[0].path, 'orgUnitIds');
    const underForeignParent = await a.agent.post('/api/admin/org-units', {
      kind: 'store',
      name: 'x',
      parentId: ids.org,
    });
    assert.equal(underForeignParent.statusCode, 400);
  });

  it('a staff session is bound to its tenant: the cookie of A cannot act on B', async () => {
    const a = await ownerOfNewTenant();
    const me = await a.agent.get('/api/admin/auth/me');
    assert.equal(me.data.tenant.id, a.tenant.tenantId);
    const { ids } = await tenantWithEntities();
    const res = await a.agent.post(`/api/admin/staff/${ids.staff}/disable`);
    assert.equal(res.statusCode, 404);
  });
});
