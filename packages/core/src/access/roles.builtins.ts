import { ALL_PERMISSIONS, type BuiltInRole, type DataScope, type Permission } from '@siyu/contracts';

const readOnly = ALL_PERMISSIONS.filter((p) => p.endsWith('.read') || p.endsWith('.view'));

/**
 * The built-in roles every tenant starts with. The owner holds everything and cannot be changed;
 * the others are starting points a tenant may edit. Later domains add their permissions here.
 */
export const BUILT_IN_ROLES: Record<
  BuiltInRole,
  { name: string; description: string; permissions: readonly Permission[]; dataScope: DataScope }
> = {
  owner: { name: '所有者', description: '品牌所有者，拥有全部权限', permissions: ALL_PERMISSIONS, dataScope: 'all' },
  admin: { name: '管理员', description: '管理员工、角色、组织与设置', permissions: ALL_PERMISSIONS, dataScope: 'all' },
  operator: {
    name: '运营',
    description: '运营活动、内容与客户分群',
    permissions: [
      'settings.read',
      'staff.read',
      'org.read',
      'customers.read',
      'customers.write',
      'customers.import',
      'customers.export',
      'customers.merge',
      'tags.read',
      'tags.write',
      'catalog.view',
      'catalog.manage',
      'orders.view',
      'orders.manage',
      'orders.ship',
      'channels.read',
      'channels.write',
    ],
    dataScope: 'all',
  },
  sales: {
    name: '销售',
    description: '跟进自己的客户（店员、导购）',
    permissions: ['org.read', 'customers.read', 'customers.write', 'customers.pii', 'tags.read', 'channels.read'],
    dataScope: 'self',
  },
  service: {
    name: '客服',
    description: '处理咨询与售后',
    permissions: [
      'org.read',
      'staff.read',
      'customers.read',
      'customers.write',
      'customers.pii',
      'tags.read',
      'orders.view',
      'orders.manage',
    ],
    dataScope: 'all',
  },
  analyst: { name: '分析师', description: '只读查看全部数据与报表', permissions: readOnly, dataScope: 'all' },
};

/**
 * When permissions were added to the templates (the commit that added them). A built-in role created
 * before that gets them at the next sync (roles.sync.ts), once; later syncs compare with the template
 * the role last received. Permissions not listed here date from the first release.
 */
export const PERMISSION_ADDED_AT: Partial<Record<Permission, string>> = {
  'catalog.view': '2026-11-22T14:50:36Z',
  'catalog.manage': '2026-11-22T14:50:36Z',
  'catalog.stock': '2026-11-22T14:50:36Z',
  'orders.view': '2026-11-22T15:34:21Z',
  'orders.manage': '2026-11-22T15:34:21Z',
  'orders.ship': '2026-11-22T15:34:21Z',
  'orders.payments': '2026-11-22T17:27:43Z',
  'channels.read': '2026-11-22T20:20:00Z',
  'channels.write': '2026-11-22T20:20:00Z',
};

/** A store manager: a custom-role template seeded for the demo tenant. */
export const STORE_MANAGER_TEMPLATE = {
  name: '店长',
  description: '管理本门店的员工与客户',
  permissions: [
    'staff.read',
    'staff.write',
    'org.read',
    'settings.read',
    'customers.read',
    'customers.write',
    'customers.pii',
    'customers.transfer',
    'tags.read',
    'catalog.view',
    'catalog.stock',
    'orders.view',
    'orders.ship',
    'channels.read',
  ] as Permission[],
  dataScope: 'org_units' as DataScope,
};
