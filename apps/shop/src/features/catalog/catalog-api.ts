import { type Output, shopCatalogRoutes, shopHotWordRoutes } from '@siyu/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { type FeedFilter, filterQuery } from './feed-filter';

export type ShopCategoryView = Output<typeof shopCatalogRoutes.categories>['items'][number];
export type ProductPage = Output<typeof shopCatalogRoutes.products>;
export type SearchPage = Output<typeof shopCatalogRoutes.search>;

export const catalogKeys = {
  categories: (slug: string) => ['catalog', slug, 'categories'] as const,
  products: (slug: string, categoryId: string | undefined, filter: FeedFilter) =>
    ['catalog', slug, 'products', categoryId ?? null, filter] as const,
  search: (slug: string, q: string, filter: FeedFilter) => ['catalog', slug, 'search', q, filter] as const,
  product: (slug: string, id: string) => ['catalog', slug, 'product', id] as const,
  hotWords: (slug: string) => ['catalog', slug, 'hot-words'] as const,
};

/** Lists stay fresh for a minute, so going back from a product shows the pages already loaded. */
const LIST_STALE_MS = 60_000;

/** The category tree in tree order, with counts of products on sale. */
export const useCategories = (slug: string) =>
  useQuery({
    queryKey: catalogKeys.categories(slug),
    queryFn: () => call(shopCatalogRoutes.categories, { params: { slug } }),
    staleTime: 5 * 60_000,
  });

/** Products on sale, 20 a page, loaded page by page with the API's cursor. */
export const useProductFeed = (slug: string, categoryId: string | undefined, filter: FeedFilter) =>
  useInfiniteQuery({
    queryKey: catalogKeys.products(slug, categoryId, filter),
    queryFn: ({ pageParam }) =>
      call(shopCatalogRoutes.products, {
        params: { slug },
        query: { ...filterQuery(filter), categoryId, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ProductPage) => last.nextCursor ?? undefined,
    staleTime: LIST_STALE_MS,
    // A new sort or filter keeps the old products on screen until the new ones arrive (not a new category).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[3] === (categoryId ?? null) ? previous : undefined,
  });

/** Search results for `q` (empty `q`: nothing is asked); the first page carries the suggestions. */
export const useSearchFeed = (slug: string, q: string, filter: FeedFilter) =>
  useInfiniteQuery({
    queryKey: catalogKeys.search(slug, q, filter),
    queryFn: ({ pageParam }) =>
      call(shopCatalogRoutes.search, { params: { slug }, query: { ...filterQuery(filter), q, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: SearchPage) => last.nextCursor ?? undefined,
    enabled: q.trim() !== '',
    staleTime: LIST_STALE_MS,
    // A new sort or filter keeps the old results on screen until the new ones arrive (not a new word).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === q ? previous : undefined),
  });

/** One product on sale (404 when it is not, or no longer, on sale). */
export const useProduct = (slug: string, id: string) =>
  useQuery({
    queryKey: catalogKeys.product(slug, id),
    queryFn: () => call(shopCatalogRoutes.product, { params: { slug, id } }),
    staleTime: 30_000,
  });

/** The search page's hot words: the operator's, then what shoppers search most. */
export const useHotWords = (slug: string) =>
  useQuery({
    queryKey: catalogKeys.hotWords(slug),
    queryFn: () => call(shopHotWordRoutes.hotWords, { params: { slug } }),
    staleTime: 5 * 60_000,
  });

/** Children of a category (or the top level for null), in tree order. */
export const childrenOf = (categories: ShopCategoryView[], parentId: string | null) =>
  categories.filter((c) => c.parentId === parentId);
