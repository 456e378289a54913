import { createBrowserRouter, Navigate, type RouteObject, ScrollRestoration } from 'react-router';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { AddressEditPage } from '../features/addresses/AddressEditPage';
import { AddressListPage } from '../features/addresses/AddressListPage';
import { ProductDetailPage } from '../features/catalog/ProductDetailPage';
import { ProductListPage } from '../features/catalog/ProductListPage';
import { SearchPage } from '../features/catalog/SearchPage';
import { CheckoutPage } from '../features/checkout/CheckoutPage';
import { SmsSandboxPage } from '../features/dev/SmsSandboxPage';
import { LandingPage } from '../features/landing/LandingPage';
import { EditProfilePage } from '../features/me/EditProfilePage';
import { PasswordPage } from '../features/me/PasswordPage';
import { OrderDetailPage } from '../features/orders/OrderDetailPage';
import { OrderListPage } from '../features/orders/OrderListPage';
import { RequireLogin } from './RequireLogin';
import { TabShell } from './TabShell';
import { TenantLayout } from './TenantLayout';
import { shopTabs } from './tabs';
import { shopPath, useSlug } from './useSlug';

export const DEFAULT_SLUG = 'demo';

function ToShopHome() {
  return <Navigate to={shopPath(useSlug())} replace />;
}

const tenantRoutes: RouteObject[] = [
  {
    element: <TabShell />,
    children: shopTabs.map((tab) =>
      tab.path ? { path: tab.path, element: tab.element } : { index: true, element: tab.element },
    ),
  },
  { path: 'search', element: <SearchPage /> },
  { path: 'products', element: <ProductListPage /> },
  { path: 'products/:id', element: <ProductDetailPage /> },
  { path: 'login', element: <LoginPage /> },
  { path: 'forgot-password', element: <ResetPasswordPage /> },
  {
    path: 'me/profile',
    element: (
      <RequireLogin>
        <EditProfilePage />
      </RequireLogin>
    ),
  },
  {
    path: 'me/password',
    element: (
      <RequireLogin>
        <PasswordPage />
      </RequireLogin>
    ),
  },
  ...(
    [
      ['checkout', <CheckoutPage key="checkout" />],
      ['orders', <OrderListPage key="orders" />],
      ['orders/:id', <OrderDetailPage key="order" />],
      ['me/addresses', <AddressListPage key="addresses" />],
      ['me/addresses/:id', <AddressEditPage key="address" />],
    ] as const
  ).map(([path, page]) => ({ path, element: <RequireLogin>{page}</RequireLogin> })),
  { path: 'l/:page', element: <LandingPage /> },
  { path: 'dev/sms', element: <SmsSandboxPage /> },
  { path: '*', element: <ToShopHome /> },
];

/** The app is served under /shop/ (vite `base`); every page of a tenant lives under /shop/t/:slug/. */
export const router = createBrowserRouter(
  [
    {
      path: '/t/:slug',
      // ScrollRestoration: a new page starts at the top, back returns to where a long list was left.
      element: (
        <>
          <ScrollRestoration />
          <TenantLayout />
        </>
      ),
      children: tenantRoutes,
    },
    { path: '*', element: <Navigate to={shopPath(DEFAULT_SLUG)} replace /> },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, '') },
);
