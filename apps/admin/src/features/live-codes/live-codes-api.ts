import {
  fillPath,
  groupCodeRoutes,
  type LiveCodeInput,
  type LiveCodePatch,
  liveCodeQrRoutes,
  liveCodeRoutes as r,
  type QrFormat,
  type QrSize,
  type WelcomeMessage,
  wecomSettingsRoutes,
} from '@siyu/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const liveCodesKey = ['live-codes'] as const;

export const useLiveCodes = (q: string | undefined) =>
  useInfiniteQuery({
    queryKey: [...liveCodesKey, 'list', q ?? ''],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(r.list, { query: { q: q || undefined, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });

export const useLiveCode = (id: string | undefined) =>
  useQuery({
    queryKey: [...liveCodesKey, 'one', id],
    queryFn: () => call(r.get, { params: { id: id! } }),
    enabled: Boolean(id),
  });

export const useLiveCodeStats = (id: string, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: [...liveCodesKey, 'stats', id, range.from, range.to],
    queryFn: () => call(r.stats, { params: { id }, query: range }),
  });

export const useDefaultWelcome = (enabled = true) =>
  useQuery({ queryKey: [...liveCodesKey, 'default-welcome'], queryFn: () => call(r.getDefaultWelcome), enabled });

/** Whether the tenant has connected WeCom (a code needs it). */
export const useWecomConfigured = () =>
  useQuery({ queryKey: ['wecom-settings'], queryFn: () => call(wecomSettingsRoutes.get), select: (s) => s.configured });

/** Group live codes (群活码) to attach to a welcome message; up to 200. */
export const useGroupCodeOptions = (enabled: boolean) =>
  useQuery({
    queryKey: ['group-codes', 'options'],
    queryFn: () => call(groupCodeRoutes.list, { query: { limit: 200 } }),
    enabled,
    retry: false,
  });

export function useSaveLiveCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: LiveCodeInput | LiveCodePatch }) =>
      v.id
        ? call(r.update, { params: { id: v.id }, body: v.body as LiveCodePatch })
        : call(r.create, { body: v.body as LiveCodeInput }),
    onSuccess: () => qc.invalidateQueries({ queryKey: liveCodesKey }),
  });
}

export function useDeleteLiveCode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(r.remove, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: liveCodesKey }),
  });
}

export function useSaveDefaultWelcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WelcomeMessage) => call(r.putDefaultWelcome, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...liveCodesKey, 'default-welcome'] }),
  });
}

/** The URL of a code's QR file (a plain GET with the session cookie: usable as a link or an image). */
export const qrFileUrl = (id: string, o: { format: QrFormat; size: QrSize; logo: boolean }) =>
  `/api${fillPath(liveCodeQrRoutes.download.path, { id })}?format=${o.format}&size=${o.size}&logo=${o.logo}`;
