import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The customer timeline: append-only, written by every domain through the customers interface. */
export const customerEvents = pgTable(
  'customer_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    type: text('type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    source: text('source').notNull(),
    idempotencyKey: text('idempotency_key'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('customer_events_idem_uq').on(t.tenantId, t.idempotencyKey),
    index('customer_events_customer_idx').on(t.tenantId, t.customerId, t.occurredAt),
    index('customer_events_type_idx').on(t.tenantId, t.type, t.occurredAt),
  ],
);
