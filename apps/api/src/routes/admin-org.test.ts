import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ALL_PERMISSIONS } from '@siyu/contracts';
import { dayIn } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { Agent, loginAs, ownerOfNewTenant, type Res } from '../testing';

const ROLES = '/api/admin/roles';
const UNITS = '/api/admin/org-units';
const SETTINGS = '/api/admin/settings';
const AUDIT = '/api/admin/audit-log';
const GHOST_UNIT = 'org_0000000000aaaaaaaaaaaaaaaa';

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
const pluck = <T = string>(res: Res, field = 'id'): T[] => res.data.items.map((x: Record<string, T>) => x[field]);
const byId = <T>(res: Res, field: string): Record<string, T> =>
  Object.fromEntries(res.data.items.map((x: Record<string, T>) => [x.id, x[field]]));
const me = async (agent: Agent) => (await agent.get('/api/admin/auth/me')).data;

async function roleIds(agent: Agent): Promise<Record<string, string>> {
  const res = await agent.get(ROLES);
  return Object.fromEntries(
    res.data.items.map((r: { key: string | null; name: string; id: string }) => [r.key ?? r.name, r.id]),
  );
}

/** Creates a staff member with TEST_PASSWORD and returns them with an agent logged in as them. */
async function staffAgent(owner: Agent, body: Record<string, unknown>) {
  const res = await owner.post('/api/admin/staff', {
    name: '员工',
    email: mail('s'),
    mode: 'password',
    password: TEST_PASSWORD,
    ...body,
  });
  assert.equal(res.statusCode, 201, res.body);
  return { staff: res.data.staff, agent: await loginAs(owner.app, res.data.staff.email, TEST_PASSWORD) };
}

describe('roles and permissions', () => {
  it('lists the built-in roles and the grouped permission catalog', async () => {
    const { agent } = await ownerOfNewTenant();
    const res = await agent.get(ROLES);
    assert.equal(res.statusCode, 200);
    const byKey = Object.fromEntries(res.data.items.map((r: { key: string }) => [r.key, r]));
    assert.deepEqual(Object.keys(byKey).sort(), ['admin', 'analyst', 'operator', 'owner', 'sales', 'service']);
    assert.deepEqual(new Set(pluck(res, 'builtIn')), new Set([true]));
    assert.deepEqual([...byKey.owner.permissions].sort(), [...ALL_PERMISSIONS].sort());
    assert.deepEqual([byKey.owner.staffCount, byKey.admin.staffCount, byKey.sales.dataScope], [1, 0, 'self']);
    assert.ok(byKey.analyst.permissions.every((p: string) => p.endsWith('.read') || p.endsWith('.view')));
    const perms = await agent.get('/api/admin/permissions');
    assert.equal(perms.statusCode, 200);
    const groups = perms.data.groups as { key: string; permissions: string[] }[];
    assert.deepEqual(groups.find((g) => g.key === 'staff')?.permissions, ['staff.read', 'staff.write']);
    assert.deepEqual(groups.flatMap((g) => g.permissions).sort(), [...ALL_PERMISSIONS].sort());
  });

  it('creates, updates and deletes custom roles; built-in, owner, duplicate and held roles are protected', async () => {
    const { agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const input = {
      name: '店长',
      description: '管门店',
      permissions: ['staff.read', 'org.read'],
      dataScope: 'org_units',
    };
    const created = await agent.post(ROLES, input);
    assert.equal(created.statusCode, 201, created.body);
    const { id, ...rest } = created.data;
    assert.deepEqual(rest, { ...input, key: null, builtIn: false, staffCount: 0 });
    expectInvalid(
      await agent.post(ROLES, { name: 'x', permissions: ['nope.read'], dataScope: 'all' }),
      'permissions.0',
    );
    const upd = await agent.patch(`${ROLES}/${id}`, { name: '门店经理', permissions: ['staff.read', 'staff.write'] });
    assert.equal(upd.statusCode, 200, upd.body);
    assert.deepEqual(upd.data, { ...created.data, name: '门店经理', permissions: ['staff.read', 'staff.write'] });
    expectError(await agent.post(ROLES, { name: '管理员', permissions: [], dataScope: 'all' }), 409, 'ROLE_NAME_TAKEN');
    expectError(await agent.patch(`${ROLES}/${id}`, { name: '运营' }), 409, 'ROLE_NAME_TAKEN');
    expectError(await agent.patch(`${ROLES}/${r.owner}`, { description: 'x' }), 403, 'OWNER_ROLE_LOCKED');
    assert.equal((await agent.patch(`${ROLES}/${r.service}`, { description: '售后' })).data.description, '售后');
    expectError(await agent.delete(`${ROLES}/${r.sales}`), 409, 'BUILT_IN_ROLE');
    await staffAgent(agent, { roleIds: [id] });
    expectError(await agent.delete(`${ROLES}/${id}`), 409, 'ROLE_IN_USE');
    assert.equal(byId(await agent.get(ROLES), 'staffCount')[id], 1);
    const unused = (await agent.post(ROLES, { name: '临时', permissions: [], dataScope: 'self' })).data.id;
    assert.deepEqual((await agent.delete(`${ROLES}/${unused}`)).data, { ok: true });
    assert.ok(!pluck(await agent.get(ROLES)).includes(unused));
    expectError(await agent.delete(`${ROLES}/${unused}`), 404, 'NOT_FOUND');
  });

  it('a roles.write holder cannot give a role it holds permissions it does not hold (403)', async () => {
    const { agent } = await ownerOfNewTenant();
    const role = await agent.post(ROLES, {
      name: '角色管理',
      permissions: ['roles.read', 'roles.write'],
      dataScope: 'all',
    });
    const { agent: ra } = await staffAgent(agent, { roleIds: [role.data.id] });
    const res = await ra.patch(`${ROLES}/${role.data.id}`, { permissions: [...ALL_PERMISSIONS] });
    assert.equal(res.statusCode, 403, `escalated itself to: ${(await me(ra)).permissions.join(', ')}`);
  });

  it('checks permissions: 403 without them; the analyst reads but cannot write; sales (scope self) sees itself', async () => {
    const { agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const sales = await staffAgent(agent, { roleIds: [r.sales] });
    expectError(await sales.agent.get('/api/admin/staff'), 403, 'FORBIDDEN');
    assert.equal((await sales.agent.get(ROLES)).statusCode, 403);
    assert.equal((await sales.agent.get(UNITS)).statusCode, 200);

    const analyst = (await staffAgent(agent, { roleIds: [r.analyst] })).agent;
    for (const url of ['/api/admin/staff', ROLES, '/api/admin/permissions', UNITS, SETTINGS, AUDIT])
      assert.equal((await analyst.get(url)).statusCode, 200, url);
    const writes: [string, Res][] = [
      ['staff', await analyst.post('/api/admin/staff', { name: 'x', email: mail('x'), roleIds: [r.sales] })],
      ['role', await analyst.post(ROLES, { name: 'x', permissions: [], dataScope: 'self' })],
      ['unit', await analyst.post(UNITS, { kind: 'store', name: 'x' })],
      ['settings', await analyst.patch(SETTINGS, { brandName: 'x' })],
      ['disable', await analyst.post(`/api/admin/staff/${sales.staff.id}/disable`)],
    ];
    for (const [what, res] of writes)
      assert.equal(`${what}: ${res.statusCode} ${res.data.error?.code}`, `${what}: 403 FORBIDDEN`);
    assert.equal((await agent.get(UNITS)).data.items.length, 0, 'nothing was written');
    assert.notEqual((await agent.get(SETTINGS)).data.brandName, 'x');
    assert.equal((await agent.get(`/api/admin/staff/${sales.staff.id}`)).data.status, 'active');

    assert.equal(
      (await agent.patch(`${ROLES}/${r.sales}`, { permissions: ['org.read', 'staff.read'] })).statusCode,
      200,
    );
    const mine = await sales.agent.get('/api/admin/staff');
    assert.equal(mine.statusCode, 200, 'the new permission applies to the open session');
    assert.deepEqual(pluck(mine), [sales.staff.id]);
    assert.equal((await sales.agent.get(`/api/admin/staff/${(await me(agent)).staff.id}`)).statusCode, 404);
  });
});

describe('org units', () => {
  it('builds a tree, updates, refuses cycles, and deletes only empty leaves; staffCount counts members', async () => {
    const { agent } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const dept = await agent.post(UNITS, { kind: 'department', name: '华东区', code: 'EAST' });
    assert.equal(dept.statusCode, 201, dept.body);
    const { id: deptId, ...fields } = dept.data;
    const blank = { address: null, latitude: null, longitude: null, phone: null, staffCount: 0 };
    assert.deepEqual(fields, { parentId: null, kind: 'department', name: '华东区', code: 'EAST', ...blank });
    const shop = {
      ...{ kind: 'store', name: '上海一店', parentId: deptId, address: '南京路 1 号', phone: '021-12345678' },
      ...{ latitude: 31.2352, longitude: 121.4751 },
    };
    const store = await agent.post(UNITS, shop);
    assert.equal(store.statusCode, 201);
    const storeId = store.data.id;
    assert.deepEqual(store.data, { ...shop, id: storeId, code: null, staffCount: 0 });
    expectInvalid(await agent.post(UNITS, { kind: 'store', name: 'y', latitude: 91, longitude: 0 }), 'latitude');
    expectInvalid(await agent.post(UNITS, { kind: 'store', name: 'y', latitude: 30 }), 'longitude');
    expectInvalid(await agent.patch(`${UNITS}/${deptId}`, { longitude: 181 }), 'longitude');
    expectInvalid(await agent.patch(`${UNITS}/${deptId}`, { latitude: 30 }), 'longitude');
    expectInvalid(await agent.post(UNITS, { kind: 'store', name: 'x', parentId: GHOST_UNIT }), 'parentId');
    assert.deepEqual(byId(await agent.get(UNITS), 'parentId'), { [deptId]: null, [storeId]: deptId });

    const upd = await agent.patch(`${UNITS}/${storeId}`, { name: '上海旗舰店', code: 'SH01' });
    assert.deepEqual(upd.data, { ...store.data, name: '上海旗舰店', code: 'SH01' });
    for (const parentId of [storeId, deptId])
      expectInvalid(await agent.patch(`${UNITS}/${deptId}`, { parentId }), 'parentId');
    assert.equal((await agent.patch(`${UNITS}/${storeId}`, { parentId: null })).data.parentId, null);
    assert.equal((await agent.patch(`${UNITS}/${storeId}`, { parentId: deptId })).data.parentId, deptId);
    expectError(await agent.patch(`${UNITS}/${GHOST_UNIT}`, { name: 'x' }), 404, 'NOT_FOUND');

    expectError(await agent.delete(`${UNITS}/${deptId}`), 409, 'ORG_UNIT_HAS_CHILDREN');
    await staffAgent(agent, { roleIds: [r.sales], orgUnitIds: [storeId] });
    await staffAgent(agent, { roleIds: [r.sales], orgUnitIds: [storeId, deptId] });
    assert.deepEqual(byId(await agent.get(UNITS), 'staffCount'), { [deptId]: 1, [storeId]: 2 });
    expectError(await agent.delete(`${UNITS}/${storeId}`), 409, 'ORG_UNIT_HAS_STAFF');
    const empty = (await agent.post(UNITS, { kind: 'store', name: '空店', parentId: deptId })).data.id;
    assert.deepEqual((await agent.delete(`${UNITS}/${empty}`)).data, { ok: true });
    assert.deepEqual(pluck(await agent.get(UNITS)).sort(), [deptId, storeId].sort());
    expectError(await agent.delete(`${UNITS}/${empty}`), 404, 'NOT_FOUND');
  });
});

describe('settings', () => {
  it('answers defaults, updates brand, logo, time zone and locale, and validates them', async () => {
    const { app, agent, tenant } = await ownerOfNewTenant();
    const defaults = await agent.get(SETTINGS);
    assert.equal(defaults.statusCode, 200);
    const zh = { timeZone: 'Asia/Shanghai', currency: 'CNY', locale: 'zh-CN' };
    assert.deepEqual(defaults.data, { brandName: `Tenant ${tenant.slug}`, logoUrl: null, ...zh });
    const change = {
      brandName: '小鹿咖啡',
      logoUrl: 'data:image/png;base64,iVBORw0KGgo=',
      timeZone: 'Asia/Tokyo',
      locale: 'en',
    };
    const upd = await agent.patch(SETTINGS, change);
    assert.equal(upd.statusCode, 200, upd.body);
    const expected = { ...change, currency: 'CNY' };
    assert.deepEqual(upd.data, expected);
    assert.deepEqual((await agent.get(SETTINGS)).data, expected);
    assert.deepEqual((await me(agent)).settings, expected);
    const shop = (await new Agent(app).get(`/api/shop/t/${tenant.slug}/storefront`)).data;
    assert.deepEqual([shop.brandName, shop.logoUrl], ['小鹿咖啡', change.logoUrl]);
    expectInvalid(await agent.patch(SETTINGS, { timeZone: 'Mars/Olympus' }), 'timeZone');
    for (const logoUrl of ['data:text/html;base64,PHNjcmlwdD4=', 'javascript:alert(1)', 'ftp://x/logo.png'])
      expectInvalid(await agent.patch(SETTINGS, { logoUrl }), 'logoUrl');
    expectInvalid(await agent.patch(SETTINGS, { locale: 'fr' }), 'locale');
    assert.deepEqual((await agent.get(SETTINGS)).data, expected, 'refused changes leave the settings alone');
    assert.equal((await agent.patch(SETTINGS, { logoUrl: null })).data.logoUrl, null);
  });
});

describe('audit log', () => {
  it('records admin writes (action, entity, actor, summary), newest first, with filters and pages', async () => {
    const { app, agent, clock, tenant } = await ownerOfNewTenant();
    const r = await roleIds(agent);
    const ownerId = (await me(agent)).staff.id;
    const step = async (p: Promise<Res>) => {
      const res = await p;
      assert.ok(res.statusCode < 300, res.body);
      clock.advance(1000); // ids and times sort by the (standing) test clock
      return res.data;
    };
    const role = await step(agent.post(ROLES, { name: '审计角色', permissions: ['audit.read'], dataScope: 'all' }));
    const unit = await step(agent.post(UNITS, { kind: 'store', name: '审计店' }));
    const email = mail('auditor');
    const hire = { name: '审计员', email, roleIds: [r.admin], mode: 'password', password: TEST_PASSWORD };
    const { staff } = await step(agent.post('/api/admin/staff', hire));
    await step(agent.patch(SETTINGS, { brandName: '新品牌', logoUrl: 'data:image/png;base64,AAAA' }));
    await step((await loginAs(app, email, TEST_PASSWORD)).patch(`/api/admin/staff/${staff.id}`, { title: '审计' }));

    const all = (await agent.get(AUDIT)).data.items;
    assert.deepEqual(
      all.map((e: Record<string, unknown>) => [e.action, e.entityType, e.entityId, e.actorId, e.actorName, e.summary]),
      [
        ['staff.update', 'staff', staff.id, staff.id, '审计员', 'Changed 审计员'],
        ['settings.update', 'tenant', tenant.tenantId, ownerId, 'Owner', 'Updated tenant settings'],
        ['staff.create', 'staff', staff.id, ownerId, 'Owner', `Created 审计员 <${email}>`],
        ['org_unit.create', 'org_unit', unit.id, ownerId, 'Owner', 'Created store 审计店'],
        ['role.create', 'role', role.id, ownerId, 'Owner', 'Created role 审计角色'],
      ],
    );
    assert.deepEqual(all[0].changes, { title: { from: null, to: '审计' } });
    const brand = { from: `Tenant ${tenant.slug}`, to: '新品牌' };
    assert.deepEqual(all[1].changes, { brandName: brand, logoUrl: { changed: true } }, 'the logo is not copied');
    const ats: number[] = all.map((e: { at: string }) => Date.parse(e.at));
    assert.deepEqual(
      ats,
      [...ats].sort((a, b) => b - a),
    );

    const q = async (qs: string) => {
      const res = await agent.get(`${AUDIT}?${qs}`);
      assert.equal(res.statusCode, 200, res.body);
      return pluck(res, 'action');
    };
    assert.deepEqual(await q(`actorId=${staff.id}`), ['staff.update']);
    assert.deepEqual(await q('action=staff'), ['staff.update', 'staff.create']);
    assert.deepEqual(await q('action=staff.create'), ['staff.create']);
    assert.deepEqual(await q('entityType=role'), ['role.create']);
    assert.deepEqual(await q(`entityType=staff&actorId=${ownerId}`), ['staff.create']);
    // Calendar days in the tenant's zone: from 16:00 UTC on, Shanghai is already on the next day.
    const day = (ms: number) => dayIn(new Date(ms), 'Asia/Shanghai');
    const [newest, oldest] = [ats[0], ats.at(-1)] as [number, number];
    assert.equal((await q(`from=${day(oldest)}&to=${day(newest)}`)).length, 5);
    assert.deepEqual(await q(`from=${day(newest + 86_400_000)}`), []);
    assert.deepEqual(await q(`to=${day(oldest - 86_400_000)}`), []);
    expectInvalid(await agent.get(`${AUDIT}?from=2026-1-1`), 'from');

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res = await agent.get(`${AUDIT}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...pluck(res));
      cursor = res.data.nextCursor;
    }
    assert.equal(cursor, null);
    assert.deepEqual(
      seen,
      all.map((e: { id: string }) => e.id),
    );
  });

  it("a reader of one tenant never sees another tenant's entries", async () => {
    const a = await ownerOfNewTenant();
    const b = await ownerOfNewTenant();
    const ua = (await a.agent.post(UNITS, { kind: 'store', name: 'A 店' })).data.id;
    const ub = (await b.agent.post(UNITS, { kind: 'store', name: 'B 店' })).data.id;
    const analyst = (await staffAgent(a.agent, { roleIds: [(await roleIds(a.agent)).analyst] })).agent;
    const entities = async (agent: Agent, qs = '') => pluck(await agent.get(`${AUDIT}?limit=200${qs}`), 'entityId');
    const seenByA = await entities(analyst);
    assert.ok(seenByA.includes(ua) && !seenByA.includes(ub), seenByA.join());
    assert.ok(!(await entities(b.agent)).includes(ua));
    assert.deepEqual(await entities(analyst, `&actorId=${(await me(b.agent)).staff.id}`), []);
  });

  it('refuses an impossible calendar date in from/to with 400, not 500', async () => {
    const { agent } = await ownerOfNewTenant();
    for (const qs of ['from=2026-13-01', 'to=2026-02-30'])
      expectInvalid(await agent.get(`${AUDIT}?${qs}`), qs.slice(0, qs.indexOf('=')));
  });

  it("filters from/to by calendar days in the tenant's time zone (Asia/Shanghai)", async () => {
    const { agent, clock } = await ownerOfNewTenant();
    const now = clock.now();
    // 18:00 UTC is 02:00 of the next day in Shanghai, the day the admin console shows for the entry.
    clock.set(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 18)));
    const unit = (await agent.post(UNITS, { kind: 'store', name: '夜班店' })).data.id;
    const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());
    const res = await agent.get(`${AUDIT}?from=${shanghaiDay}&to=${shanghaiDay}`);
    assert.deepEqual(pluck(res, 'entityId'), [unit], `entries of ${shanghaiDay} in Asia/Shanghai`);
  });
});
