import { adminRoutes, type Session } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { call, isApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { qk } from '../api/query-keys';
import { chooseLang, storedLang } from '../i18n';

type AuthValue = {
  /** undefined while the first /auth/me is in flight, null when logged out. */
  session: Session | null | undefined;
  setSession: (s: Session | null) => void;
  can: (permission: string) => boolean;
  logout: () => Promise<void>;
  /** True after the user logged out themselves (the login page then forgets the last page). */
  loggedOut: boolean;
};

const AuthContext = createContext<AuthValue | null>(null);

async function fetchSession(): Promise<Session | null> {
  try {
    return await call(adminRoutes.me);
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [loggedOut, setLoggedOut] = useState(false);
  const { data } = useQuery({ queryKey: qk.session, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

  const setSession = useCallback(
    (s: Session | null) => {
      setCsrfToken(s?.csrfToken ?? null);
      if (s) setLoggedOut(false);
      if (!s) qc.removeQueries({ predicate: (q) => q.queryKey[0] !== qk.session[0] });
      qc.setQueryData(qk.session, s);
    },
    [qc],
  );

  // Any 401 from the API means the session is gone: drop it; the guards then show the login page.
  useEffect(() => setUnauthorizedHandler(() => setSession(null)), [setSession]);

  // Without a choice made in this browser, follow the tenant's default language.
  const tenantLocale = data?.settings.locale;
  useEffect(() => {
    if (tenantLocale && !storedLang()) chooseLang(tenantLocale, false);
  }, [tenantLocale]);

  const value = useMemo<AuthValue>(() => {
    const perms = new Set(data?.permissions ?? []);
    return {
      session: data,
      setSession,
      can: (p) => perms.has(p),
      loggedOut,
      logout: async () => {
        setLoggedOut(true);
        try {
          await call(adminRoutes.logout);
        } finally {
          setSession(null);
        }
      },
    };
  }, [data, setSession, loggedOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The session of a page behind RequireAuth (always present there). */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
