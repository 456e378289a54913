import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RequireAuth, RequirePermission } from './guards';
import { ForbiddenPage, FullPageSpin, NotFoundPage, RouteErrorPage } from './pages';
import { useAuth } from './auth';

/** A lazily loaded page: each feature becomes its own chunk. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('../features/auth/login-page'), 'LoginPage');
const InvitePage = page(() => import('../features/auth/invite-page'), 'InvitePage');
const HomePage = page(() => import('../features/home/home-page'), 'HomePage');
const CustomersPage = page(() => import('../features/customers/customers-page'), 'CustomersPage');
const CustomerProfilePage = page(
  () => import('../features/customers/profile/customer-profile-page'),
  'CustomerProfilePage',
);
const TagsPage = page(() => import('../features/tags/tags-page'), 'TagsPage');
const TasksPage = page(() => import('../features/tasks/tasks-page'), 'TasksPage');
const ImportsPage = page(() => import('../features/imports/imports-page'), 'ImportsPage');
const ProductsPage = page(() => import('../features/catalog/products-page'), 'ProductsPage');
const ProductEditorPage = page(() => import('../features/catalog/product-editor-page'), 'ProductEditorPage');
const CategoriesPage = page(() => import('../features/catalog/categories-page'), 'CategoriesPage');
const StockPage = page(() => import('../features/catalog/stock-page'), 'StockPage');
const HotWordsPage = page(() => import('../features/catalog/hot-words-page'), 'HotWordsPage');
const OrdersPage = page(() => import('../features/orders/orders-page'), 'OrdersPage');
const OrderDetailPage = page(() => import('../features/orders/order-detail-page'), 'OrderDetailPage');
const OrderStatsPage = page(() => import('../features/orders/order-stats-page'), 'OrderStatsPage');
const OrderSettingsPage = page(() => import('../features/orders/order-settings-page'), 'OrderSettingsPage');
const PaymentSettingsPage = page(
  () => import('../features/payment-settings/payment-settings-page'),
  'PaymentSettingsPage',
);
const StaffPage = page(() => import('../features/staff/staff-page'), 'StaffPage');
const RolesPage = page(() => import('../features/roles/roles-page'), 'RolesPage');
const OrgPage = page(() => import('../features/org/org-page'), 'OrgPage');
const ChannelsPage = page(() => import('../features/channels/channels-page'), 'ChannelsPage');
const LandingPagesPage = page(() => import('../features/landing-pages/landing-pages-page'), 'LandingPagesPage');
const WecomSettingsPage = page(() => import('../features/wecom-settings/wecom-settings-page'), 'WecomSettingsPage');
const WecomSyncPage = page(() => import('../features/wecom-sync/wecom-sync-page'), 'WecomSyncPage');
const LiveCodesPage = page(() => import('../features/live-codes/live-codes-page'), 'LiveCodesPage');
const LiveCodeFormPage = page(() => import('../features/live-codes/live-code-form-page'), 'LiveCodeFormPage');
const LiveCodeStatsPage = page(() => import('../features/live-codes/live-code-stats-page'), 'LiveCodeStatsPage');
const GroupsPage = page(() => import('../features/groups/groups-page'), 'GroupsPage');
const GroupDetailPage = page(() => import('../features/groups/group-detail-page'), 'GroupDetailPage');
const GroupCodesPage = page(() => import('../features/groups/group-codes-page'), 'GroupCodesPage');
const GroupCodeStatsPage = page(() => import('../features/groups/group-code-stats-page'), 'GroupCodeStatsPage');
const WecomSandboxPage = page(() => import('../features/wecom-sandbox/wecom-sandbox-page'), 'WecomSandboxPage');
const SettingsPage = page(() => import('../features/settings/settings-page'), 'SettingsPage');
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');

const lazyEl = (el: ReactNode) => <Suspense fallback={<FullPageSpin />}>{el}</Suspense>;
const guarded = (permission: string, el: ReactNode) => (
  <RequirePermission permission={permission}>{el}</RequirePermission>
);

/** A page open to holders of any of these permissions. */
function RequireAnyPermission({ permissions, children }: { permissions: string[]; children: ReactNode }) {
  const { can } = useAuth();
  return permissions.some(can) ? children : <ForbiddenPage />;
}
const guardedAny = (permissions: string[], el: ReactNode) => (
  <RequireAnyPermission permissions={permissions}>{el}</RequireAnyPermission>
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
            { path: 'customers', element: guarded('customers.read', <CustomersPage />) },
            { path: 'customers/:id', element: guarded('customers.read', <CustomerProfilePage />) },
            { path: 'tags', element: guarded('tags.read', <TagsPage />) },
            { path: 'tasks', element: guarded('customers.read', <TasksPage />) },
            { path: 'imports', element: guardedAny(['customers.import', 'customers.export'], <ImportsPage />) },
            { path: 'catalog/products', element: guarded('catalog.view', <ProductsPage />) },
            { path: 'catalog/products/new', element: guarded('catalog.manage', <ProductEditorPage />) },
            { path: 'catalog/products/:id', element: guarded('catalog.view', <ProductEditorPage />) },
            { path: 'catalog/categories', element: guarded('catalog.view', <CategoriesPage />) },
            { path: 'catalog/stock', element: guarded('catalog.view', <StockPage />) },
            { path: 'catalog/hot-words', element: guarded('catalog.view', <HotWordsPage />) },
            { path: 'orders', element: guarded('orders.view', <OrdersPage />) },
            { path: 'order-stats', element: guarded('orders.view', <OrderStatsPage />) },
            { path: 'order-settings', element: guarded('orders.view', <OrderSettingsPage />) },
            { path: 'payment-settings', element: guarded('orders.payments', <PaymentSettingsPage />) },
            { path: 'orders/:id', element: guarded('orders.view', <OrderDetailPage />) },
            { path: 'staff', element: guarded('staff.read', <StaffPage />) },
            { path: 'roles', element: guarded('roles.read', <RolesPage />) },
            { path: 'org', element: guarded('org.read', <OrgPage />) },
            { path: 'landing-pages', element: guarded('channels.read', <LandingPagesPage />) },
            { path: 'live-codes', element: guarded('channels.read', <LiveCodesPage />) },
            { path: 'live-codes/new', element: guarded('channels.write', <LiveCodeFormPage />) },
            { path: 'live-codes/:id/edit', element: guarded('channels.write', <LiveCodeFormPage />) },
            { path: 'live-codes/:id/stats', element: guarded('channels.read', <LiveCodeStatsPage />) },
            { path: 'groups', element: guarded('channels.read', <GroupsPage />) },
            { path: 'groups/:id', element: guarded('channels.read', <GroupDetailPage />) },
            { path: 'group-codes', element: guarded('channels.read', <GroupCodesPage />) },
            { path: 'group-codes/:id/stats', element: guarded('channels.read', <GroupCodeStatsPage />) },
            { path: 'channels', element: guarded('settings.read', <ChannelsPage />) },
            { path: 'wecom-settings', element: guarded('settings.read', <WecomSettingsPage />) },
            { path: 'wecom-sync', element: guarded('channels.read', <WecomSyncPage />) },
            { path: 'wecom-sandbox', element: guarded('settings.read', <WecomSandboxPage />) },
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
