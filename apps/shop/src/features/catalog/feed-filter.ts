import { ShopSort } from '@siyu/contracts';
import type { z } from 'zod';

export type SortKey = z.infer<typeof ShopSort>;

/** What a product list or search result page is filtered and sorted by; kept in the page's URL. */
export type FeedFilter = {
  sort: SortKey;
  /** fen */
  priceMin?: number;
  /** fen */
  priceMax?: number;
  inStock?: boolean;
};

const fen = (v: string | null) => (v !== null && /^\d{1,12}$/.test(v) ? Number(v) : undefined);

/** Reads the filter from URL search params (`sort`, `priceMin`, `priceMax` in fen, `inStock=1`). */
export function readFilter(params: URLSearchParams): FeedFilter {
  const sort = ShopSort.safeParse(params.get('sort'));
  let priceMin = fen(params.get('priceMin'));
  let priceMax = fen(params.get('priceMax'));
  if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax)
    [priceMin, priceMax] = [priceMax, priceMin];
  return {
    sort: sort.success ? sort.data : 'relevance',
    priceMin,
    priceMax,
    inStock: params.get('inStock') === '1' ? true : undefined,
  };
}

/** Writes the filter into a copy of `params`, leaving other params (q, categoryId) alone. */
export function writeFilter(params: URLSearchParams, filter: FeedFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (k: string, v: string | undefined) => (v === undefined ? next.delete(k) : next.set(k, v));
  set('sort', filter.sort === 'relevance' ? undefined : filter.sort);
  set('priceMin', filter.priceMin?.toString());
  set('priceMax', filter.priceMax?.toString());
  set('inStock', filter.inStock ? '1' : undefined);
  return next;
}

/** The query of the products and search routes for a filter (the contract's string booleans). */
export const filterQuery = (filter: FeedFilter) => ({
  sort: filter.sort,
  priceMin: filter.priceMin,
  priceMax: filter.priceMax,
  inStock: filter.inStock ? ('true' as const) : undefined,
});

/** How many filters (not the sort) are set, for the badge on 筛选. */
export const activeFilterCount = (f: FeedFilter) =>
  (f.priceMin !== undefined || f.priceMax !== undefined ? 1 : 0) + (f.inStock ? 1 : 0);
