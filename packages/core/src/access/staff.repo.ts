import { and, desc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Scope } from '../platform';
import { orgUnits, roles, staff, staffOrgUnits, staffRoles } from './access.tables';

export type StaffRow = typeof staff.$inferSelect;
type RoleRef = { id: string; key: string | null; name: string };
type UnitRef = { id: string; name: string; kind: 'department' | 'store' };
export type StaffWithLinks = StaffRow & { roles: RoleRef[]; orgUnits: UnitRef[] };

export const insertStaff = (db: Db, row: typeof staff.$inferInsert) => db.insert(staff).values(row);

export async function setStaffRoles(db: Db, tenantId: string, staffId: string, roleIds: string[]) {
  await db.delete(staffRoles).where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.staffId, staffId)));
  if (roleIds.length) await db.insert(staffRoles).values(roleIds.map((roleId) => ({ tenantId, staffId, roleId })));
}

export async function setStaffOrgUnits(db: Db, tenantId: string, staffId: string, unitIds: string[]) {
  await db.delete(staffOrgUnits).where(and(eq(staffOrgUnits.tenantId, tenantId), eq(staffOrgUnits.staffId, staffId)));
  if (unitIds.length)
    await db.insert(staffOrgUnits).values(unitIds.map((orgUnitId) => ({ tenantId, staffId, orgUnitId })));
}

/** The member's roles and units with their names, so lists need no second lookup. */
const rolesOf = sql<
  RoleRef[]
>`coalesce((select json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name) order by r.id)
  from ${staffRoles} sr join ${roles} r on r.tenant_id = sr.tenant_id and r.id = sr.role_id
  where sr.tenant_id = staff.tenant_id and sr.staff_id = staff.id), '[]'::json)`;
const unitsOf = sql<
  UnitRef[]
>`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) order by o.id)
  from ${staffOrgUnits} so join ${orgUnits} o on o.tenant_id = so.tenant_id and o.id = so.org_unit_id
  where so.tenant_id = staff.tenant_id and so.staff_id = staff.id), '[]'::json)`;

const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const withLinks = (r: { s: StaffRow; roles: RoleRef[]; orgUnits: UnitRef[] }): StaffWithLinks => ({
  ...r.s,
  roles: parse(r.roles),
  orgUnits: parse(r.orgUnits),
});

/** Staff visible in `scope`: all, members of the given units, or only oneself. */
export function scopeCondition(tenantId: string, scope: Scope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'self') return eq(staff.id, scope.staffId);
  if (!scope.unitIds.length) return sql`false`;
  return sql`exists (select 1 from ${staffOrgUnits} so where so.tenant_id = ${tenantId} and so.staff_id = staff.id and so.org_unit_id in (${sql.join(
    scope.unitIds.map((u) => sql`${u}`),
    sql`, `,
  )}))`;
}

export async function findStaff(db: Db, tenantId: string, id: string, scope: Scope = { kind: 'all' }) {
  const [row] = await db
    .select({ s: staff, roles: rolesOf, orgUnits: unitsOf })
    .from(staff)
    .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id), scopeCondition(tenantId, scope)));
  return row ? withLinks(row) : undefined;
}

export async function findStaffByEmail(db: Db, tenantId: string, email: string) {
  const [row] = await db
    .select()
    .from(staff)
    .where(and(eq(staff.tenantId, tenantId), eq(staff.email, email)));
  return row;
}

/** Login looks across tenants: the same email may work for several brands (an agency). */
export const findStaffByEmailEverywhere = (db: Db, email: string) =>
  db.select().from(staff).where(eq(staff.email, email));

export type StaffFilter = {
  q?: string;
  status?: StaffRow['status'];
  roleId?: string;
  orgUnitId?: string;
  before?: string;
  limit: number;
};

export async function listStaffRows(db: Db, tenantId: string, scope: Scope, f: StaffFilter) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({ s: staff, roles: rolesOf, orgUnits: unitsOf })
    .from(staff)
    .where(
      and(
        eq(staff.tenantId, tenantId),
        scopeCondition(tenantId, scope),
        like ? or(ilike(staff.name, like), ilike(staff.email, like), ilike(staff.phone, like)) : undefined,
        f.status ? eq(staff.status, f.status) : undefined,
        f.roleId
          ? sql`exists (select 1 from ${staffRoles} sr where sr.tenant_id = ${tenantId} and sr.staff_id = staff.id and sr.role_id = ${f.roleId})`
          : undefined,
        f.orgUnitId
          ? sql`exists (select 1 from ${staffOrgUnits} so where so.tenant_id = ${tenantId} and so.staff_id = staff.id and so.org_unit_id = ${f.orgUnitId})`
          : undefined,
        f.before ? lt(staff.id, f.before) : undefined,
      ),
    )
    .orderBy(desc(staff.id))
    .limit(f.limit);
  return rows.map(withLinks);
}

export async function updateStaffRow(db: Db, tenantId: string, id: string, set: Partial<typeof staff.$inferInsert>) {
  await db
    .update(staff)
    .set(set)
    .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id)));
}

/** The roles a staff member holds (for permissions and data scope). */
export const rolesOfStaff = (db: Db, tenantId: string, staffId: string) =>
  db
    .select({ key: roles.key, permissions: roles.permissions, dataScope: roles.dataScope })
    .from(staffRoles)
    .innerJoin(roles, and(eq(roles.tenantId, staffRoles.tenantId), eq(roles.id, staffRoles.roleId)))
    .where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.staffId, staffId)));

export async function unitIdsOfStaff(db: Db, tenantId: string, staffId: string): Promise<string[]> {
  const rows = await db
    .select({ id: staffOrgUnits.orgUnitId })
    .from(staffOrgUnits)
    .where(and(eq(staffOrgUnits.tenantId, tenantId), eq(staffOrgUnits.staffId, staffId)));
  return rows.map((r) => r.id);
}

/** Active owners other than `exceptId` (the last owner may not be disabled or demoted). */
export async function countOtherActiveOwners(db: Db, tenantId: string, exceptId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(distinct staff.id)::int` })
    .from(staff)
    .innerJoin(staffRoles, and(eq(staffRoles.tenantId, staff.tenantId), eq(staffRoles.staffId, staff.id)))
    .innerJoin(roles, and(eq(roles.tenantId, staffRoles.tenantId), eq(roles.id, staffRoles.roleId)))
    .where(
      and(
        eq(staff.tenantId, tenantId),
        eq(roles.key, 'owner'),
        eq(staff.status, 'active'),
        sql`staff.id <> ${exceptId}`,
      ),
    );
  return r?.n ?? 0;
}

export const staffIdsIn = (db: Db, tenantId: string, ids: string[]) =>
  ids.length
    ? db
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.tenantId, tenantId), inArray(staff.id, ids)))
    : Promise.resolve([]);
