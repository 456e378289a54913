import { dataJobRoutes, type ExportJob, type ImportJob } from '@siyu/contracts';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const jobKeys = {
  all: ['data-jobs'] as const,
  imports: ['data-jobs', 'imports'] as const,
  exports: ['data-jobs', 'exports'] as const,
  import: (id: string) => ['data-jobs', 'import', id] as const,
  errors: (id: string) => ['data-jobs', 'import-errors', id] as const,
};

export const isRunning = (j: { status: string }) => j.status === 'queued' || j.status === 'running';

/** Percent done of a job (0 until the total is known). */
export const percent = (j: { total: number | null; processed: number; status: string }) =>
  j.status === 'done' ? 100 : j.total ? Math.min(100, Math.floor((j.processed / j.total) * 100)) : 0;

const pages = <T>(load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>) => ({
  queryFn: ({ pageParam }: { pageParam: string | undefined }) => load(pageParam),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
});

/** Recent imports; refreshes every 2 s while one of them is running. */
export const useImports = (enabled = true) =>
  useInfiniteQuery({
    queryKey: jobKeys.imports,
    ...pages<ImportJob>((cursor) => call(dataJobRoutes.listImports, { query: { cursor, limit: 20 } })),
    enabled,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isRunning)) ? 2000 : false),
  });

/** Recent exports; refreshes every 2 s while one of them is running. */
export const useExports = (enabled = true) =>
  useInfiniteQuery({
    queryKey: jobKeys.exports,
    ...pages<ExportJob>((cursor) => call(dataJobRoutes.listExports, { query: { cursor, limit: 20 } })),
    enabled,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isRunning)) ? 2000 : false),
  });

/** One import, polled every second while it runs. */
export const useImport = (id: string | null) =>
  useQuery({
    queryKey: jobKeys.import(id ?? ''),
    queryFn: () => call(dataJobRoutes.getImport, { params: { id: id ?? '' } }),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && isRunning(q.state.data) ? 1000 : false),
  });

export function useInvalidateJobs() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: jobKeys.all });
}

/** The URL of a file route under /api (downloads use the session cookie). */
export const apiUrl = (path: string) => `/api${path}`;
