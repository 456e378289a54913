import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { PageError, PageLoading } from './PageState';
import { loginPath } from './redirect';
import { useSlug } from './useSlug';

/** Shows its children to a logged-in shopper; sends anyone else to login and back here afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const slug = useSlug();
  const location = useLocation();
  const session = useSession(slug);
  if (session.isPending) return <PageLoading />;
  if (session.isError) return <PageError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) return <Navigate to={loginPath(slug, location.pathname + location.search)} replace />;
  return <>{children}</>;
}
