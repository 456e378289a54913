import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { AppError, type Ctx, type Runtime } from '../platform';
import { createTestTenant, TEST_PASSWORD, testRuntime } from '../testing';
import {
  accessOf,
  createOrgUnit,
  createRole,
  createStaff,
  getStaff,
  listStaff,
  resetStaffPassword,
  STORE_MANAGER_TEMPLATE,
  setStaffEnabled,
  updateStaff,
} from './index';

/** A context acting as that staff member, with the permissions and data scope their roles give. */
async function actingAs(rt: Runtime, tenantId: string, staffId: string): Promise<Ctx> {
  const a = await accessOf(rt.db, tenantId, staffId);
  return rt.ctx({
    tenantId,
    actor: { kind: 'staff', id: staffId, name: staffId, permissions: a.permissions },
    scope: a.scope,
  });
}

const hire = async (ctx: Ctx, roleIds: string[], orgUnitIds: string[], name = '员工') =>
  (
    await createStaff(
      ctx,
      {
        name,
        email: `${randomBytes(5).toString('hex')}@scope.test`,
        roleIds,
        orgUnitIds,
        mode: 'password',
        password: TEST_PASSWORD,
      },
      'http://localhost',
    )
  ).staff;

const unit = async (ctx: Ctx, name: string, parentId: string | null = null) =>
  (await createOrgUnit(ctx, { parentId, kind: parentId ? 'department' : 'store', name })).id;

const rejectsWith = (status: number, field?: string) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, status, e.message);
  if (field) assert.ok(JSON.stringify(e.details).includes(`"path":"${field}"`), JSON.stringify(e.details));
  return true;
};

const ids = async (ctx: Ctx) => (await listStaff(ctx, { limit: 200 })).items.map((s) => s.id).sort();

/** Store A with a sub-unit, store B, a store manager of A and one sales person in each unit. */
async function chain() {
  const { rt } = await testRuntime();
  const t = await createTestTenant(rt);
  const owner = await actingAs(rt, t.tenantId, t.ownerId);
  const storeA = await unit(owner, 'A 店');
  const counterA = await unit(owner, 'A 店收银', storeA);
  const storeB = await unit(owner, 'B 店');
  const mgrRole = (await createRole(owner, STORE_MANAGER_TEMPLATE)).id;
  const mgr = await hire(owner, [mgrRole], [storeA], '店长');
  const a1 = await hire(owner, [t.roleIds.sales!], [storeA]);
  const a2 = await hire(owner, [t.roleIds.sales!], [counterA]);
  const b1 = await hire(owner, [t.roleIds.sales!], [storeB]);
  const manager = await actingAs(rt, t.tenantId, mgr.id);
  return { rt, t, owner, manager, storeA, counterA, storeB, mgrRole, mgr, a1, a2, b1 };
}

describe('data scope (service level)', () => {
  it("derives the scope from the roles: the manager's units and their sub-units, self for sales, all for the owner", async () => {
    const c = await chain();
    const m = await accessOf(c.rt.db, c.t.tenantId, c.mgr.id);
    assert.equal(m.dataScope, 'org_units');
    assert.deepEqual(m.permissions, [...STORE_MANAGER_TEMPLATE.permissions].sort());
    assert.equal(m.scope.kind, 'org_units');
    assert.deepEqual(m.scope.kind === 'org_units' && [...m.scope.unitIds].sort(), [c.storeA, c.counterA].sort());
    assert.deepEqual((await accessOf(c.rt.db, c.t.tenantId, c.a1.id)).scope, { kind: 'self', staffId: c.a1.id });
    assert.deepEqual((await accessOf(c.rt.db, c.t.tenantId, c.t.ownerId)).scope, { kind: 'all' });
    const deeper = await unit(c.owner, '收银二组', c.counterA);
    const again = await accessOf(c.rt.db, c.t.tenantId, c.mgr.id);
    assert.ok(again.scope.kind === 'org_units' && again.scope.unitIds.includes(deeper), 'new sub-units join the scope');
  });

  it('lists only staff of store A and its sub-units; staff of store B are 404 for every use-case', async () => {
    const c = await chain();
    assert.deepEqual(await ids(c.manager), [c.mgr.id, c.a1.id, c.a2.id].sort());
    assert.deepEqual((await listStaff(c.manager, { limit: 200, orgUnitId: c.storeB })).items, []);
    assert.equal((await getStaff(c.manager, c.a2.id)).id, c.a2.id);
    await assert.rejects(getStaff(c.manager, c.b1.id), rejectsWith(404));
    await assert.rejects(updateStaff(c.manager, c.b1.id, { name: '改名' }), rejectsWith(404));
    await assert.rejects(setStaffEnabled(c.manager, c.b1.id, false), rejectsWith(404));
    await assert.rejects(resetStaffPassword(c.manager, c.b1.id), rejectsWith(404));
    assert.equal((await getStaff(c.owner, c.b1.id)).name, '员工', 'store B untouched');
    assert.equal((await getStaff(c.owner, c.b1.id)).status, 'active');
    assert.equal((await ids(c.owner)).length, 5);
  });

  it('creates staff only inside the scope, with roles no wider than the manager', async () => {
    const c = await chain();
    await assert.rejects(hire(c.manager, [c.t.roleIds.sales!], [c.storeB]), rejectsWith(400, 'orgUnitIds'));
    await assert.rejects(hire(c.manager, [c.t.roleIds.sales!], [c.storeA, c.storeB]), rejectsWith(400, 'orgUnitIds'));
    await assert.rejects(hire(c.manager, [c.t.roleIds.sales!], []), rejectsWith(400, 'orgUnitIds'));
    await assert.rejects(hire(c.manager, [c.t.roleIds.operator!], [c.storeA]), rejectsWith(403));
    await assert.rejects(updateStaff(c.manager, c.a1.id, { orgUnitIds: [c.storeB] }), rejectsWith(400, 'orgUnitIds'));
    assert.deepEqual((await getStaff(c.owner, c.a1.id)).orgUnitIds, [c.storeA]);
    const inA = await hire(c.manager, [c.t.roleIds.sales!], [c.storeA]);
    const inSub = await hire(c.manager, [c.mgrRole], [c.counterA]);
    assert.deepEqual(await ids(c.manager), [c.mgr.id, c.a1.id, c.a2.id, inA.id, inSub.id].sort());
    assert.equal((await ids(c.owner)).length, 7);
  });

  it('the widest role wins; self sees only itself; a manager without units sees nobody', async () => {
    const c = await chain();
    const both = await hire(c.owner, [c.t.roleIds.sales!, c.mgrRole], [c.storeB]);
    assert.equal((await accessOf(c.rt.db, c.t.tenantId, both.id)).dataScope, 'org_units');
    assert.deepEqual(await ids(await actingAs(c.rt, c.t.tenantId, both.id)), [c.b1.id, both.id].sort());
    const readRole = await createRole(c.owner, { name: '只看自己', permissions: ['staff.read'], dataScope: 'self' });
    const self = await hire(c.owner, [readRole.id], [c.storeA]);
    const selfCtx = await actingAs(c.rt, c.t.tenantId, self.id);
    assert.deepEqual(await ids(selfCtx), [self.id]);
    await assert.rejects(getStaff(selfCtx, c.a1.id), rejectsWith(404));
    const lonely = await hire(c.owner, [c.mgrRole], []);
    assert.deepEqual(await ids(await actingAs(c.rt, c.t.tenantId, lonely.id)), []);
  });

  it('a self-scoped staff.write holder cannot grant a role with a wider data scope, nor hire outside its units (403)', async () => {
    const c = await chain();
    const selfRole = await createRole(c.owner, { ...STORE_MANAGER_TEMPLATE, name: '自助店长', dataScope: 'self' });
    const me = await hire(c.owner, [selfRole.id], [c.storeA]);
    const ctx = await actingAs(c.rt, c.t.tenantId, me.id);
    await assert.rejects(hire(ctx, [c.mgrRole], [c.storeB]), rejectsWith(403), 'self → org_units of store B');
  });
});
