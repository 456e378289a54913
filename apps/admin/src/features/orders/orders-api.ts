import { type AdminOrder, AdminOrderQuery, adminOrderRoutes, type OrderStatus } from '@siyu/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The list's filters as they travel in the URL and the query string (strings; amounts in fen). */
type FilterKey = Exclude<keyof typeof AdminOrderQuery.shape, 'cursor' | 'limit'>;
export type OrderFilters = Partial<Record<FilterKey, string>>;
const FILTER_KEYS = (Object.keys(AdminOrderQuery.shape) as (keyof typeof AdminOrderQuery.shape)[]).filter(
  (k): k is FilterKey => k !== 'cursor' && k !== 'limit',
);

/** Every order query starts with 'orders', so one invalidation refreshes all views after a write. */
export const orderKeys = {
  all: ['orders'] as const,
  list: (f: OrderFilters) => ['orders', 'list', f] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  stats: (from: string, to: string) => ['orders', 'stats', from, to] as const,
  settings: ['orders', 'settings'] as const,
};

const PAGE_SIZE = 50;

export function orderFiltersFromSearch(sp: URLSearchParams): OrderFilters {
  const f: OrderFilters = {};
  for (const k of FILTER_KEYS) {
    const v = sp.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** Keyset-paged order list, newest first; `fetchNextPage` continues after `nextCursor`. */
export const useOrderList = (f: OrderFilters) =>
  useInfiniteQuery({
    queryKey: orderKeys.list(f),
    queryFn: ({ pageParam }) =>
      call(adminOrderRoutes.list, {
        query: {
          ...f,
          status: f.status as OrderStatus | undefined,
          paymentMethod: f.paymentMethod as never,
          amountMin: f.amountMin === undefined ? undefined : Number(f.amountMin),
          amountMax: f.amountMax === undefined ? undefined : Number(f.amountMax),
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useOrder = (id: string) =>
  useQuery({ queryKey: orderKeys.one(id), queryFn: () => call(adminOrderRoutes.get, { params: { id } }) });

export const useOrderStats = (from: string, to: string) =>
  useQuery({
    queryKey: orderKeys.stats(from, to),
    queryFn: () => call(adminOrderRoutes.stats, { query: { from, to } }),
    placeholderData: keepPreviousData,
  });

export const useOrderSettings = () =>
  useQuery({ queryKey: orderKeys.settings, queryFn: () => call(adminOrderRoutes.settings) });

/** After a write on one order: put the answer in its cache, refresh lists and statistics. */
export function useOrderWritten() {
  const qc = useQueryClient();
  return (o: AdminOrder) => {
    qc.setQueryData(orderKeys.one(o.id), o);
    return qc.invalidateQueries({ queryKey: ['orders', 'list'] });
  };
}

export function useInvalidateOrders() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: orderKeys.all });
}
