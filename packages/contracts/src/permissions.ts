import { z } from 'zod';

/**
 * Every permission a role can hold. Later domains append their own groups here;
 * the admin console shows them grouped, with labels from its i18n files (`perm.<key>`).
 */
export const PERMISSIONS = {
  settings: ['settings.read', 'settings.write'],
  staff: ['staff.read', 'staff.write'],
  roles: ['roles.read', 'roles.write'],
  org: ['org.read', 'org.write'],
  audit: ['audit.read'],
  customers: [
    'customers.read',
    'customers.write',
    'customers.pii',
    'customers.merge',
    'customers.transfer',
    'customers.import',
    'customers.export',
    'customers.erase',
  ],
  tags: ['tags.read', 'tags.write'],
  catalog: ['catalog.view', 'catalog.manage', 'catalog.stock'],
  orders: ['orders.view', 'orders.manage', 'orders.ship', 'orders.payments'],
  channels: ['channels.read', 'channels.write'],
} as const;

export type PermissionGroup = keyof typeof PERMISSIONS;
export type Permission = (typeof PERMISSIONS)[PermissionGroup][number];
export const ALL_PERMISSIONS = Object.values(PERMISSIONS).flat() as Permission[];
export const PermissionKey = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]]);

/**
 * What rows a role sees: everything in the tenant, the rows of the staff member's
 * organisation units and their sub-units (a store manager sees the store), or only their own.
 */
export const DataScope = z.enum(['all', 'org_units', 'self']);
export type DataScope = z.infer<typeof DataScope>;

export const BUILT_IN_ROLES = ['owner', 'admin', 'operator', 'sales', 'service', 'analyst'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];
