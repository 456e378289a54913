import { type PaymentSettings, paymentSettingsRoutes } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export const paymentSettingsKey = ['payment-settings'] as const;

export const usePaymentSettings = () =>
  useQuery({ queryKey: paymentSettingsKey, queryFn: () => call(paymentSettingsRoutes.get) });

/** After a save: the answer is the new state of both providers. */
export function usePaymentSettingsSaved() {
  const qc = useQueryClient();
  return (s: PaymentSettings) => qc.setQueryData(paymentSettingsKey, s);
}

/** Optional text fields: blank travels as "not given" (the API keeps the stored value). */
export const orUndefined = (v: string | null | undefined) => (v?.trim() ? v.trim() : undefined);
