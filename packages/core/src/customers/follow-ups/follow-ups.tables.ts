import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const customerNotes = pgTable(
  'customer_notes',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_notes_customer_idx').on(t.tenantId, t.customerId),
  ],
);

/** A contact with the customer: how, what was said, what comes next. */
export const followUps = pgTable(
  'customer_follow_ups',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    staffId: text('staff_id').notNull(),
    method: text('method', { enum: ['call', 'wechat', 'visit', 'sms', 'email', 'other'] }).notNull(),
    content: text('content').notNull(),
    nextStep: text('next_step'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_follow_ups_customer_idx').on(t.tenantId, t.customerId),
  ],
);

/** Work for a staff member, with a due time and an optional reminder; lead hand-offs are tasks too. */
export const tasks = pgTable(
  'customer_tasks',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    customerId: text('customer_id'),
    assigneeId: text('assignee_id').notNull(),
    kind: text('kind', { enum: ['follow_up', 'lead', 'other'] }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    dueAt: ts('due_at'),
    remindAt: ts('remind_at'),
    remindedAt: ts('reminded_at'),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull(),
    doneAt: ts('done_at'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_tasks_assignee_idx').on(t.tenantId, t.assigneeId, t.status, t.dueAt),
    index('customer_tasks_customer_idx').on(t.tenantId, t.customerId),
    index('customer_tasks_remind_idx').on(t.remindAt),
  ],
);
