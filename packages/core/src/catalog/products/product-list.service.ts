import type { ProductFilter, ProductSummary } from '@siyu/contracts';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform';
import { categoryAndDescendants } from '../categories/category-tree';
import { toProducts } from './products.dto';
import { distinctTags, listProductRows, lowStockCondition, productsTable as p } from './products.repo';
import { stockLocationIds } from '../stock/stock.service';
import { productQueryText } from './search-tokens';

/** The SQL conditions of the admin filters (category includes its descendants). */
async function conditions(ctx: Ctx, f: ProductFilter) {
  const where = [];
  const tsq = f.q ? productQueryText(f.q) : null;
  if (f.q && !tsq) return null;
  if (tsq) where.push(sql`${p.search} @@ ${tsq}::tsquery`);
  if (f.categoryId) {
    const ids = await categoryAndDescendants(ctx, f.categoryId);
    if (!ids.length) return null;
    where.push(
      sql`${p.categoryId} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
  }
  if (f.status?.length)
    where.push(
      sql`${p.status} in (${sql.join(
        f.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.tag) where.push(sql`${p.tags} @> array[${f.tag}]::text[]`);
  if (f.priceMin !== undefined) where.push(sql`${p.priceMax} >= ${f.priceMin}`);
  if (f.priceMax !== undefined) where.push(sql`${p.priceMin} <= ${f.priceMax}`);
  if (f.lowStock !== undefined) {
    const low = lowStockCondition(await stockLocationIds(ctx));
    where.push(f.lowStock ? low : sql`not ${low}`);
  }
  return where;
}

export async function listProducts(
  ctx: Ctx,
  q: ProductFilter & { cursor?: string; limit: number },
): Promise<{ items: ProductSummary[]; nextCursor: string | null }> {
  const where = await conditions(ctx, q);
  if (!where) return { items: [], nextCursor: null };
  const rows = await listProductRows(ctx.db, ctx.tenantId, where, q.cursor, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: await toProducts(ctx, page, false),
    nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
  };
}

export async function listProductTags(ctx: Ctx) {
  return { items: await distinctTags(ctx.db, ctx.tenantId) };
}
