import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customFieldDefs } from './profiles.tables';

export type FieldDefRow = typeof customFieldDefs.$inferSelect;

export const listFieldDefs = (db: Db, tenantId: string) =>
  db
    .select()
    .from(customFieldDefs)
    .where(eq(customFieldDefs.tenantId, tenantId))
    .orderBy(asc(customFieldDefs.sort), asc(customFieldDefs.createdAt));

export async function findFieldDef(db: Db, tenantId: string, id: string) {
  const [r] = await db
    .select()
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.tenantId, tenantId), eq(customFieldDefs.id, id)));
  return r;
}

export const insertFieldDef = (db: Db, row: typeof customFieldDefs.$inferInsert) =>
  db.insert(customFieldDefs).values(row).onConflictDoNothing().returning();

export async function updateFieldDef(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<typeof customFieldDefs.$inferInsert>,
) {
  const [r] = await db
    .update(customFieldDefs)
    .set(set)
    .where(and(eq(customFieldDefs.tenantId, tenantId), eq(customFieldDefs.id, id)))
    .returning();
  return r;
}

export const deleteFieldDef = (db: Db, tenantId: string, id: string) =>
  db.delete(customFieldDefs).where(and(eq(customFieldDefs.tenantId, tenantId), eq(customFieldDefs.id, id)));
