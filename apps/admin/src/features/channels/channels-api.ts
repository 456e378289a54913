import { ownedChannelRoutes as r } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const smsKey = ['settings', 'sms'] as const;
export const emailKey = ['settings', 'email'] as const;
export const ownedLogKey = ['owned-messages'] as const;

export const useSmsSettings = () => useQuery({ queryKey: smsKey, queryFn: () => call(r.getSms) });
export const useEmailSettings = () => useQuery({ queryKey: emailKey, queryFn: () => call(r.getEmail) });

/** After a save or a test: the answer is the new state; the log has a new row after a test. */
export function useChannelsRefresh() {
  const qc = useQueryClient();
  return {
    sms: (s: Awaited<ReturnType<typeof call<typeof r.getSms>>>) => qc.setQueryData(smsKey, s),
    email: (s: Awaited<ReturnType<typeof call<typeof r.getEmail>>>) => qc.setQueryData(emailKey, s),
    log: () => qc.invalidateQueries({ queryKey: ownedLogKey }),
  };
}

/** Optional text fields: blank travels as "not given" (the API keeps the stored value). */
export const orUndefined = (v: string | null | undefined) => (v?.trim() ? v.trim() : undefined);
