import type { EventPayload } from '@siyu/contracts';
import { type Ctx, invalidate } from '../../platform';

/**
 * What the storefront's cached reads depend on (platform/read-cache.ts): list and search pages and
 * the category tab on `lists`, a product page on its product. Every catalog write says what it
 * changed through `catalogChanged` / `productsChanged`, inside its transaction.
 */
export const LISTS = 'catalog:lists';
export const productTag = (id: string) => `catalog:product:${id}`;

export type CatalogChange = {
  /** Product pages to drop. */
  productIds?: string[];
  /** Whether list pages, searches and category counts may have changed too. */
  lists?: boolean;
  /** Everything of the tenant's catalog (categories, bulk loads). */
  all?: boolean;
};

export function catalogChanged(ctx: Ctx, c: CatalogChange) {
  const tags = c.all ? ['*'] : [...(c.lists ? [LISTS] : []), ...[...new Set(c.productIds ?? [])].map(productTag)];
  return tags.length ? invalidate(ctx, tags) : Promise.resolve();
}

type Change = EventPayload<'catalog.product.changed'>['change'];

/** Products were written: their pages and every list go stale, and `catalog.product.changed` is emitted. */
export async function productsChanged(ctx: Ctx, productIds: string[], change: Change) {
  if (!productIds.length) return;
  await catalogChanged(ctx, { productIds, lists: true });
  await ctx.emit('catalog.product.changed', { productIds, change });
}
