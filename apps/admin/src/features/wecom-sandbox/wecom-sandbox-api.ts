import { wecomSandboxRoutes as r } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const wecomSandboxKey = ['wecom-sandbox'] as const;

/** Whether the demo WeCom sandbox runs and this tenant is on it (the menu item shows only then). */
export const useWecomSandboxStatus = (enabled: boolean) =>
  useQuery({
    queryKey: [...wecomSandboxKey, 'status'],
    queryFn: () => call(r.status),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });

/** The sandbox corp's state, refreshed every few seconds while the page is open (scans happen elsewhere). */
export const useWecomSandboxState = () =>
  useQuery({
    queryKey: [...wecomSandboxKey, 'state'],
    queryFn: () => call(r.state),
    refetchInterval: 5000,
    retry: false,
  });

export function useConfirmSandboxSend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { msgid: string; userid: string }) =>
      call(r.confirmSend, { params: { msgid: v.msgid }, body: { userid: v.userid } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: wecomSandboxKey }),
  });
}
