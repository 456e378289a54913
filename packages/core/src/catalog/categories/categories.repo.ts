import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { categories, products } from '../catalog.tables';

export type CategoryRow = typeof categories.$inferSelect;

export const listCategoryRows = (db: Db, tenantId: string) =>
  db.select().from(categories).where(eq(categories.tenantId, tenantId));

export async function findCategoryRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(categories)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)));
  return row;
}

export async function siblingNamed(db: Db, tenantId: string, parentId: string | null, name: string) {
  const [row] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(
      and(
        eq(categories.tenantId, tenantId),
        parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId),
        eq(categories.name, name),
      ),
    );
  return row?.id ?? null;
}

export const insertCategoryRow = (db: Db, row: typeof categories.$inferInsert) => db.insert(categories).values(row);
export const updateCategoryRow = (db: Db, tenantId: string, id: string, set: Partial<typeof categories.$inferInsert>) =>
  db
    .update(categories)
    .set(set)
    .where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)));
export const deleteCategoryRow = (db: Db, tenantId: string, id: string) =>
  db.delete(categories).where(and(eq(categories.tenantId, tenantId), eq(categories.id, id)));

/** Products (not deleted) per category; `onSaleOnly` for the storefront. */
export async function productCountsByCategory(db: Db, tenantId: string, onSaleOnly = false) {
  const rows = await db
    .select({ categoryId: products.categoryId, n: sql<number>`count(*)::int` })
    .from(products)
    .where(
      and(
        eq(products.tenantId, tenantId),
        isNull(products.deletedAt),
        onSaleOnly ? eq(products.status, 'on_sale') : undefined,
      ),
    )
    .groupBy(products.categoryId);
  return new Map(rows.map((r) => [r.categoryId, Number(r.n)]));
}

/** Serialises category tree changes per tenant (cycles, depth and sibling names are checked by reading). */
export const lockCategoryTree = (db: Db, tenantId: string) =>
  db.execute(sql`select pg_advisory_xact_lock(hashtext(${`siyu.catalog.categories:${tenantId}`}))`);

export const insertCategoryRows = (db: Db, rows: (typeof categories.$inferInsert)[]) =>
  rows.length ? db.insert(categories).values(rows) : Promise.resolve();
