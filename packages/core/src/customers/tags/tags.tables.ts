import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const tagGroups = pgTable(
  'tag_groups',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    selectMode: text('select_mode', { enum: ['single', 'multi'] })
      .notNull()
      .default('multi'),
    sort: integer('sort').notNull().default(0),
    /** The WeCom corp tag group this maps to (channels issue). */
    wecomGroupId: text('wecom_group_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('tag_groups_name_uq').on(t.tenantId, t.name)],
);

export const tags = pgTable(
  'tags',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    groupId: text('group_id').notNull(),
    name: text('name').notNull(),
    color: text('color'),
    description: text('description'),
    sort: integer('sort').notNull().default(0),
    /** The WeCom corp tag id this maps to (channels issue). */
    wecomTagId: text('wecom_tag_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('tags_name_uq').on(t.tenantId, t.groupId, t.name)],
);

export const TAG_SOURCES = ['manual', 'rule', 'import', 'behaviour', 'wecom'] as const;

/** A tag on a customer, with who or what put it there. */
export const customerTags = pgTable(
  'customer_tags',
  {
    tenantId: text('tenant_id').notNull(),
    customerId: text('customer_id').notNull(),
    tagId: text('tag_id').notNull(),
    source: text('source', { enum: TAG_SOURCES }).notNull(),
    /** staff id, rule id or import job id */
    addedBy: text('added_by'),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.tagId] }),
    index('customer_tags_tag_idx').on(t.tenantId, t.tagId, t.customerId),
  ],
);

/** A tag on one staff member's relationship with the customer (WeCom tags are per follow_user). */
export const ownerTags = pgTable(
  'customer_owner_tags',
  {
    tenantId: text('tenant_id').notNull(),
    customerId: text('customer_id').notNull(),
    staffId: text('staff_id').notNull(),
    tagId: text('tag_id').notNull(),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId, t.staffId, t.tagId] })],
);

/** Tags a customer automatically when a condition over attributes or events holds. */
export const tagRules = pgTable(
  'tag_rules',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    tagId: text('tag_id').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Remove the tag again when the condition stops holding. */
    removeWhenFalse: boolean('remove_when_false').notNull().default(false),
    condition: jsonb('condition').$type<Record<string, unknown>>().notNull(),
    lastRunAt: ts('last_run_at'),
    lastMatched: integer('last_matched'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
