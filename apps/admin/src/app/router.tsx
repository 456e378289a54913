import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RequireAuth, RequirePermission } from './guards';
import { FullPageSpin, NotFoundPage, RouteErrorPage } from './pages';

/** A lazily loaded page: each feature becomes its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('../features/auth/login-page'), 'LoginPage');
const InvitePage = page(() => import('../features/auth/invite-page'), 'InvitePage');
const HomePage = page(() => import('../features/home/home-page'), 'HomePage');
const StaffPage = page(() => import('../features/staff/staff-page'), 'StaffPage');
const RolesPage = page(() => import('../features/roles/roles-page'), 'RolesPage');
const OrgPage = page(() => import('../features/org/org-page'), 'OrgPage');
const SettingsPage = page(() => import('../features/settings/settings-page'), 'SettingsPage');
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');

const lazyEl = (el: ReactNode) => <Suspense fallback={<FullPageSpin />}>{el}</Suspense>;
const guarded = (permission: string, el: ReactNode) => (
  <RequirePermission permission={permission}>{el}</RequirePermission>
);

const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

export const router = createBrowserRouter(
  [
    { path: '/login', element: lazyEl(<LoginPage />), errorElement: <RouteErrorPage /> },
    { path: '/invite/:token', element: lazyEl(<InvitePage />), errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          // Keeps the layout when a page fails: only the content area shows the error.
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'staff', element: guarded('staff.read', <StaffPage />) },
            { path: 'roles', element: guarded('roles.read', <RolesPage />) },
            { path: 'org', element: guarded('org.read', <OrgPage />) },
            { path: 'settings', element: guarded('settings.read', <SettingsPage />) },
            { path: 'audit', element: guarded('audit.read', <AuditPage />) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  { basename },
);
