import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The tenant's WeCom members (通讯录, from the staff sync) and the Siyu staff member each one is.
 * `linked_by`: `auto` (the sync matched the login email's local part or the mobile, unambiguously),
 * `manual` (an admin chose — a manual row with no staff id means "nobody", and is kept by the sync).
 * `present`: still a member in WeCom at the last sync.
 */
export const wecomMembers = pgTable(
  'messaging_wecom_members',
  {
    tenantId: text('tenant_id').notNull(),
    userid: text('userid').notNull(),
    corpId: text('corp_id').notNull(),
    staffId: text('staff_id'),
    name: text('name').notNull(),
    departments: jsonb('departments').$type<{ id: number; name: string | null }[]>().notNull(),
    position: text('position'),
    /** WeCom's status: 1 active, 2 disabled, 4 not activated, 5 left. */
    status: integer('status'),
    /** Has 客户联系 (get_follow_user_list), so it can have customers. */
    customerContact: boolean('customer_contact').notNull(),
    linkedBy: text('linked_by', { enum: ['auto', 'manual'] }),
    linkedAt: ts('linked_at'),
    present: boolean('present').notNull(),
    syncedAt: ts('synced_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userid] }),
    index('messaging_wecom_members_staff_idx').on(t.tenantId, t.staffId),
  ],
);

/**
 * One run of a WeCom sync (staff, customers or tags), with its progress and where it is: `position`
 * is stored after every page in the page's own transaction, so a restarted run continues from there.
 */
export const wecomSyncRuns = pgTable(
  'messaging_wecom_sync_runs',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    what: text('what', { enum: ['staff', 'customers', 'tags'] }).notNull(),
    trigger: text('trigger', { enum: ['manual', 'schedule'] }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    corpId: text('corp_id'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Counters of what changed (created, matched, linked, tagged…). */
    stats: jsonb('stats').$type<Record<string, number>>().notNull(),
    /** The first errors (item and message), capped. */
    errors: jsonb('errors').$type<{ item: string; message: string }[]>().notNull(),
    /** Where a resumed run continues: the member batch and WeCom's cursor within it. */
    position: jsonb('position').$type<{ members?: string[]; batch?: number; cursor?: string | null }>().notNull(),
    error: text('error'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('messaging_wecom_sync_runs_recent_idx').on(t.tenantId, t.createdAt),
  ],
);
