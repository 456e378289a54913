import {
  ApartmentOutlined,
  FileSearchOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavItem = { path: string; label: string; icon: ReactNode; permission?: string };

/** The side menu, in order; an item shows only when the session holds its permission. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/staff', label: 'nav.staff', icon: <TeamOutlined />, permission: 'staff.read' },
  { path: '/roles', label: 'nav.roles', icon: <SafetyCertificateOutlined />, permission: 'roles.read' },
  { path: '/org', label: 'nav.org', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, permission: 'settings.read' },
  { path: '/audit', label: 'nav.audit', icon: <FileSearchOutlined />, permission: 'audit.read' },
];
