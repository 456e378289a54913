import type { Ctx } from '../../platform';
import { categoryPaths } from '../categories/category-tree';
import { productsChanged } from '../shop/shop-cache';
import { productTextsInCategories, setProductSearch } from './products.repo';
import { productVector } from './search-tokens';

type Indexed = { id: string; title: string; subtitle: string | null; tags: string[]; categoryId: string };

/** Writes the search tokens of products (title, subtitle, tags and the names of their category path). */
export async function reindexProducts(ctx: Ctx, items: Indexed[], paths?: Map<string, string[]>) {
  if (!items.length) return;
  const names = paths ?? (await categoryPaths(ctx));
  for (const p of items)
    await setProductSearch(
      ctx.db,
      ctx.tenantId,
      p.id,
      productVector({ ...p, categoryNames: names.get(p.categoryId) ?? [] }),
    );
}

/** After a category is renamed or moved: its products and those below it get new tokens. */
export async function reindexProductsOfCategories(ctx: Ctx, categoryIds: string[]) {
  if (!categoryIds.length) return;
  const items = await productTextsInCategories(ctx.db, ctx.tenantId, categoryIds);
  await reindexProducts(ctx, items);
  await productsChanged(
    ctx,
    items.map((p) => p.id),
    'updated',
  );
}
