import {
  type GroupCodeInput,
  type GroupCodePatch,
  groupCodeRoutes as codes,
  type GroupSync,
  groupRoutes as r,
  wecomSettingsRoutes,
} from '@siyu/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const groupsKey = ['groups'] as const;
export const groupCodesKey = ['group-codes'] as const;
const tagsKey = ['group-tags'] as const;

export type GroupFilters = { q?: string; ownerStaffId?: string; tagId?: string; status?: 'active' | 'dismissed' };

export const useGroups = (f: GroupFilters) =>
  useInfiniteQuery({
    queryKey: [...groupsKey, 'list', f],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(r.list, { query: { ...f, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });

export const useGroup = (id: string) =>
  useQuery({ queryKey: [...groupsKey, 'one', id], queryFn: () => call(r.get, { params: { id } }) });

/** Active groups to pick for a code (the first 200 by name search). */
export const useGroupOptions = (q: string) =>
  useQuery({
    queryKey: [...groupsKey, 'options', q],
    queryFn: () => call(r.list, { query: { q: q || undefined, status: 'active', limit: 200 } }),
  });

export const useGroupTags = () => useQuery({ queryKey: tagsKey, queryFn: () => call(r.listTags) });

export function useSetGroupTags() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; tagIds: string[] }) =>
      call(r.setTags, { params: { id: v.id }, body: { tagIds: v.tagIds } }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: groupsKey }), qc.invalidateQueries({ queryKey: tagsKey })]),
  });
}

export function useSaveGroupTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; name: string; color?: string | null }) =>
      v.id
        ? call(r.updateTag, { params: { id: v.id }, body: { name: v.name, color: v.color ?? null } })
        : call(r.createTag, { body: { name: v.name, color: v.color ?? null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tagsKey }),
  });
}

export function useDeleteGroupTag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(r.deleteTag, { params: { id } }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: tagsKey }), qc.invalidateQueries({ queryKey: groupsKey })]),
  });
}

export const syncRunning = (s: Pick<GroupSync, 'status' | 'error'> | null | undefined) =>
  Boolean(s && (s.status === 'queued' || s.status === 'running') && !s.error);

/** The latest sync, polled every 2 s while it runs; the groups list refreshes when it ends. */
export function useLatestSync() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...groupsKey, 'sync'],
    queryFn: async () => {
      const before = qc.getQueryData<{ sync: GroupSync | null }>([...groupsKey, 'sync']);
      const out = await call(r.latestSync);
      if (syncRunning(before?.sync) && !syncRunning(out.sync))
        void qc.invalidateQueries({ queryKey: [...groupsKey, 'list'] });
      return out;
    },
    refetchInterval: (q) => (syncRunning(q.state.data?.sync) ? 2000 : false),
  });
}

export function useStartSync() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(r.startSync),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...groupsKey, 'sync'] }),
  });
}

export const useWecomConfigured = () =>
  useQuery({ queryKey: ['wecom-settings'], queryFn: () => call(wecomSettingsRoutes.get), select: (s) => s.configured });

export const useGroupCodes = (q: string) =>
  useInfiniteQuery({
    queryKey: [...groupCodesKey, 'list', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(codes.list, { query: { q: q || undefined, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });

export const useGroupCode = (id: string) =>
  useQuery({ queryKey: [...groupCodesKey, 'one', id], queryFn: () => call(codes.get, { params: { id } }) });

export const useGroupCodeStats = (id: string, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...groupCodesKey, 'stats', id, range.from, range.to],
    queryFn: () => call(codes.stats, { params: { id }, query: range }),
  });

export function useSaveGroupCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: GroupCodeInput | GroupCodePatch }) =>
      v.id
        ? call(codes.update, { params: { id: v.id }, body: v.body as GroupCodePatch })
        : call(codes.create, { body: v.body as GroupCodeInput }),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupCodesKey }),
  });
}

export function useDeleteGroupCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(codes.remove, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupCodesKey }),
  });
}
