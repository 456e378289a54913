import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform';
import { categories, products, skus, stock } from '../catalog.tables';

export type CardRow = {
  id: string;
  title: string;
  subtitle: string | null;
  category_id: string;
  tags: string[];
  cover: string | null;
  price_min: number;
  price_max: number;
  list_price: number | null;
  sales_count: number;
  in_stock: boolean;
};

export type ShopListQuery = {
  categoryIds?: string[];
  priceMin?: number;
  priceMax?: number;
  inStock?: boolean;
  tsquery?: string | null;
  orderBy: 'rank' | 'weight' | 'sales' | 'price_asc' | 'price_desc' | 'newest';
  offset: number;
  limit: number;
};

const inStockSql = sql`exists (select 1 from ${stock} s join ${skus} k on k.tenant_id = s.tenant_id and k.id = s.sku_id
  where s.tenant_id = p.tenant_id and s.product_id = p.id and k.enabled and k.deleted_at is null and s.on_hand > s.reserved)`;

const ORDER: Record<ShopListQuery['orderBy'], SQL> = {
  rank: sql`rank desc, p.sales_count desc, p.id desc`,
  weight: sql`p.sort_weight desc, p.id desc`,
  sales: sql`p.sales_count desc, p.id desc`,
  price_asc: sql`p.price_min asc, p.id desc`,
  price_desc: sql`p.price_min desc, p.id desc`,
  newest: sql`p.id desc`,
};

/** A page of products on sale as storefront cards, in one statement. */
export async function shopCardRows(db: Db, t: string, q: ShopListQuery) {
  const w: SQL[] = [sql`p.tenant_id = ${t}`, sql`p.status = 'on_sale'`, sql`p.deleted_at is null`];
  if (q.categoryIds)
    w.push(
      sql`p.category_id in (${sql.join(
        q.categoryIds.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  if (q.priceMin !== undefined) w.push(sql`p.price_max >= ${q.priceMin}`);
  if (q.priceMax !== undefined) w.push(sql`p.price_min <= ${q.priceMax}`);
  if (q.tsquery) w.push(sql`p.search @@ ${q.tsquery}::tsquery`);
  if (q.inStock) w.push(inStockSql);
  const rank = q.tsquery ? sql`ts_rank(p.search, ${q.tsquery}::tsquery)` : sql`0`;
  // The page first, then whether each of its products is in stock: as a column of the inner query the
  // planner hashes the whole stock table for every page (~120 ms at 20k products) instead of 20 lookups.
  const r = await db.execute(sql`select p.*, ${inStockSql} as in_stock from (
      select p.tenant_id, p.id, p.title, p.subtitle, p.category_id, p.tags, p.image_ids[1] as cover,
        p.price_min, p.price_max, p.list_price, p.sales_count, p.sort_weight, ${rank} as rank
      from ${products} p where ${sql.join(w, sql` and `)}
      order by ${ORDER[q.orderBy]} limit ${q.limit} offset ${q.offset}) p
    order by ${ORDER[q.orderBy]}`);
  return rowsOf<CardRow>(r);
}

export async function shopProductRow(db: Db, t: string, id: string) {
  const r = await db.execute(sql`select p.id, p.title, p.subtitle, p.category_id, p.tags, p.image_ids, p.description,
      p.specs, p.price_min, p.price_max, p.list_price, p.sales_count,
      (select c.name from ${categories} c where c.tenant_id = p.tenant_id and c.id = p.category_id) as category_name
    from ${products} p where p.tenant_id = ${t} and p.id = ${id} and p.status = 'on_sale' and p.deleted_at is null`);
  return rowsOf<{
    id: string;
    title: string;
    subtitle: string | null;
    category_id: string;
    category_name: string | null;
    tags: string[];
    image_ids: string[];
    description: string;
    specs: { name: string; values: string[] }[];
    price_min: number;
    price_max: number;
    list_price: number | null;
    sales_count: number;
  }>(r)[0];
}

/** Enabled SKUs of a product with the units available over all locations. */
export async function shopSkuRows(db: Db, t: string, productId: string) {
  const r = await db.execute(sql`select k.id, k.spec, k.spec_text, k.price, k.list_price,
      coalesce((select sum(s.on_hand - s.reserved) from ${stock} s where s.tenant_id = k.tenant_id and s.sku_id = k.id), 0)::int as available
    from ${skus} k where k.tenant_id = ${t} and k.product_id = ${productId} and k.enabled and k.deleted_at is null
    order by k.position`);
  return rowsOf<{
    id: string;
    spec: Record<string, string>;
    spec_text: string;
    price: number;
    list_price: number | null;
    available: number;
  }>(r);
}

export type SkuSnapshotRow = {
  id: string;
  product_id: string;
  title: string;
  spec_text: string;
  cover: string | null;
  price: number;
  enabled: boolean;
  sku_deleted: boolean;
  product_deleted: boolean;
  status: 'draft' | 'on_sale' | 'off_sale';
  available: number;
};

/** SKUs by id with their product's title, status and cover and the units available (all locations, or one). */
export async function skuSnapshotRows(db: Db, t: string, skuIds: string[], locationId?: string) {
  if (!skuIds.length) return [];
  const at = locationId ? sql` and s.location_id = ${locationId}` : sql``;
  const r = await db.execute(sql`select k.id, k.product_id, p.title, k.spec_text, p.image_ids[1] as cover, k.price,
      k.enabled, k.deleted_at is not null as sku_deleted, p.deleted_at is not null as product_deleted, p.status,
      coalesce((select sum(s.on_hand - s.reserved) from ${stock} s
        where s.tenant_id = k.tenant_id and s.sku_id = k.id${at}), 0)::int as available
    from ${skus} k join ${products} p on p.tenant_id = k.tenant_id and p.id = k.product_id
    where k.tenant_id = ${t} and k.id in (${sql.join(
      skuIds.map((s) => sql`${s}`),
      sql`, `,
    )})`);
  return rowsOf<SkuSnapshotRow>(r).map((x) => ({ ...x, price: Number(x.price), available: Number(x.available) }));
}
