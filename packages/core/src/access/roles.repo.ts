import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Db, jsonb } from '../platform';
import { roles, staffRoles } from './access.tables';

export type RoleRow = typeof roles.$inferSelect;

export const insertRoles = (db: Db, rows: (typeof roles.$inferInsert)[]) => db.insert(roles).values(rows);

export async function listRolesWithCounts(db: Db, tenantId: string) {
  return db
    .select({
      role: roles,
      staffCount: sql<number>`(select count(*)::int from ${staffRoles} sr where sr.tenant_id = roles.tenant_id and sr.role_id = roles.id)`,
    })
    .from(roles)
    .where(eq(roles.tenantId, tenantId))
    .orderBy(asc(roles.createdAt), asc(roles.id));
}

export async function findRole(db: Db, tenantId: string, id: string): Promise<RoleRow | undefined> {
  const [row] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));
  return row;
}

export async function findRoleByName(db: Db, tenantId: string, name: string): Promise<RoleRow | undefined> {
  const [row] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.name, name)));
  return row;
}

export const findRolesByIds = (db: Db, tenantId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(roles)
        .where(and(eq(roles.tenantId, tenantId), inArray(roles.id, ids)))
    : Promise.resolve([]);

export async function updateRoleRow(db: Db, tenantId: string, id: string, set: Partial<typeof roles.$inferInsert>) {
  const [row] = await db
    .update(roles)
    .set(set)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)))
    .returning();
  return row;
}

export const deleteRoleRow = (db: Db, tenantId: string, id: string) =>
  db.delete(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));

export async function countRoleHolders(db: Db, tenantId: string, roleId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffRoles)
    .where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.roleId, roleId)));
  return r?.n ?? 0;
}

/** Every tenant's built-in roles (the start-up sync; a few rows per tenant). */
export const builtInRoleRows = (db: Db): Promise<RoleRow[]> =>
  db.select().from(roles).where(isNotNull(roles.key)).orderBy(asc(roles.tenantId), asc(roles.id));

/** Sets a role's permissions and known template, unless another process synced it meanwhile. */
export async function syncRoleRow(db: Db, row: RoleRow, permissions: string[], template: string[]) {
  const same = row.templatePermissions
    ? sql`${roles.templatePermissions} = ${jsonb(row.templatePermissions)}`
    : isNull(roles.templatePermissions);
  const updated = await db
    .update(roles)
    .set({ permissions, templatePermissions: template })
    .where(and(eq(roles.tenantId, row.tenantId), eq(roles.id, row.id), same))
    .returning({ id: roles.id });
  return updated.length > 0;
}
