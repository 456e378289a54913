import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { tsvector } from '../../platform/search-text';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type Touch = { channel: string; liveCodeId?: string; storeId?: string; campaignId?: string; at: string };

/** One row per person (OneID). A merged-away customer keeps its row with `mergedInto` set. */
export const customers = pgTable(
  'customers',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name'),
    nickname: text('nickname'),
    gender: text('gender', { enum: ['unknown', 'male', 'female'] })
      .notNull()
      .default('unknown'),
    birthday: date('birthday', { mode: 'string' }),
    /** Lunar birthday as MM-DD (leap months as L-MM-DD), optional. */
    lunarBirthday: text('lunar_birthday'),
    birthMonth: integer('birth_month'),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    avatarUrl: text('avatar_url'),
    phone: text('phone'),
    email: text('email'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    stage: text('stage', { enum: ['potential', 'new', 'active', 'loyal', 'dormant', 'churned'] })
      .notNull()
      .default('potential'),
    firstTouch: jsonb('first_touch').$type<Touch>(),
    lastTouch: jsonb('last_touch').$type<Touch>(),
    sourceChannel: text('source_channel'),
    storeId: text('store_id'),
    primaryOwnerId: text('primary_owner_id'),
    /** Projection fed by order events (orders domain, later): counts and money in fen. */
    orderCount: integer('order_count').notNull().default(0),
    totalSpent: bigint('total_spent', { mode: 'number' }).notNull().default(0),
    lastOrderAt: ts('last_order_at'),
    lastActiveAt: ts('last_active_at'),
    search: tsvector('search'),
    mergedInto: text('merged_into'),
    erasedAt: ts('erased_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customers_owner_idx').on(t.tenantId, t.primaryOwnerId, t.id),
    index('customers_stage_idx').on(t.tenantId, t.stage, t.id),
    index('customers_store_idx').on(t.tenantId, t.storeId, t.id),
    index('customers_source_idx').on(t.tenantId, t.sourceChannel, t.id),
    index('customers_active_idx').on(t.tenantId, t.lastActiveAt),
    index('customers_spent_idx').on(t.tenantId, t.totalSpent),
    index('customers_birth_month_idx').on(t.tenantId, t.birthMonth),
    index('customers_search_idx').using('gin', t.search),
    index('customers_custom_idx').using('gin', sql`${t.custom} jsonb_path_ops`),
  ],
);

export const IDENTITY_KINDS = [
  'wecom_external',
  'unionid',
  'openid',
  'phone',
  'email',
  'shop_account',
  'platform_buyer',
] as const;

/** Every way we know a person. (kind, namespace, value) is unique per tenant: one identity, one customer. */
export const customerIdentities = pgTable(
  'customer_identities',
  {
    tenantId: text('tenant_id').notNull(),
    kind: text('kind', { enum: IDENTITY_KINDS }).notNull(),
    /** corp id (WeCom), app id (openid), platform name (buyer ids); '' when not scoped. */
    namespace: text('namespace').notNull().default(''),
    value: text('value').notNull(),
    customerId: text('customer_id').notNull(),
    verified: boolean('verified').notNull().default(false),
    source: text('source').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.namespace, t.value] }),
    index('customer_identities_customer_idx').on(t.tenantId, t.customerId),
  ],
);

/** A merge, with what it moved, so it can be undone. */
export const customerMerges = pgTable(
  'customer_merges',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    survivorId: text('survivor_id').notNull(),
    mergedId: text('merged_id').notNull(),
    reason: text('reason').notNull(),
    automatic: boolean('automatic').notNull(),
    moved: jsonb('moved').$type<Record<string, unknown>>().notNull(),
    actorId: text('actor_id'),
    createdAt: ts('created_at').notNull(),
    undoneAt: ts('undone_at'),
    undoneBy: text('undone_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_merges_survivor_idx').on(t.tenantId, t.survivorId),
    index('customer_merges_merged_idx').on(t.tenantId, t.mergedId),
  ],
);

/** A staff member following the customer, as WeCom's follow_user models it. */
export const customerOwners = pgTable(
  'customer_owners',
  {
    tenantId: text('tenant_id').notNull(),
    customerId: text('customer_id').notNull(),
    staffId: text('staff_id').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    remark: text('remark'),
    description: text('description'),
    addWay: text('add_way'),
    state: text('state'),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.staffId] }),
    index('customer_owners_staff_idx').on(t.tenantId, t.staffId, t.customerId),
    uniqueIndex('customer_owners_primary_uq').on(t.tenantId, t.customerId).where(sql`is_primary`),
  ],
);

/** Every change of a customer's owner, for WeCom's limit of two transfers per 90 days. */
export const ownerTransfers = pgTable(
  'customer_owner_transfers',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    fromStaffId: text('from_staff_id'),
    toStaffId: text('to_staff_id').notNull(),
    kind: text('kind', { enum: ['assign', 'reassign', 'handover', 'resigned'] }).notNull(),
    reason: text('reason'),
    actorId: text('actor_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_owner_transfers_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
  ],
);

export const customFieldDefs = pgTable(
  'customer_field_defs',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: ['text', 'number', 'date', 'single', 'multi'] }).notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('customer_field_defs_key_uq').on(t.tenantId, t.key)],
);

export const CONSENT_CHANNELS = ['sms', 'email', 'wecom', 'push', 'phone'] as const;

/** The current marketing consent per channel; history is in the customer's timeline. */
export const customerConsents = pgTable(
  'customer_consents',
  {
    tenantId: text('tenant_id').notNull(),
    customerId: text('customer_id').notNull(),
    channel: text('channel', { enum: CONSENT_CHANNELS }).notNull(),
    status: text('status', { enum: ['opt_in', 'opt_out'] }).notNull(),
    source: text('source').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId, t.channel] })],
);
