import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A tenant's WeCom app and callback settings. `secret` and `encoding_aes_key` are sealed by
 * platform/secrets (never stored in clear; the secret is never answered). `api_base_url` is null for
 * WeCom itself; only `sandbox` rows (the demo tenant) point elsewhere, at the sandbox this API serves.
 */
export const wecomSettings = pgTable('messaging_wecom_settings', {
  tenantId: text('tenant_id').primaryKey(),
  corpId: text('corp_id').notNull(),
  agentId: text('agent_id').notNull(),
  token: text('token').notNull(),
  secret: text('secret').notNull(),
  encodingAesKey: text('encoding_aes_key').notNull(),
  apiBaseUrl: text('api_base_url'),
  sandbox: boolean('sandbox').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/**
 * Every callback delivery WeCom made, stored before it is acknowledged (append-only: rows are never
 * deleted; only the processing status moves). `identity` (callbackIdentity: MsgId or a hash of the
 * fields) makes WeCom's retries land on the first row.
 */
export const wecomDeliveries = pgTable(
  'messaging_wecom_deliveries',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    identity: text('identity').notNull(),
    corpId: text('corp_id').notNull(),
    event: text('event').notNull(),
    changeType: text('change_type'),
    format: text('format', { enum: ['xml', 'json'] }).notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['received', 'processed', 'failed'] }).notNull(),
    /** What processing did (e.g. `customer cus_… added`) or why it failed. */
    outcome: text('outcome'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    receivedAt: ts('received_at').notNull(),
    processedAt: ts('processed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_wecom_deliveries_identity_uq').on(t.tenantId, t.identity),
    index('messaging_wecom_deliveries_status_idx').on(t.tenantId, t.status, t.receivedAt),
  ],
);

/**
 * Pictures uploaded to WeCom as temporary media (media/upload): the media_id a mini-program card's
 * cover needs, reused while fresh (WECOM_LIMITS.media.reuseMs; WeCom keeps one 3 days), by source URL.
 */
export const wecomMedia = pgTable(
  'messaging_wecom_media',
  {
    tenantId: text('tenant_id').notNull(),
    sourceUrl: text('source_url').notNull(),
    corpId: text('corp_id').notNull(),
    mediaId: text('media_id').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.corpId, t.sourceUrl] })],
);
