import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import type { Rotation, StoredAttachment, StoredSchedule, StoredWelcome, StoredWindow } from './live-codes.types';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 渠道活码: one WeCom contact way (config_id, qr_code) per code; `state` (unique per tenant, ≤ 30
 * chars) comes back with every add. `applied_*` is what WeCom has now, so the timer calls
 * update_contact_way only when the computed list or skip_verify differs. Deleted codes keep their
 * row (deleted_at) so that the add history still has a name.
 */
export const liveCodes = pgTable(
  'messaging_live_codes',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    orgUnitId: text('org_unit_id'),
    departmentIds: jsonb('department_ids').$type<string[]>().notNull(),
    departmentDailyCap: integer('department_daily_cap'),
    distribution: text('distribution', { enum: ['round_robin', 'random', 'sequential', 'weighted'] }).notNull(),
    backupStaffIds: jsonb('backup_staff_ids').$type<string[]>().notNull(),
    schedule: jsonb('schedule').$type<StoredSchedule>(),
    skipVerify: text('skip_verify', { enum: ['always', 'never', 'window'] }).notNull(),
    skipVerifyWindow: jsonb('skip_verify_window').$type<StoredWindow>(),
    tagIds: jsonb('tag_ids').$type<string[]>().notNull(),
    remarkTemplate: text('remark_template'),
    descriptionTemplate: text('description_template'),
    welcome: jsonb('welcome').$type<StoredWelcome>().notNull(),
    groupCodeId: text('group_code_id'),
    state: text('state').notNull(),
    configId: text('config_id'),
    qrCodeUrl: text('qr_code_url'),
    appliedUserIds: jsonb('applied_user_ids').$type<string[]>().notNull(),
    appliedSkipVerify: boolean('applied_skip_verify'),
    routing: text('routing', { enum: ['members', 'backup', 'kept'] }).notNull(),
    rotation: jsonb('rotation').$type<Rotation>().notNull(),
    lastAppliedAt: ts('last_applied_at'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_live_codes_state_uq').on(t.tenantId, t.state),
  ],
);

/** The staff members named on a code (departments are expanded when the code is applied). */
export const liveCodeMembers = pgTable(
  'messaging_live_code_members',
  {
    tenantId: text('tenant_id').notNull(),
    codeId: text('code_id').notNull(),
    staffId: text('staff_id').notNull(),
    position: integer('position').notNull(),
    weight: integer('weight').notNull(),
    dailyCap: integer('daily_cap'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.codeId, t.staffId] })],
);

/**
 * One add through a code: who, to whom, when; `lost_at` when the relationship ended (net adds);
 * the first paid order after the add (first orders). Kept when the code is deleted (stats).
 */
export const liveCodeAdds = pgTable(
  'messaging_live_code_adds',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    codeId: text('code_id').notNull(),
    customerId: text('customer_id').notNull(),
    staffId: text('staff_id'),
    wecomUserId: text('wecom_user_id').notNull(),
    externalUserId: text('external_user_id').notNull(),
    addedAt: ts('added_at').notNull(),
    lostAt: ts('lost_at'),
    firstOrderId: text('first_order_id'),
    firstOrderAt: ts('first_order_at'),
    firstOrderFen: integer('first_order_fen'),
    gmvFen: integer('gmv_fen').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('messaging_live_code_adds_code_idx').on(t.tenantId, t.codeId, t.addedAt),
    index('messaging_live_code_adds_customer_idx').on(t.tenantId, t.customerId, t.addedAt),
  ],
);

/** Paid orders of customers acquired through a code, attributed to the latest add before payment. */
export const liveCodeOrders = pgTable(
  'messaging_live_code_orders',
  {
    tenantId: text('tenant_id').notNull(),
    orderId: text('order_id').notNull(),
    addId: text('add_id').notNull(),
    codeId: text('code_id').notNull(),
    staffId: text('staff_id'),
    wecomUserId: text('wecom_user_id').notNull(),
    paidAt: ts('paid_at').notNull(),
    totalFen: integer('total_fen').notNull(),
    first: boolean('first').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId] }),
    index('messaging_live_code_orders_code_idx').on(t.tenantId, t.codeId, t.paidAt),
  ],
);

/** Scans of a code's QR where known (a landing page counts its visits); WeCom reports none. */
export const liveCodeScans = pgTable(
  'messaging_live_code_scans',
  {
    tenantId: text('tenant_id').notNull(),
    codeId: text('code_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    scans: integer('scans').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.codeId, t.day] })],
);

/** The tenant's default welcome message (codes in `default` welcome mode send it). */
export const liveCodeSettings = pgTable('messaging_live_code_settings', {
  tenantId: text('tenant_id').primaryKey(),
  welcomeText: text('welcome_text').notNull(),
  welcomeAttachments: jsonb('welcome_attachments').$type<StoredAttachment[]>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});
