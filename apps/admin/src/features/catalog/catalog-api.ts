import {
  type Category,
  catalogCategoryRoutes,
  catalogProductRoutes,
  catalogStockRoutes,
  ProductFilter,
} from '@siyu/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The product list's filters as they travel in the URL and the query string (strings; prices in fen). */
export type ProductFilterKey = keyof ProductFilter;
export type ProductFilters = Partial<Record<ProductFilterKey, string>>;
export const PRODUCT_FILTER_KEYS = Object.keys(ProductFilter.shape) as ProductFilterKey[];

export type StockFilters = { productId?: string; skuId?: string; locationId?: string; lowOnly?: string };
export type MovementFilters = { productId?: string; skuId?: string; locationId?: string; reason?: string };

/** Every catalog query starts with 'catalog', so one invalidation refreshes all views after a write. */
export const catalogKeys = {
  all: ['catalog'] as const,
  products: ['catalog', 'products'] as const,
  productList: (f: ProductFilters) => ['catalog', 'products', 'list', f] as const,
  product: (id: string) => ['catalog', 'products', 'one', id] as const,
  productOptions: (q: string) => ['catalog', 'products', 'options', q] as const,
  productTags: ['catalog', 'product-tags'] as const,
  categories: ['catalog', 'categories'] as const,
  locations: ['catalog', 'locations'] as const,
  stock: (f: StockFilters) => ['catalog', 'stock', 'levels', f] as const,
  lowStock: (locationId?: string) => ['catalog', 'stock', 'low', locationId ?? null] as const,
  movements: (f: MovementFilters) => ['catalog', 'stock', 'movements', f] as const,
};

const PAGE_SIZE = 50;

export function productFiltersFromSearch(sp: URLSearchParams): ProductFilters {
  const f: ProductFilters = {};
  for (const k of PRODUCT_FILTER_KEYS) {
    const v = sp.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export const compact = <T extends Record<string, string | undefined>>(f: T) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

/** Keyset-paged product list; `fetchNextPage` continues after `nextCursor`. */
export const useProductList = (filters: ProductFilters) =>
  useInfiniteQuery({
    queryKey: catalogKeys.productList(filters),
    queryFn: ({ pageParam }) =>
      call(catalogProductRoutes.listProducts, {
        query: { ...filters, lowStock: filters.lowStock as 'true' | undefined, cursor: pageParam, limit: PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useProduct = (id: string | undefined) =>
  useQuery({
    queryKey: catalogKeys.product(id ?? ''),
    queryFn: () => call(catalogProductRoutes.getProduct, { params: { id: id ?? '' } }),
    enabled: !!id,
  });

/** Up to 20 products matching a search, for pickers (stock filters and adjustments). */
export const useProductOptions = (q: string, enabled = true) =>
  useQuery({
    queryKey: catalogKeys.productOptions(q),
    queryFn: () => call(catalogProductRoutes.listProducts, { query: { q: q || undefined, limit: 20 } }),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useProductTags = (enabled = true) =>
  useQuery({
    queryKey: catalogKeys.productTags,
    queryFn: () => call(catalogProductRoutes.listProductTags),
    enabled,
  });

export const useCategories = (enabled = true) =>
  useQuery({
    queryKey: catalogKeys.categories,
    queryFn: () => call(catalogCategoryRoutes.listCategories),
    enabled,
  });

export const useLocations = (enabled = true) =>
  useQuery({
    queryKey: catalogKeys.locations,
    queryFn: () => call(catalogStockRoutes.listLocations),
    enabled,
    staleTime: 60_000,
  });

export const useStockLevels = (f: StockFilters) =>
  useInfiniteQuery({
    queryKey: catalogKeys.stock(f),
    queryFn: ({ pageParam }) =>
      call(catalogStockRoutes.listStock, {
        query: { ...f, lowOnly: f.lowOnly as 'true' | undefined, cursor: pageParam, limit: PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useLowStock = (locationId?: string) =>
  useInfiniteQuery({
    queryKey: catalogKeys.lowStock(locationId),
    queryFn: ({ pageParam }) =>
      call(catalogStockRoutes.listLowStock, { query: { locationId, cursor: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useMovements = (f: MovementFilters) =>
  useInfiniteQuery({
    queryKey: catalogKeys.movements(f),
    queryFn: ({ pageParam }) =>
      call(catalogStockRoutes.listMovements, {
        query: { ...f, reason: f.reason as never, cursor: pageParam, limit: PAGE_SIZE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** After any catalog write: lists, products, categories, stock. */
export function useInvalidateCatalog() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: catalogKeys.all });
}

/** A category with its sub-categories, for tables and tree selects. */
export type CategoryNode = Category & { children?: CategoryNode[] };

/** The tree from the flat list (already in tree order: parent first, siblings by sort). */
export function buildCategoryTree(items: Category[]): CategoryNode[] {
  const byId = new Map<string, CategoryNode>(items.map((c) => [c.id, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = byId.get(c.id) as CategoryNode;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** The ids of a category and all below it (a category cannot move under its own subtree). */
export function categorySubtree(items: Category[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (const c of items) if (c.parentId && ids.has(c.parentId)) ids.add(c.id);
  return ids;
}

/** How many levels a category's subtree spans (1 for a leaf). */
export function subtreeHeight(items: Category[], rootId: string): number {
  const root = items.find((c) => c.id === rootId);
  if (!root) return 1;
  let max = root.depth;
  for (const id of categorySubtree(items, rootId)) {
    const c = items.find((x) => x.id === id);
    if (c && c.depth > max) max = c.depth;
  }
  return max - root.depth + 1;
}

export type CategoryTreeOption = {
  value: string;
  title: string;
  disabled?: boolean;
  children?: CategoryTreeOption[];
};

/** Tree data for antd TreeSelect; `disable` greys out nodes that cannot be picked. */
export function categoryTreeOptions(
  nodes: CategoryNode[],
  disable: (c: CategoryNode) => boolean = () => false,
): CategoryTreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disable(n),
    children: n.children ? categoryTreeOptions(n.children, disable) : undefined,
  }));
}

/** "咖啡 › 拿铁" for a category id. */
export function categoryPath(items: Category[], id: string): string {
  const byId = new Map(items.map((c) => [c.id, c]));
  const names: string[] = [];
  let c = byId.get(id);
  while (c && names.length < 10) {
    names.unshift(c.name);
    c = c.parentId ? byId.get(c.parentId) : undefined;
  }
  return names.join(' › ');
}
