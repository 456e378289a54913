import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminRoutes, fillPath, type RouteDef } from '@siyu/contracts';
import { ownerOfNewTenant } from '../testing';

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
  return { b, ids: { staff: staff.data.staff.id, role: role.data.id, org: unit.data.id } };
}

/** Which entity each `:id` route addresses, and a body that passes validation. */
const BY_ID: Record<string, { kind: 'staff' | 'role' | 'org'; body?: unknown }> = {
  getStaff: { kind: 'staff' },
  updateStaff: { kind: 'staff', body: { name: '改名' } },
  disableStaff: { kind: 'staff' },
  enableStaff: { kind: 'staff' },
  resetStaffPassword: { kind: 'staff', body: {} },
  updateRole: { kind: 'role', body: { name: '改名' } },
  deleteRole: { kind: 'role' },
  updateOrgUnit: { kind: 'org', body: { name: '改名' } },
  deleteOrgUnit: { kind: 'org' },
};

describe('tenant isolation', () => {
  it('every admin route answers 404 for ids of another tenant, and changes nothing there', async () => {
    const a = await ownerOfNewTenant();
    const { b, ids } = await tenantWithEntities();
    const idRoutes = Object.entries(adminRoutes as Record<string, RouteDef>).filter(([, r]) => r.path.includes(':id'));
    assert.deepEqual(idRoutes.map(([k]) => k).sort(), Object.keys(BY_ID).sort(), 'every :id route has a case here');
    for (const [key, route] of idRoutes) {
      const c = BY_ID[key]!;
      const res = await a.agent.request(route.method, `/api${fillPath(route.path, { id: ids[c.kind] })}`, c.body);
      assert.equal(res.statusCode, 404, `${key}: ${res.body}`);
      assert.equal(res.data.error.code, 'NOT_FOUND');
    }
    const still = await b.agent.get(`/api/admin/staff/${ids.staff}`);
    assert.equal(still.data.name, 'B 员工');
    assert.equal(still.data.status, 'active');
    const roles = await b.agent.get('/api/admin/roles');
    assert.ok(roles.data.items.some((r: { id: string; name: string }) => r.id === ids.role && r.name === 'B 角色'));
  });

  it('lists, filters and references never reach another tenant', async () => {
    const a = await ownerOfNewTenant();
    const { ids } = await tenantWithEntities();
    const all = [ids.staff, ids.role, ids.org];
    for (const url of [
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
