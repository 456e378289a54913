import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from '../profiles/profiles.tables';
import { tagRules } from './tags.tables';

export type TagRuleRow = typeof tagRules.$inferSelect;

export const listRuleRows = (db: Db, tenantId: string, opts: { enabledOnly?: boolean } = {}) =>
  db
    .select()
    .from(tagRules)
    .where(and(eq(tagRules.tenantId, tenantId), opts.enabledOnly ? eq(tagRules.enabled, true) : undefined))
    .orderBy(asc(tagRules.createdAt), asc(tagRules.id));

export async function findRuleRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(tagRules)
    .where(and(eq(tagRules.tenantId, tenantId), eq(tagRules.id, id)));
  return row;
}

export const insertRuleRow = (db: Db, row: typeof tagRules.$inferInsert) => db.insert(tagRules).values(row);
export const updateRuleRow = (db: Db, tenantId: string, id: string, set: Partial<typeof tagRules.$inferInsert>) =>
  db
    .update(tagRules)
    .set(set)
    .where(and(eq(tagRules.tenantId, tenantId), eq(tagRules.id, id)));
export const deleteRuleRow = (db: Db, tenantId: string, id: string) =>
  db.delete(tagRules).where(and(eq(tagRules.tenantId, tenantId), eq(tagRules.id, id)));

export async function ruleNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: tagRules.id, name: tagRules.name })
    .from(tagRules)
    .where(and(eq(tagRules.tenantId, tenantId), inArray(tagRules.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Tenants with at least one enabled rule (for the schedule). */
export async function tenantsWithEnabledRules(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: tagRules.tenantId })
    .from(tagRules)
    .where(eq(tagRules.enabled, true));
  return rows.map((r) => r.tenantId);
}

// ---- Customers a condition selects --------------------------------------------------------------

export const onlyCustomers = (ids: string[]): SQL => inArray(customers.id, ids);

export async function countCustomers(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  return r?.n ?? 0;
}

export async function sampleCustomers(db: Db, where: SQL, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(where)
    .orderBy(asc(customers.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
