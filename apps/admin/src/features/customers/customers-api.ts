import { CustomerFilter, customerRoutes } from '@siyu/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The list's filters as they travel in the URL and the query string (all strings, lists comma-joined). */
export type FilterKey = keyof CustomerFilter;
export type Filters = Partial<Record<FilterKey, string>>;

export const FILTER_KEYS = Object.keys(CustomerFilter.shape) as FilterKey[];

export const customerKeys = {
  all: ['customers'] as const,
  list: (f: Filters) => ['customers', 'list', f] as const,
  count: (f: Filters) => ['customers', 'count', f] as const,
  one: (id: string) => ['customers', 'one', id] as const,
  timeline: (id: string, types: string[]) => ['customers', 'timeline', id, types] as const,
  fields: ['customer-fields'] as const,
};

const PAGE_SIZE = 50;

export function filtersFromSearch(sp: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = sp.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function filtersToSearch(f: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

/** Keyset-paged customer list; `fetchNextPage` continues after `nextCursor`. */
export const useCustomerList = (filters: Filters) =>
  useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(customerRoutes.list, { query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCustomerCount = (filters: Filters) =>
  useQuery({
    queryKey: customerKeys.count(filters),
    queryFn: () => call(customerRoutes.count, { query: filters }),
    placeholderData: keepPreviousData,
  });

export const useCustomer = (id: string) =>
  useQuery({ queryKey: customerKeys.one(id), queryFn: () => call(customerRoutes.get, { params: { id } }) });

export const useCustomFields = (enabled = true) =>
  useQuery({
    queryKey: customerKeys.fields,
    queryFn: async () => {
      const res = await call(customerRoutes.listFields);
      return [...res.items].sort((a, b) => a.sort - b.sort || a.label.localeCompare(b.label));
    },
    enabled,
  });

/** After any customer write: lists, counts, profiles and timelines. */
export function useInvalidateCustomers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: customerKeys.all });
}

/** Puts a fresh profile from a write's answer into the cache, and refreshes the lists. */
export function useSetCustomer() {
  const qc = useQueryClient();
  return (c: { id: string }) => {
    qc.setQueryData(customerKeys.one(c.id), c);
    return qc.invalidateQueries({ queryKey: customerKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
  };
}
