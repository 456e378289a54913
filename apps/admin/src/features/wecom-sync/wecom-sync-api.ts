import { type WecomSyncRun, wecomSyncRoutes } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const wecomSyncKeys = {
  members: ['wecom-sync', 'members'] as const,
  runs: ['wecom-sync', 'runs'] as const,
};

export const isRunning = (r: Pick<WecomSyncRun, 'status'>) => r.status === 'queued' || r.status === 'running';

export const useWecomMembers = () =>
  useQuery({ queryKey: wecomSyncKeys.members, queryFn: () => call(wecomSyncRoutes.members) });

/** Recent runs; polled every 2 s while one of them runs (then the members list is fresh again). */
export function useWecomSyncRuns() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: wecomSyncKeys.runs,
    queryFn: async () => {
      const before = qc.getQueryData<{ items: WecomSyncRun[] }>(wecomSyncKeys.runs);
      const out = await call(wecomSyncRoutes.runs);
      const wasRunning = new Set(before?.items.filter(isRunning).map((r) => r.id));
      if (out.items.some((r) => wasRunning.has(r.id) && !isRunning(r)))
        void qc.invalidateQueries({ queryKey: wecomSyncKeys.members });
      return out;
    },
    refetchInterval: (q) => (q.state.data?.items.some(isRunning) ? 2000 : false),
  });
}

export function useStartSync() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (what: WecomSyncRun['what']) => call(wecomSyncRoutes.start, { body: { what } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: wecomSyncKeys.runs }),
  });
}

export function useLinkMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { userid: string; staffId: string | null }) =>
      call(wecomSyncRoutes.link, { params: { userid: v.userid }, body: { staffId: v.staffId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: wecomSyncKeys.members }),
  });
}
