import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 客户群: the customer groups of the tenant's WeCom corp, as groupchat/get and the change_external_chat
 * callbacks told us. `chat_id` is WeCom's; a dismissed group stays (status `dismissed`) for its history.
 */
export const groups = pgTable(
  'messaging_groups',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    corpId: text('corp_id').notNull(),
    chatId: text('chat_id').notNull(),
    name: text('name').notNull(),
    /** The owner's WeCom userid, and the Siyu staff member behind it when one matches. */
    ownerUserid: text('owner_userid').notNull(),
    ownerStaffId: text('owner_staff_id'),
    notice: text('notice'),
    status: text('status', { enum: ['active', 'dismissed'] }).notNull(),
    memberCount: integer('member_count').notNull().default(0),
    externalCount: integer('external_count').notNull().default(0),
    memberVersion: text('member_version'),
    adminUserids: text('admin_userids').array().notNull().default(sql`'{}'::text[]`),
    tagIds: text('tag_ids').array().notNull().default(sql`'{}'::text[]`),
    /** WeCom's create_time. */
    wecomCreatedAt: ts('wecom_created_at'),
    dismissedAt: ts('dismissed_at'),
    syncedAt: ts('synced_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_groups_chat_uq').on(t.tenantId, t.corpId, t.chatId),
    index('messaging_groups_status_idx').on(t.tenantId, t.status, t.id),
    index('messaging_groups_owner_idx').on(t.tenantId, t.ownerUserid),
  ],
);

/**
 * The members of a group now and before: a member who leaves keeps the row (`left_at` set) until they
 * join again. `type` 1 a corp member, 2 an external contact (then `customer_id` when we know them).
 */
export const groupMembers = pgTable(
  'messaging_group_members',
  {
    tenantId: text('tenant_id').notNull(),
    groupId: text('group_id').notNull(),
    userid: text('userid').notNull(),
    type: integer('type').notNull(),
    name: text('name'),
    groupNickname: text('group_nickname'),
    unionid: text('unionid'),
    /** 1 invited directly, 2 invited by link, 3 scanned a QR code. */
    joinScene: integer('join_scene'),
    invitorUserid: text('invitor_userid'),
    /** The join way's state the member came through (a group code's state). */
    state: text('state'),
    groupCodeId: text('group_code_id'),
    customerId: text('customer_id'),
    joinedAt: ts('joined_at'),
    leftAt: ts('left_at'),
    /** 0 left by themself, 1 removed by the owner or an admin. */
    quitScene: integer('quit_scene'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.groupId, t.userid] }),
    index('messaging_group_members_customer_idx').on(t.tenantId, t.customerId),
  ],
);

/** Every join and leave, for the statistics (joins via a group code by day, leaves). Append-only. */
export const groupMemberEvents = pgTable(
  'messaging_group_member_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    groupId: text('group_id').notNull(),
    userid: text('userid').notNull(),
    kind: text('kind', { enum: ['joined', 'left'] }).notNull(),
    /** join_scene for a join, quit_scene for a leave. */
    scene: integer('scene'),
    state: text('state'),
    /** The group code the member joined through (also on their leave). */
    groupCodeId: text('group_code_id'),
    customerId: text('customer_id'),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('messaging_group_member_events_code_idx').on(t.tenantId, t.groupCodeId, t.at),
    index('messaging_group_member_events_group_idx').on(t.tenantId, t.groupId, t.at),
  ],
);

/** Group tags (群标签): a small set of the tenant's own labels for groups. */
export const groupTags = pgTable(
  'messaging_group_tags',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    color: text('color'),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_group_tags_name_uq').on(t.tenantId, t.name),
  ],
);

/**
 * A sync of the corp's groups (groupchat/list + groupchat/get): the cursor of the page being handled
 * and how many of its groups are done, so a restarted job resumes there; the counts are the progress.
 */
export const groupSyncs = pgTable(
  'messaging_group_syncs',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    corpId: text('corp_id').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    trigger: text('trigger', { enum: ['manual', 'schedule', 'setup'] }).notNull(),
    /** The groupchat/list cursor of the current page (null: the first page). */
    cursor: text('cursor'),
    /** Groups of the current page already handled. */
    pageDone: integer('page_done').notNull().default(0),
    listed: integer('listed').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Known once the listing has reached its last page. */
    total: integer('total'),
    listingDone: boolean('listing_done').notNull().default(false),
    dismissed: integer('dismissed').notNull().default(0),
    error: text('error'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('messaging_group_syncs_recent_idx').on(t.tenantId, t.createdAt),
  ],
);
