import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform';
import { rowsOf } from '../platform';
import { orgUnits, staffOrgUnits } from './access.tables';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export const insertOrgUnit = (db: Db, row: typeof orgUnits.$inferInsert) => db.insert(orgUnits).values(row);

const staffCount = sql<number>`(select count(*)::int from ${staffOrgUnits} s where s.tenant_id = org_units.tenant_id and s.org_unit_id = org_units.id)`;

export const listOrgUnitsWithCounts = (db: Db, tenantId: string) =>
  db
    .select({ unit: orgUnits, staffCount })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId))
    .orderBy(asc(orgUnits.createdAt), asc(orgUnits.id));

export async function findOrgUnit(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ unit: orgUnits, staffCount })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
  return row;
}

export async function countExistingOrgUnits(db: Db, tenantId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, ids)));
  return r?.n ?? 0;
}

export async function updateOrgUnitRow(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<typeof orgUnits.$inferInsert>,
) {
  await db
    .update(orgUnits)
    .set(set)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
}

export const deleteOrgUnitRow = (db: Db, tenantId: string, id: string) =>
  db.delete(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));

export async function countChildren(db: Db, tenantId: string, id: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.parentId, id)));
  return r?.n ?? 0;
}

/** The units and all their descendants (a store manager's data scope). */
export async function expandSubtree(db: Db, tenantId: string, rootIds: string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  const rows = await db.execute<{ id: string }>(sql`
    with recursive tree(id) as (
      select id from org_units where tenant_id = ${tenantId} and id in (${sql.join(
        rootIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      union
      select o.id from org_units o join tree t on o.parent_id = t.id where o.tenant_id = ${tenantId}
    ) select id from tree`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** Ids of the unit's ancestors, nearest first (to refuse moving a unit below itself). */
export async function ancestorsOf(db: Db, tenantId: string, id: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from org_units where tenant_id = ${tenantId} and id = ${id}
      union
      select o.id, o.parent_id from org_units o join up u on o.id = u.parent_id where o.tenant_id = ${tenantId}
    ) select id from up`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}
