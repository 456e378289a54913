import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Transactional outbox: events and jobs written in the caller's transaction, delivered after commit. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id'),
    kind: text('kind', { enum: ['event', 'job'] }).notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    jobId: uuid('job_id'),
    startAfter: ts('start_after'),
    createdAt: ts('created_at').notNull(),
    availableAt: ts('available_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    dispatchedAt: ts('dispatched_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.availableAt).where(sql`dispatched_at is null`)],
);

/** One row per (event, handler) that ran to completion: handlers are idempotent on this key. */
export const outboxHandled = pgTable(
  'outbox_handled',
  {
    eventId: text('event_id').notNull(),
    handler: text('handler').notNull(),
    handledAt: ts('handled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.handler] })],
);

/** Audit log of admin writes. The actor's name is copied in, as it was at the time. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    changes: jsonb('changes'),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_actor_idx').on(t.tenantId, t.actorId, t.id),
    index('audit_log_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);

/** Fixed-window counters for rate limits when Redis is not configured. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_expiry_idx').on(t.expiresAt)],
);

/** What the dev SMS provider "sent" (demo mode only), so the sandbox and tests can read codes. */
export const devSmsMessages = pgTable(
  'dev_sms_messages',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    tenantSlug: text('tenant_slug').notNull(),
    phone: text('phone').notNull(),
    text: text('text').notNull(),
    code: text('code'),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [index('dev_sms_phone_idx').on(t.phone, t.sentAt)],
);

/** Long-running imports and exports, with progress the UI polls and a per-row error report. */
export const dataJobs = pgTable(
  'data_jobs',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    kind: text('kind', { enum: ['import', 'export'] }).notNull(),
    entity: text('entity').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    fileName: text('file_name'),
    /** Stored input (imports) or output (exports), relative to the file store. */
    inputPath: text('input_path'),
    resultPath: text('result_path'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    succeeded: integer('succeeded').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    error: text('error'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('data_jobs_recent_idx').on(t.tenantId, t.kind, t.createdAt),
  ],
);

export const dataJobErrors = pgTable(
  'data_job_errors',
  {
    tenantId: text('tenant_id').notNull(),
    jobId: text('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    errors: jsonb('errors').$type<{ field: string; message: string }[]>().notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.jobId, t.rowNo] })],
);
