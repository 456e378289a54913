import {
  ApartmentOutlined,
  AppstoreOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FireOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  ContactsOutlined,
  ImportOutlined,
  LineChartOutlined,
  MessageOutlined,
  PictureOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  ShoppingOutlined,
  TagsOutlined,
  FileSearchOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SyncOutlined,
  TeamOutlined,
  WalletOutlined,
  WechatWorkOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/**
 * `permission`: the item shows when the session holds it (or, for a list, any of them).
 * `onlyWhen`: and only when the server says so (`wecomSandbox`: demo mode with the tenant on the sandbox).
 */
export type NavItem = {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: string | string[];
  onlyWhen?: 'wecomSandbox';
};

export const navAllowed = (item: NavItem, can: (p: string) => boolean) =>
  !item.permission || (Array.isArray(item.permission) ? item.permission.some(can) : can(item.permission));

/** The side menu, in order; an item shows only when the session holds its permission. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/customers', label: 'customers.title', icon: <ContactsOutlined />, permission: 'customers.read' },
  { path: '/tags', label: 'tags.title', icon: <TagsOutlined />, permission: 'tags.read' },
  { path: '/tasks', label: 'tasks.pageTitle', icon: <CheckSquareOutlined />, permission: 'customers.read' },
  {
    path: '/imports',
    label: 'imports.title',
    icon: <ImportOutlined />,
    permission: ['customers.import', 'customers.export'],
  },
  { path: '/catalog/products', label: 'catalog.nav.products', icon: <AppstoreOutlined />, permission: 'catalog.view' },
  {
    path: '/catalog/categories',
    label: 'catalog.nav.categories',
    icon: <ClusterOutlined />,
    permission: 'catalog.view',
  },
  { path: '/catalog/stock', label: 'catalog.nav.stock', icon: <DatabaseOutlined />, permission: 'catalog.view' },
  { path: '/catalog/hot-words', label: 'catalog.nav.hotWords', icon: <FireOutlined />, permission: 'catalog.view' },
  { path: '/orders', label: 'orders.nav.list', icon: <ShoppingOutlined />, permission: 'orders.view' },
  { path: '/order-stats', label: 'orders.nav.stats', icon: <LineChartOutlined />, permission: 'orders.view' },
  { path: '/order-settings', label: 'orders.nav.settings', icon: <ProfileOutlined />, permission: 'orders.view' },
  { path: '/payment-settings', label: 'paymentSettings.nav', icon: <WalletOutlined />, permission: 'orders.payments' },
  { path: '/staff', label: 'nav.staff', icon: <TeamOutlined />, permission: 'staff.read' },
  { path: '/roles', label: 'nav.roles', icon: <SafetyCertificateOutlined />, permission: 'roles.read' },
  { path: '/org', label: 'nav.org', icon: <ApartmentOutlined />, permission: 'org.read' },
  {
    path: '/landing-pages',
    label: 'landing.nav',
    icon: <PictureOutlined />,
    permission: 'channels.read',
  },
  { path: '/live-codes', label: 'liveCodes.nav', icon: <QrcodeOutlined />, permission: 'channels.read' },
  { path: '/groups', label: 'groups.nav', icon: <CommentOutlined />, permission: 'channels.read' },
  { path: '/group-codes', label: 'groupCodes.nav', icon: <QrcodeOutlined />, permission: 'channels.read' },
  { path: '/channels', label: 'channels.nav', icon: <MessageOutlined />, permission: 'settings.read' },
  { path: '/wecom-settings', label: 'wecomSettings.nav', icon: <WechatWorkOutlined />, permission: 'settings.read' },
  { path: '/wecom-sync', label: 'wecomSync.nav', icon: <SyncOutlined />, permission: 'channels.read' },
  {
    path: '/wecom-sandbox',
    label: 'wecomSandbox.nav',
    icon: <ExperimentOutlined />,
    permission: 'settings.read',
    onlyWhen: 'wecomSandbox',
  },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, permission: 'settings.read' },
  { path: '/audit', label: 'nav.audit', icon: <FileSearchOutlined />, permission: 'audit.read' },
];
