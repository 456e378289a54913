import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from '../profiles/profiles.tables';
import { tasks } from './follow-ups.tables';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskWithCustomer = TaskRow & { customerName: string | null };

/** Whose tasks an actor sees: all of the tenant's, or those assigned to or created by the given staff. */
export type TaskVisibility = { kind: 'all' } | { kind: 'staff'; assignees: string[]; creator: string | null };

export type TaskFilter = {
  assigneeId?: string;
  status?: TaskRow['status'];
  customerId?: string;
  dueFrom?: Date;
  dueBefore?: Date;
  /** Keyset: ids below this one (newest-first order). */
  beforeId?: string;
  order: 'newest' | 'soonest';
  limit: number;
};

export const insertTask = (db: Db, row: typeof tasks.$inferInsert) => db.insert(tasks).values(row);

export async function updateTaskRow(db: Db, tenantId: string, id: string, set: Partial<typeof tasks.$inferInsert>) {
  await db
    .update(tasks)
    .set(set)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

function visibilityCondition(v: TaskVisibility): SQL | undefined {
  if (v.kind === 'all') return undefined;
  const parts = [
    v.assignees.length ? inArray(tasks.assigneeId, v.assignees) : undefined,
    v.creator ? eq(tasks.createdBy, v.creator) : undefined,
  ].filter(Boolean) as SQL[];
  return parts.length ? or(...parts) : sql`false`;
}

const withCustomer = (db: Db) =>
  db
    .select({ task: tasks, customerName: sql<string | null>`coalesce(${customers.name}, ${customers.nickname})` })
    .from(tasks)
    .leftJoin(customers, and(eq(customers.tenantId, tasks.tenantId), eq(customers.id, tasks.customerId)));

const flatten = (r: { task: TaskRow; customerName: string | null }): TaskWithCustomer => ({
  ...r.task,
  customerName: r.customerName,
});

export async function findTask(db: Db, tenantId: string, id: string, v: TaskVisibility) {
  const [row] = await withCustomer(db).where(
    and(eq(tasks.tenantId, tenantId), eq(tasks.id, id), visibilityCondition(v)),
  );
  return row ? flatten(row) : undefined;
}

function filterConditions(tenantId: string, v: TaskVisibility, f: Omit<TaskFilter, 'order' | 'limit'>) {
  return and(
    eq(tasks.tenantId, tenantId),
    visibilityCondition(v),
    f.assigneeId ? eq(tasks.assigneeId, f.assigneeId) : undefined,
    f.status ? eq(tasks.status, f.status) : undefined,
    f.customerId ? eq(tasks.customerId, f.customerId) : undefined,
    f.dueFrom ? gte(tasks.dueAt, f.dueFrom) : undefined,
    f.dueBefore ? lt(tasks.dueAt, f.dueBefore) : undefined,
    f.beforeId ? lt(tasks.id, f.beforeId) : undefined,
  );
}

/** Tasks newest first (keyset by id), or soonest due first (undated last) for the "my tasks" views. */
export async function listTaskRows(db: Db, tenantId: string, v: TaskVisibility, f: TaskFilter) {
  const order = f.order === 'newest' ? [desc(tasks.id)] : [sql`${tasks.dueAt} asc nulls last`, asc(tasks.id)];
  const rows = await withCustomer(db)
    .where(filterConditions(tenantId, v, f))
    .orderBy(...order)
    .limit(f.limit);
  return rows.map(flatten);
}

/** My open tasks that have no due time or are due from `from` on (the "upcoming" view). */
export async function listUpcomingRows(db: Db, tenantId: string, assigneeId: string, from: Date, limit: number) {
  const rows = await withCustomer(db)
    .where(
      and(
        eq(tasks.tenantId, tenantId),
        eq(tasks.assigneeId, assigneeId),
        eq(tasks.status, 'open'),
        or(isNull(tasks.dueAt), gte(tasks.dueAt, from)),
      ),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(limit);
  return rows.map(flatten);
}

export async function countTasks(db: Db, tenantId: string, f: Omit<TaskFilter, 'order' | 'limit'>): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(filterConditions(tenantId, { kind: 'all' }, f));
  return r?.n ?? 0;
}

/** Tenants with an open task whose reminder time has come and that was not reminded yet. */
export async function tenantsWithDueReminders(db: Db, now: Date, tenantId?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: tasks.tenantId })
    .from(tasks)
    .where(
      and(
        lte(tasks.remindAt, now),
        isNull(tasks.remindedAt),
        eq(tasks.status, 'open'),
        tenantId ? eq(tasks.tenantId, tenantId) : undefined,
      ),
    );
  return rows.map((r) => r.tenantId);
}

/**
 * Claims up to `limit` due reminders of a tenant: sets remindedAt and returns the tasks. Rows another
 * worker is claiming are skipped, so each reminder is sent once. Run inside a transaction.
 */
export async function claimDueReminders(db: Db, tenantId: string, now: Date, limit: number) {
  const due = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(eq(tasks.tenantId, tenantId), lte(tasks.remindAt, now), isNull(tasks.remindedAt), eq(tasks.status, 'open')),
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(tasks)
    .set({ remindedAt: now })
    .where(and(eq(tasks.tenantId, tenantId), inArray(tasks.id, due)))
    .returning();
  const names = await customerNames(
    db,
    tenantId,
    claimed.map((t) => t.customerId).filter((c): c is string => c !== null),
  );
  return claimed.map((t) => ({ ...t, customerName: t.customerId ? (names.get(t.customerId) ?? null) : null }));
}

async function customerNames(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string | null>();
  const rows = await db
    .select({ id: customers.id, name: sql<string | null>`coalesce(${customers.name}, ${customers.nickname})` })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
