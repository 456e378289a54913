import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth';
import { ForbiddenPage, FullPageSpin } from './pages';

/** Shows the login page (remembering where the user wanted to go) when there is no session. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, loggedOut } = useAuth();
  const location = useLocation();
  if (session === undefined) return <FullPageSpin />;
  if (session === null) {
    const here = `${location.pathname}${location.search}`;
    const next = !loggedOut && here !== '/' ? `?next=${encodeURIComponent(here)}` : '';
    return <Navigate to={`/login${next}`} replace />;
  }
  return children;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <ForbiddenPage />;
}

/** A `next` target from the query string, only if it is a path inside this app. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
