import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The non-secret part of a provider's settings (ids, public keys, gateway). */
export type PaymentConfigJson = Record<string, unknown>;
/** Secrets by field name, each sealed by platform/secrets (`v1:<key id>:…`); never stored in clear. */
export type SealedSecretsJson = Record<string, string>;

/**
 * A tenant's merchant settings, one row per provider (`wechatpay`, `alipay`). `sandbox` rows are the
 * demo's (pointed at the sandboxes this API serves in demo mode). `version` goes up on every change.
 */
export const paymentSettings = pgTable(
  'orders_payment_settings',
  {
    tenantId: text('tenant_id').notNull(),
    provider: text('provider', { enum: ['wechatpay', 'alipay'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    channels: jsonb('channels').$type<string[]>().notNull(),
    sandbox: boolean('sandbox').notNull().default(false),
    config: jsonb('config').$type<PaymentConfigJson>().notNull(),
    secrets: jsonb('secrets').$type<SealedSecretsJson>().notNull(),
    notifyUrlBase: text('notify_url_base').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.provider] })],
);
