import { type LandingPage, landingRoutes as r, liveCodeRoutes } from '@siyu/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const landingKey = ['landing-pages'] as const;

/** Landing pages, newest first, 50 a page; `q` searches title and address. */
export const useLandingPages = (q: string) =>
  useInfiniteQuery({
    queryKey: [...landingKey, 'list', q],
    queryFn: ({ pageParam }) =>
      call(r.list, { query: { limit: 50, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useLandingStats = (id: string | null, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...landingKey, 'stats', id, range],
    queryFn: () => call(r.stats, { params: { id: id! }, query: range }),
    enabled: !!id,
  });

/** The live codes to choose from (up to 200, newest first). */
export const useLiveCodeOptions = (enabled = true) =>
  useQuery({
    queryKey: ['live-codes', 'options'],
    queryFn: () => call(liveCodeRoutes.list, { query: { limit: 200 } }),
    enabled,
  });

/** The QR of a page's public address, served by the API as SVG. */
export const landingQrUrl = (p: Pick<LandingPage, 'id'>) => `/api/admin/landing-pages/${p.id}/qr`;
