import { and, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { rowsOf } from '../../platform';
import { products, skus, stock } from '../catalog.tables';

export type ProductRow = typeof products.$inferSelect;
export type SkuRow = typeof skus.$inferSelect;
export type ProductValues = typeof products.$inferInsert;
export type SkuValues = typeof skus.$inferInsert;

/** Product columns without the search vector (lists never need it). */
export const PRODUCT_COLUMNS = {
  tenantId: products.tenantId,
  id: products.id,
  title: products.title,
  subtitle: products.subtitle,
  categoryId: products.categoryId,
  status: products.status,
  sortWeight: products.sortWeight,
  tags: products.tags,
  description: products.description,
  imageIds: products.imageIds,
  specs: products.specs,
  lowStockThreshold: products.lowStockThreshold,
  priceMin: products.priceMin,
  priceMax: products.priceMax,
  listPrice: products.listPrice,
  salesCount: products.salesCount,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  deletedAt: products.deletedAt,
};
export type ProductListRow = Omit<ProductRow, 'search'>;

export const insertProductRow = (db: Db, row: ProductValues) => db.insert(products).values(row);
export const updateProductRow = (db: Db, tenantId: string, id: string, set: Partial<ProductValues>) =>
  db
    .update(products)
    .set(set)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)));

export async function findProductRow(db: Db, tenantId: string, id: string): Promise<ProductListRow | undefined> {
  const [row] = await db
    .select(PRODUCT_COLUMNS)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id), isNull(products.deletedAt)));
  return row;
}

export const productRowsByIds = (db: Db, tenantId: string, ids: string[]) =>
  ids.length
    ? db
        .select(PRODUCT_COLUMNS)
        .from(products)
        .where(and(eq(products.tenantId, tenantId), inArray(products.id, ids), isNull(products.deletedAt)))
    : Promise.resolve([] as ProductListRow[]);

/** Products (not deleted) of some categories, with what their search tokens are made of. */
export const productTextsInCategories = (db: Db, tenantId: string, categoryIds: string[]) =>
  db
    .select({
      id: products.id,
      title: products.title,
      subtitle: products.subtitle,
      tags: products.tags,
      categoryId: products.categoryId,
    })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.categoryId, categoryIds), isNull(products.deletedAt)));

export const setProductSearch = (db: Db, tenantId: string, id: string, vector: SQL) =>
  db
    .update(products)
    .set({ search: vector as unknown as string })
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)));

/** Admin list page: filters as conditions, newest first, keyset on id. */
export const listProductRows = (
  db: Db,
  tenantId: string,
  where: (SQL | undefined)[],
  cursor: string | undefined,
  limit: number,
) =>
  db
    .select(PRODUCT_COLUMNS)
    .from(products)
    .where(
      and(
        eq(products.tenantId, tenantId),
        isNull(products.deletedAt),
        cursor ? lt(products.id, cursor) : undefined,
        ...where,
      ),
    )
    .orderBy(desc(products.id))
    .limit(limit);

export const productsTable = products;

/**
 * Products with some enabled SKU at or below the product's threshold at some location: a stock row
 * that low, or — for products on sale — one of `locationIds` holding no row for it (never stocked
 * there counts as zero).
 */
export const lowStockCondition = (locationIds: string[]) => sql`(exists (
  select 1 from ${stock} s join ${skus} k on k.tenant_id = s.tenant_id and k.id = s.sku_id
  where s.tenant_id = ${products.tenantId} and s.product_id = ${products.id}
    and k.enabled and k.deleted_at is null and s.on_hand - s.reserved <= ${products.lowStockThreshold})${
      locationIds.length
        ? sql` or exists (
  select 1 from ${skus} k cross join (values ${sql.join(
    locationIds.map((id) => sql`(${id})`),
    sql`, `,
  )}) as l(id)
  where ${products.status} = 'on_sale' and k.tenant_id = ${products.tenantId} and k.product_id = ${products.id}
    and k.enabled and k.deleted_at is null and not exists (select 1 from ${stock} x where x.tenant_id = k.tenant_id and x.sku_id = k.id and x.location_id = l.id))`
        : sql``
    })`;

export async function productsWithLowStock(db: Db, tenantId: string, ids: string[], locationIds: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, ids), lowStockCondition(locationIds)));
  return new Set(rows.map((r) => r.id));
}

export async function distinctTags(db: Db, tenantId: string) {
  const r = await db.execute(sql`select t.tag, count(*)::int as count
    from ${products} p, unnest(p.tags) as t(tag)
    where p.tenant_id = ${tenantId} and p.deleted_at is null group by t.tag order by count(*) desc, t.tag limit 500`);
  return rowsOf<{ tag: string; count: number }>(r).map((x) => ({
    tag: x.tag,
    count: Number(x.count),
  }));
}

// ---- SKUs ----------------------------------------------------------------------------------------

/** SKUs of products; deleted ones only when asked (the matrix revives a combination that comes back). */
export const skuRowsOf = (db: Db, tenantId: string, productIds: string[], withDeleted = false) =>
  productIds.length
    ? db
        .select()
        .from(skus)
        .where(
          and(
            eq(skus.tenantId, tenantId),
            inArray(skus.productId, productIds),
            withDeleted ? undefined : isNull(skus.deletedAt),
          ),
        )
        .orderBy(skus.productId, skus.position)
    : Promise.resolve([] as SkuRow[]);

export const insertSkuRows = (db: Db, rows: SkuValues[]) =>
  rows.length ? db.insert(skus).values(rows) : Promise.resolve();
export const updateSkuRow = (db: Db, tenantId: string, id: string, set: Partial<SkuValues>) =>
  db
    .update(skus)
    .set(set)
    .where(and(eq(skus.tenantId, tenantId), eq(skus.id, id)));

/** Stock totals per SKU over all locations. */
export async function stockTotalsOfSkus(db: Db, tenantId: string, skuIds: string[]) {
  if (!skuIds.length) return new Map<string, { onHand: number; reserved: number }>();
  const rows = await db
    .select({
      skuId: stock.skuId,
      onHand: sql<number>`sum(${stock.onHand})::int`,
      reserved: sql<number>`sum(${stock.reserved})::int`,
    })
    .from(stock)
    .where(and(eq(stock.tenantId, tenantId), inArray(stock.skuId, skuIds)))
    .groupBy(stock.skuId);
  return new Map(rows.map((r) => [r.skuId, { onHand: Number(r.onHand), reserved: Number(r.reserved) }]));
}

/** Many products at once (bulk loads), a statement per 500. */
export async function insertProductRows(db: Db, rows: ProductValues[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(products).values(rows.slice(i, i + 500));
}
export async function insertManySkuRows(db: Db, rows: SkuValues[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(skus).values(rows.slice(i, i + 1000));
}

/** Serialises edits of one product's SKU matrix (two editors must not insert the same combination). */
export const lockProductRow = (db: Db, tenantId: string, id: string) =>
  db.execute(sql`select 1 from ${products} where tenant_id = ${tenantId} and id = ${id} for update`);
