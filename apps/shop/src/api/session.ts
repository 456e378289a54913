import { type ShopAccount, type ShopSession, shopRoutes } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { call, refreshSession, setCsrfToken } from './client';

export const queryKeys = {
  storefront: (slug: string) => ['storefront', slug] as const,
  session: (slug: string) => ['session', slug] as const,
};

/** Brand name, logo and demo-mode facts of the tenant; rarely changes. */
export const useStorefront = (slug: string) =>
  useQuery({
    queryKey: queryKeys.storefront(slug),
    queryFn: () => call(shopRoutes.storefront, { params: { slug } }),
    staleTime: 5 * 60_000,
  });

/** The logged-in shopper (`data` is null when logged out). Loading it also refreshes the CSRF token. */
export const useSession = (slug: string) =>
  useQuery({
    queryKey: queryKeys.session(slug),
    queryFn: () => refreshSession(slug),
    staleTime: 60_000,
  });

/** Updates the cached session after login, profile changes and logout. */
export function useSessionActions(slug: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.session(slug);
  return {
    loggedIn(session: ShopSession) {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(key, { account: session.account, csrfToken: session.csrfToken });
    },
    accountChanged(account: ShopAccount) {
      queryClient.setQueryData<ShopSession | null>(key, (old) => (old ? { ...old, account } : old));
    },
    loggedOut() {
      setCsrfToken(null);
      queryClient.setQueryData(key, null);
    },
    refetch: () => queryClient.invalidateQueries({ queryKey: key }),
  };
}

/** What to call a shopper: the nickname, else "用户" and the last 4 digits of the masked phone. */
export const displayName = (account: ShopAccount, t: TFunction) =>
  account.nickname?.trim() || t('me.defaultNickname', { tail: account.phone.slice(-4) });
