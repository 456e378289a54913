import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A tenant's settings of one owned channel: `sms` (provider aliyun or tencent) or `email` (smtp).
 * `config` holds the non-secret part (ids, sign name, templates, host…); `secrets` each field sealed
 * by platform/secrets (never stored in clear, never answered). `sandbox` rows are the demo's, pointed
 * at the sandboxes this API serves in demo mode.
 */
export const channelSettings = pgTable(
  'messaging_channel_settings',
  {
    tenantId: text('tenant_id').notNull(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    provider: text('provider', { enum: ['aliyun', 'tencent', 'smtp'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    sandbox: boolean('sandbox').notNull().default(false),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    secrets: jsonb('secrets').$type<Record<string, string>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.channel] })],
);

/**
 * Every message sent (or refused) on an owned channel: what, to whom, through which provider, and
 * what came of it. `idempotency_key` makes a caller's retry return the first attempt's row.
 */
export const ownedMessages = pgTable(
  'messaging_owned_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    /** Null for a settings test to a typed-in address. */
    customerId: text('customer_id'),
    recipient: text('recipient').notNull(),
    provider: text('provider'),
    templateKey: text('template_key'),
    subject: text('subject'),
    /** The text as sent (SMS: 【sign】 + filled template; email: the plain-text body). */
    body: text('body').notNull(),
    status: text('status', { enum: ['sending', 'sent', 'failed', 'refused'] }).notNull(),
    /** Why it failed or was refused: OPTED_OUT, NO_ADDRESS, NOT_CONFIGURED, or an SmsError kind / SMTP. */
    errorKind: text('error_kind'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    providerMessageId: text('provider_message_id'),
    attempts: integer('attempts').notNull().default(0),
    purpose: text('purpose', { enum: ['send', 'test', 'code'] }).notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull(),
    createdBy: text('created_by'),
    sentAt: ts('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_owned_messages_key_uq').on(t.tenantId, t.idempotencyKey),
    index('messaging_owned_messages_created_idx').on(t.tenantId, t.createdAt),
    index('messaging_owned_messages_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
  ],
);
