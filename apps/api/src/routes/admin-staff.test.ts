import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { DAY } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { Agent, loginAs, ownerOfNewTenant, type Res } from '../testing';

const STAFF = '/api/admin/staff';
const INVITES = '/api/admin/auth/invites';

const mail = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@x.test`;
const expectError = (res: Res, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.data.error.code, code);
};
/** A 400 whose issues name `field` (zod reports `body.field`, services `field`). */
const expectInvalid = (res: Res, field: string) => {
  assert.equal(res.statusCode, 400, res.body);
  const paths = res.data.error.details.issues.map((i: { path: string }) => i.path);
  assert.ok(
    paths.some((p: string) => p === field || p.endsWith(`.${field}`)),
    res.body,
  );
};
const ids = (res: Res): string[] => res.data.items.map((s: { id: string }) => s.id);
const me = async (agent: Agent) => (await agent.get('/api/admin/auth/me')).data;
const inviteToken = (res: Res) => /\/admin\/invite\/([^/?#]+)$/.exec(res.data.inviteUrl)?.[1];
const login = (app: Agent['app'], email: string, password: string) =>
  new Agent(app).post('/api/admin/auth/login', { email, password });

/** Role ids by built-in key (or by name for custom roles). */
async function roleIds(agent: Agent): Promise<Record<string, string>> {
  const res = await agent.get('/api/admin/roles');
  assert.equal(res.statusCode, 200);
  return Object.fromEntries(
    res.data.items.map((r: { key: string | null; name: string; id: string }) => [r.key ?? r.name, r.id]),
  );
}

type StaffDto = { id: string; email: string; name: string; roleIds: string[]; orgUnitIds: string[] };
/** The fields a staff member is made of (link lists sorted), leaving out any derived extras. */
const fields = ({ name, email, phone, title, status, roleIds, orgUnitIds, lastLoginAt }: Record<string, unknown>) => ({
  ...{ name, email, phone, title, status, lastLoginAt },
  roleIds: [...(roleIds as string[])].sort(),
  orgUnitIds: [...(orgUnitIds as string[])].sort(),
});
/** POST /staff with a password (TEST_PASSWORD) and a fresh email unless the body says otherwise. */
const hire = (agent: Agent, body: Record<string, unknown>) =>
  agent.post(STAFF, { name: 'Staff', email: mail('s'), mode: 'password', password: TEST_PASSWORD, ...body });

async function addStaff(agent: Agent, body: Record<string, unknown>): Promise<StaffDto> {
  const res = await hire(agent, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.data.staff;
}

async function addUnit(agent: Agent, name: string, parentId: string | null = null, kind = 'store'): Promise<string> {
  const res = await agent.post('/api/admin/org-units', { name, kind, parentId });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id;
}

/** What the built-in sales role holds besides org.read: whoever grants it must hold these too. */
// what the built-in sales role holds besides org.read
const SALES_CUSTOMER_PERMS = ['customers.read', 'customers.write', 'customers.pii', 'tags.read', 'channels.read'];

async function addRole(agent: Agent, permissions: string[], dataScope: string): Promise<string> {
  const res = await agent.post('/api/admin/roles', {
    name: `role-${randomBytes(3).toString('hex')}`,
    permissions,
    dataScope,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id;
}

describe('admin staff', () => {
  it('creates a staff member with a password who can then log in with the role it was given', async () => {
    const { app, agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const email = mail('ops');
    const body = {
      name: '运营小王',
      email: email.toUpperCase(),
      phone: '13800000000',
      title: '运营',
      roleIds: [r.operator],
    };
    expectInvalid(await agent.post(STAFF, { ...body, mode: 'password' }), 'password');
    const res = await agent.post(STAFF, { ...body, mode: 'password', password: 'secret-pass-1' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.data.inviteUrl, null);
    const id = res.data.staff.id;
    assert.match(id, /^stf_/);
    const links = { roleIds: [r.operator], orgUnitIds: [] };
    assert.deepEqual(fields(res.data.staff), fields({ ...body, email, ...links, status: 'active', lastLoginAt: null }));
    const session = await me(await loginAs(app, email, 'secret-pass-1'));
    assert.equal(session.staff.id, id);
    const operator = (await agent.get('/api/admin/roles')).data.items.find(
      (r: { key: string }) => r.key === 'operator',
    );
    assert.deepEqual([session.permissions, session.dataScope], [[...operator.permissions].sort(), 'all']);
  });

  it('invites: the link describes the invitation, accepting sets the password and logs in, and works once', async () => {
    const { app, agent, tenant } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const email = mail('new');
    const res = await agent.post(STAFF, { name: '新同事', email, roleIds: [r.service] });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.data.staff.status, 'invited');
    const token = inviteToken(res);
    assert.ok(token, res.data.inviteUrl);
    const anon = new Agent(app);
    const described = await anon.get(`${INVITES}/${token}`);
    assert.equal(described.statusCode, 200, described.body);
    assert.deepEqual(described.data, { email, name: '新同事', tenantName: `Tenant ${tenant.slug}` });
    assert.equal((await login(app, email, 'invited-pass-1')).statusCode, 401, 'no password yet');
    const accepted = await anon.post(`${INVITES}/accept`, { token, password: 'invited-pass-1' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual([accepted.data.staff.email, accepted.data.staff.status], [email, 'active']);
    assert.equal((await me(anon)).staff.email, email);
    expectError(await anon.get(`${INVITES}/${token}`), 404, 'NOT_FOUND');
    expectError(
      await new Agent(app).post(`${INVITES}/accept`, { token, password: 'another-pass-2' }),
      404,
      'NOT_FOUND',
    );
    await loginAs(app, email, 'invited-pass-1');
    assert.equal((await agent.get(`${STAFF}/${res.data.staff.id}`)).data.status, 'active');
  });

  it('an invitation expires after 7 days (404)', async () => {
    const { app, agent, clock } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const token = inviteToken(await agent.post(STAFF, { name: '迟到', email: mail('late'), roleIds: [r.sales] }));
    const anon = new Agent(app);
    clock.advance(6 * DAY);
    assert.equal((await anon.get(`${INVITES}/${token}`)).statusCode, 200);
    clock.advance(2 * DAY);
    expectError(await anon.get(`${INVITES}/${token}`), 404, 'NOT_FOUND');
    expectError(await anon.post(`${INVITES}/accept`, { token, password: 'too-late-pass' }), 404, 'NOT_FOUND');
  });

  it('lists with q, status, roleId and orgUnitId filters, and pages with a keyset cursor', async () => {
    const { agent, clock } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const store = await addUnit(agent, '一号店');
    // ids sort by creation time, and the test clock stands still unless moved
    const later = <T>(v: T) => {
      clock.advance(1000);
      return v;
    };
    const ownerId = later((await me(agent)).staff.id);
    const alice = later(await addStaff(agent, { name: 'Alice Zhang', roleIds: [r.sales], orgUnitIds: [store] }));
    const bob = later(await addStaff(agent, { name: 'Bob', roleIds: [r.sales] }));
    const carol = later(await addStaff(agent, { name: 'Carol', roleIds: [r.service], orgUnitIds: [store] }));
    const dan = later((await agent.post(STAFF, { name: 'Dan', email: mail('dan'), roleIds: [r.service] })).data.staff);
    const eve = later(await addStaff(agent, { name: 'Eve', roleIds: [r.operator] }));
    assert.equal((await agent.post(`${STAFF}/${eve.id}/disable`)).statusCode, 200);
    const find = async (qs: string) => {
      const res = await agent.get(`${STAFF}?${qs}`);
      assert.equal(res.statusCode, 200, res.body);
      return ids(res).sort();
    };
    assert.deepEqual(await find('q=alice'), [alice.id]);
    assert.deepEqual(await find(`q=${encodeURIComponent(alice.email.slice(0, 12))}`), [alice.id]);
    assert.deepEqual(await find('status=invited'), [dan.id]);
    assert.deepEqual(await find('status=disabled'), [eve.id]);
    assert.deepEqual(await find(`roleId=${r.sales}`), [alice.id, bob.id].sort());
    assert.deepEqual(await find(`orgUnitId=${store}`), [alice.id, carol.id].sort());
    assert.deepEqual(await find(`roleId=${r.sales}&orgUnitId=${store}`), [alice.id]);
    expectInvalid(await agent.get(`${STAFF}?status=gone`), 'status');

    const all = ids(await agent.get(STAFF));
    assert.deepEqual(all, [eve.id, dan.id, carol.id, bob.id, alice.id, ownerId], 'newest first, only this tenant');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await agent.get(`${STAFF}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(res.statusCode === 200 && res.data.items.length <= 2, res.body);
      seen.push(...ids(res));
      cursor = res.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, seen.length, 'no duplicates');
    assert.deepEqual(seen, all, 'every member once, in the same order');
  });

  it('gets and updates roles, units and name; unknown ids answer 404', async () => {
    const { agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const store = await addUnit(agent, '二号店');
    const s = await addStaff(agent, { name: '小李', phone: '13900000000', roleIds: [r.sales] });
    const got = await agent.get(`${STAFF}/${s.id}`);
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.data, s);
    const patch = { name: '李店员', phone: null, title: '店员', roleIds: [r.service, r.analyst], orgUnitIds: [store] };
    const upd = await agent.patch(`${STAFF}/${s.id}`, patch);
    assert.equal(upd.statusCode, 200, upd.body);
    const expected = fields({ ...s, ...patch });
    assert.deepEqual(fields(upd.data), expected);
    assert.deepEqual(fields((await agent.get(`${STAFF}/${s.id}`)).data), expected);
    expectInvalid(
      await agent.patch(`${STAFF}/${s.id}`, { orgUnitIds: ['org_0000000000aaaaaaaaaaaaaaaa'] }),
      'orgUnitIds',
    );
    const missing = 'stf_0000000000aaaaaaaaaaaaaaaa';
    expectError(await agent.get(`${STAFF}/${missing}`), 404, 'NOT_FOUND');
    expectError(await agent.patch(`${STAFF}/${missing}`, { name: 'x' }), 404, 'NOT_FOUND');
    expectInvalid(await agent.get(`${STAFF}/not-an-id`), 'id');
  });

  it('refuses a taken email (409 EMAIL_TAKEN) and unknown or foreign role ids (400 roleIds)', async () => {
    const { agent } = await ownerOfNewTenant();
    const other = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const s = await addStaff(agent, { roleIds: [r.sales] });
    expectError(await hire(agent, { email: s.email.toUpperCase(), roleIds: [r.sales] }), 409, 'EMAIL_TAKEN');
    for (const roleId of ['rol_0000000000aaaaaaaaaaaaaaaa', (await roleIds(other.agent)).sales]) {
      const email = mail('ghost');
      expectInvalid(await hire(agent, { email, roleIds: [roleId] }), 'roleIds');
      assert.equal((await agent.get(`${STAFF}?q=${email}`)).data.items.length, 0, 'nothing was created');
    }
    expectInvalid(await hire(agent, { roleIds: [] }), 'roleIds');
  });

  it('disabling ends the sessions (401) and blocks login (403); enabling lets them back in', async () => {
    const { app, agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const s = await addStaff(agent, { roleIds: [r.operator] });
    const them = await loginAs(app, s.email, TEST_PASSWORD);
    const off = await agent.post(`${STAFF}/${s.id}/disable`);
    assert.deepEqual([off.statusCode, off.data.status], [200, 'disabled']);
    expectError(await them.get('/api/admin/auth/me'), 401, 'UNAUTHORIZED');
    expectError(await login(app, s.email, TEST_PASSWORD), 403, 'FORBIDDEN');
    const on = await agent.post(`${STAFF}/${s.id}/enable`);
    assert.deepEqual([on.statusCode, on.data.status], [200, 'active']);
    assert.equal((await me(await loginAs(app, s.email, TEST_PASSWORD))).staff.id, s.id);
  });

  it('nobody disables themselves, and the last active owner is neither disabled nor demoted (409)', async () => {
    const { app, agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const ownerId = (await me(agent)).staff.id;
    expectError(await agent.post(`${STAFF}/${ownerId}/disable`), 409, 'CANNOT_DISABLE_SELF');
    expectError(await agent.patch(`${STAFF}/${ownerId}`, { roleIds: [r.admin] }), 409, 'LAST_OWNER');
    const admin = await loginAs(app, (await addStaff(agent, { roleIds: [r.admin] })).email, TEST_PASSWORD);
    expectError(await admin.post(`${STAFF}/${ownerId}/disable`), 409, 'LAST_OWNER');
    expectError(await admin.patch(`${STAFF}/${ownerId}`, { roleIds: [r.admin] }), 409, 'LAST_OWNER');
    const owner = (await agent.get(`${STAFF}/${ownerId}`)).data;
    assert.deepEqual([owner.roleIds, owner.status], [[r.owner], 'active']);
    const second = await addStaff(agent, { roleIds: [r.owner] });
    assert.equal((await admin.patch(`${STAFF}/${ownerId}`, { roleIds: [r.admin] })).statusCode, 200);
    expectError(await admin.post(`${STAFF}/${second.id}/disable`), 409, 'LAST_OWNER');
  });

  it('resets a password: the generated one works, the old one fails, their sessions end', async () => {
    const { app, agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const s = await addStaff(agent, { roleIds: [r.operator] });
    const them = await loginAs(app, s.email, TEST_PASSWORD);
    const res = await agent.post(`${STAFF}/${s.id}/reset-password`, {});
    assert.equal(res.statusCode, 200, res.body);
    const temp = res.data.temporaryPassword;
    assert.ok(typeof temp === 'string' && temp.length >= 8, res.body);
    expectError(await them.get('/api/admin/auth/me'), 401, 'UNAUTHORIZED');
    expectError(await login(app, s.email, TEST_PASSWORD), 401, 'INVALID_CREDENTIALS');
    await loginAs(app, s.email, temp);
    const chosen = await agent.post(`${STAFF}/${s.id}/reset-password`, { password: 'chosen-pass-9' });
    assert.deepEqual(chosen.data, { temporaryPassword: null });
    await loginAs(app, s.email, 'chosen-pass-9');
  });

  it('a staff.write holder without roles.write cannot grant the admin or owner role (403)', async () => {
    const { app, agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const hrRole = await addRole(agent, ['staff.read', 'staff.write', 'org.read', ...SALES_CUSTOMER_PERMS], 'all');
    const hr = await addStaff(agent, { roleIds: [hrRole] });
    const hrAgent = await loginAs(app, hr.email, TEST_PASSWORD);
    for (const key of ['admin', 'owner']) {
      expectError(await hire(hrAgent, { email: mail(key), roleIds: [r[key]] }), 403, 'FORBIDDEN');
      expectError(await hrAgent.patch(`${STAFF}/${hr.id}`, { roleIds: [r[key]] }), 403, 'FORBIDDEN');
    }
    assert.deepEqual((await agent.get(`${STAFF}/${hr.id}`)).data.roleIds, [hrRole]);
    assert.deepEqual((await addStaff(hrAgent, { roleIds: [r.sales] })).roleIds, [r.sales], 'lesser roles are fine');
  });

  it("a staff.write holder cannot take over the owner's account by resetting its password (403)", async () => {
    const { app, agent, tenant } = await ownerOfNewTenant();
    const hrRole = await addRole(agent, ['staff.read', 'staff.write'], 'all');
    const hrAgent = await loginAs(app, (await addStaff(agent, { roleIds: [hrRole] })).email, TEST_PASSWORD);
    const res = await hrAgent.post(`${STAFF}/${(await me(agent)).staff.id}/reset-password`, {});
    assert.equal(res.statusCode, 403, `the owner's password was reset by a lesser role: ${res.body}`);
    await loginAs(app, tenant.ownerEmail, TEST_PASSWORD);
  });

  it('a store manager (data scope org_units) sees and manages only staff of its store and sub-units', async () => {
    const { app, agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const storeA = await addUnit(agent, 'A 店');
    const counterA = await addUnit(agent, 'A 店收银台', storeA, 'department');
    const storeB = await addUnit(agent, 'B 店');
    const mgrRole = await addRole(
      agent,
      ['staff.read', 'staff.write', 'org.read', 'settings.read', ...SALES_CUSTOMER_PERMS],
      'org_units',
    );
    const mgr = await addStaff(agent, { name: '店长', roleIds: [mgrRole], orgUnitIds: [storeA] });
    const a1 = await addStaff(agent, { roleIds: [r.sales], orgUnitIds: [storeA] });
    const a2 = await addStaff(agent, { roleIds: [r.sales], orgUnitIds: [counterA] });
    const b1 = await addStaff(agent, { roleIds: [r.sales], orgUnitIds: [storeB] });
    const m = await loginAs(app, mgr.email, TEST_PASSWORD);
    assert.equal((await me(m)).dataScope, 'org_units');
    assert.deepEqual(ids(await m.get(STAFF)).sort(), [mgr.id, a1.id, a2.id].sort());
    assert.deepEqual(ids(await m.get(`${STAFF}?orgUnitId=${storeB}`)), []);
    assert.equal((await m.get(`${STAFF}/${a2.id}`)).statusCode, 200);
    expectError(await m.get(`${STAFF}/${b1.id}`), 404, 'NOT_FOUND');
    expectError(await m.patch(`${STAFF}/${b1.id}`, { name: 'x' }), 404, 'NOT_FOUND');
    expectError(await m.post(`${STAFF}/${b1.id}/disable`), 404, 'NOT_FOUND');
    expectInvalid(await hire(m, { roleIds: [r.sales], orgUnitIds: [storeB] }), 'orgUnitIds');
    expectInvalid(await m.patch(`${STAFF}/${a1.id}`, { orgUnitIds: [storeB] }), 'orgUnitIds');
    const wide = await hire(m, { roleIds: [r.operator], orgUnitIds: [storeA] });
    assert.equal(wide.statusCode, 403, 'a role with data scope all is wider than the manager');
    const inA = await addStaff(m, { name: 'A 店员', roleIds: [r.sales], orgUnitIds: [storeA] });
    assert.deepEqual(inA.orgUnitIds, [storeA]);
    assert.deepEqual(ids(await m.get(STAFF)).sort(), [mgr.id, a1.id, a2.id, inA.id].sort());
    assert.deepEqual((await agent.get(`${STAFF}/${b1.id}`)).data.name, 'Staff', 'store B untouched');
  });
});
