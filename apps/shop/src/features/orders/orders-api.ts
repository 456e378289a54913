import { type Order, type OrderStatus, shopOrderRoutes } from '@siyu/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export type { Order, OrderStatus };

export const orderKeys = {
  all: (slug: string) => ['orders', slug] as const,
  list: (slug: string, status: OrderStatus | undefined) => ['orders', slug, 'list', status ?? 'all'] as const,
  one: (slug: string, id: string) => ['orders', slug, 'one', id] as const,
  counts: (slug: string) => ['orders', slug, 'counts'] as const,
};

/** How many of my orders are in each status (the badges of 待付款, 待发货, 待收货). */
export const useOrderCounts = (slug: string, enabled = true) =>
  useQuery({
    queryKey: orderKeys.counts(slug),
    queryFn: () => call(shopOrderRoutes.orderCounts, { params: { slug } }),
    enabled,
  });

/** The statuses whose tab shows a count: those waiting for someone to act. */
export const BADGED: ReadonlySet<OrderStatus> = new Set(['pending_payment', 'paid', 'shipped']);

/** My orders, newest first, 20 a page. */
export const useOrderFeed = (slug: string, status: OrderStatus | undefined) =>
  useInfiniteQuery({
    queryKey: orderKeys.list(slug, status),
    queryFn: ({ pageParam }) =>
      call(shopOrderRoutes.orders, { params: { slug }, query: { status, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** One order; `poll` says, for the order as loaded, how soon to load it again (false: not). */
export const useOrder = (slug: string, id: string, poll: (order: Order | undefined) => number | false = () => false) =>
  useQuery({
    queryKey: orderKeys.one(slug, id),
    queryFn: () => call(shopOrderRoutes.order, { params: { slug, id } }),
    refetchInterval: (query) => poll(query.state.data),
  });

/** The tabs of 我的订单 and the status each lists (全部: none). */
export const ORDER_TABS: { key: string; status?: OrderStatus }[] = [
  { key: 'all' },
  { key: 'pending_payment', status: 'pending_payment' },
  { key: 'paid', status: 'paid' },
  { key: 'shipped', status: 'shipped' },
  { key: 'completed', status: 'completed' },
];
