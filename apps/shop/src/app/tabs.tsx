import type { ReactNode } from 'react';
import { CategoryIcon } from '../features/catalog/CatalogIcons';
import { CartPage } from '../features/cart/CartPage';
import { CartTabIcon } from '../features/cart/CartTabIcon';
import { CategoryPage } from '../features/catalog/CategoryPage';
import { HomePage } from '../features/home/HomePage';
import { MePage } from '../features/me/MePage';
import { HomeIcon, UserIcon } from './icons';
import { RequireLogin } from './RequireLogin';

/**
 * The bottom tabs, in order. A tab is a route under /t/:slug/ (`path: ''` is the home page), so adding
 * one (catalog, cart, …) means adding one entry here: TabShell renders the bar and the routes from it.
 */
export type ShopTab = {
  key: string;
  /** Path under /t/:slug/, without slashes. */
  path: string;
  /** i18n key of the tab title. */
  titleKey: string;
  icon: ReactNode;
  element: ReactNode;
};

export const shopTabs: ShopTab[] = [
  { key: 'home', path: '', titleKey: 'tabs.home', icon: <HomeIcon />, element: <HomePage /> },
  { key: 'category', path: 'category', titleKey: 'tabs.category', icon: <CategoryIcon />, element: <CategoryPage /> },
  { key: 'cart', path: 'cart', titleKey: 'tabs.cart', icon: <CartTabIcon />, element: <CartPage /> },
  {
    key: 'me',
    path: 'me',
    titleKey: 'tabs.me',
    icon: <UserIcon />,
    element: (
      <RequireLogin>
        <MePage />
      </RequireLogin>
    ),
  },
];
