import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  brandName: text('brand_name').notNull(),
  logoUrl: text('logo_url'),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  currency: text('currency').notNull().default('CNY'),
  locale: text('locale', { enum: ['zh-CN', 'en'] })
    .notNull()
    .default('zh-CN'),
  createdAt: ts('created_at').notNull(),
});

export const staff = pgTable(
  'staff',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    title: text('title'),
    status: text('status', { enum: ['active', 'invited', 'disabled'] }).notNull(),
    passwordHash: text('password_hash'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('staff_email_uq').on(t.tenantId, t.email),
    index('staff_login_email_idx').on(t.email),
  ],
);

export const roles = pgTable(
  'roles',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    key: text('key'),
    name: text('name').notNull(),
    description: text('description'),
    permissions: jsonb('permissions').$type<string[]>().notNull(),
    dataScope: text('data_scope', { enum: ['all', 'org_units', 'self'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    /** Built-in roles: the template's permissions as last applied (roles.sync.ts); null before the first sync. */
    templatePermissions: jsonb('template_permissions').$type<string[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('roles_key_uq').on(t.tenantId, t.key).where(sql`key is not null`),
    uniqueIndex('roles_name_uq').on(t.tenantId, t.name),
  ],
);

export const staffRoles = pgTable(
  'staff_roles',
  {
    tenantId: text('tenant_id').notNull(),
    staffId: text('staff_id').notNull(),
    roleId: text('role_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.staffId, t.roleId] }),
    index('staff_roles_role_idx').on(t.tenantId, t.roleId),
  ],
);

export const orgUnits = pgTable(
  'org_units',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    parentId: text('parent_id'),
    kind: text('kind', { enum: ['department', 'store', 'warehouse'] }).notNull(),
    name: text('name').notNull(),
    code: text('code'),
    address: text('address'),
    /** WGS-84 degrees (what a browser's geolocation answers); the nearest-store landing pages use them. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('org_units_parent_idx').on(t.tenantId, t.parentId)],
);

export const staffOrgUnits = pgTable(
  'staff_org_units',
  {
    tenantId: text('tenant_id').notNull(),
    staffId: text('staff_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.staffId, t.orgUnitId] }),
    index('staff_org_units_unit_idx').on(t.tenantId, t.orgUnitId),
  ],
);

export const staffInvites = pgTable(
  'staff_invites',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    staffId: text('staff_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('staff_invites_token_uq').on(t.tokenHash)],
);

/** Staff and shopper sessions. The id is the SHA-256 of the cookie token; the token is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    kind: text('kind', { enum: ['staff', 'shopper'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_subject_idx').on(t.tenantId, t.subjectId), index('sessions_expiry_idx').on(t.expiresAt)],
);

export const shopAccounts = pgTable(
  'shop_accounts',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    phone: text('phone').notNull(),
    passwordHash: text('password_hash'),
    nickname: text('nickname'),
    avatarUrl: text('avatar_url'),
    gender: text('gender', { enum: ['unknown', 'male', 'female'] })
      .notNull()
      .default('unknown'),
    birthday: date('birthday', { mode: 'string' }),
    createdAt: ts('created_at').notNull(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('shop_accounts_phone_uq').on(t.tenantId, t.phone)],
);

export const smsCodes = pgTable(
  'sms_codes',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    phone: text('phone').notNull(),
    purpose: text('purpose', { enum: ['login', 'reset_password'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    consumedAt: ts('consumed_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('sms_codes_lookup_idx').on(t.tenantId, t.phone, t.purpose, t.createdAt),
  ],
);

/** In-console notifications for a staff member (a lead handed to them, a task reminder). */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    staffId: text('staff_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('staff_notifications_staff_idx').on(t.tenantId, t.staffId, t.createdAt),
  ],
);
