import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 群活码: a WeCom join way (groupchat/add_join_way, scene 2: a QR code) fronting the tenant's groups.
 * `chat_ids` are every group of the code in order (picked, and rooms WeCom auto-created); the join way
 * carries those under the cap (`active_chat_ids`, ≤ 5). `state` (= the id) comes back on each member
 * who joins through it.
 */
export const groupCodes = pgTable(
  'messaging_group_codes',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    state: text('state').notNull(),
    corpId: text('corp_id').notNull(),
    configId: text('config_id'),
    qrCodeUrl: text('qr_code_url'),
    chatIds: text('chat_ids').array().notNull().default(sql`'{}'::text[]`),
    activeChatIds: text('active_chat_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Members a group may hold before the code moves on (WeCom stops scan joins at 200). */
    memberCap: integer('member_cap').notNull(),
    autoCreate: boolean('auto_create').notNull().default(false),
    roomBaseName: text('room_base_name'),
    roomBaseId: integer('room_base_id'),
    remark: text('remark'),
    /** `full`: every group reached the cap and WeCom will not create rooms. */
    routing: text('routing', { enum: ['open', 'full'] })
      .notNull()
      .default('open'),
    lastAppliedAt: ts('last_applied_at'),
    lastError: text('last_error'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_group_codes_state_uq').on(t.tenantId, t.state),
    index('messaging_group_codes_recent_idx').on(t.tenantId, t.createdAt),
  ],
);
