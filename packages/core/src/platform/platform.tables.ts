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
