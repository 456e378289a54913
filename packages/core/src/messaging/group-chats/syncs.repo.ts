/** Group syncs: their progress and the cursor they resume from. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform';
import { groupSyncs } from './group-chats.tables';

export type GroupSyncRow = typeof groupSyncs.$inferSelect;

export async function insertSync(db: Db, row: typeof groupSyncs.$inferInsert) {
  const [saved] = await db.insert(groupSyncs).values(row).returning();
  return saved!;
}

export async function findSync(db: Db, tenantId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(groupSyncs)
    .where(and(eq(groupSyncs.tenantId, tenantId), eq(groupSyncs.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row ?? null;
}

export async function latestSync(db: Db, tenantId: string) {
  const [row] = await db
    .select()
    .from(groupSyncs)
    .where(eq(groupSyncs.tenantId, tenantId))
    .orderBy(desc(groupSyncs.createdAt), desc(groupSyncs.id))
    .limit(1);
  return row ?? null;
}

export async function unfinishedSync(db: Db, tenantId: string) {
  const [row] = await db
    .select()
    .from(groupSyncs)
    .where(and(eq(groupSyncs.tenantId, tenantId), inArray(groupSyncs.status, ['queued', 'running'])))
    .orderBy(desc(groupSyncs.createdAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function updateSync(db: Db, tenantId: string, id: string, set: Partial<typeof groupSyncs.$inferInsert>) {
  const [saved] = await db
    .update(groupSyncs)
    .set(set)
    .where(and(eq(groupSyncs.tenantId, tenantId), eq(groupSyncs.id, id)))
    .returning();
  return saved ?? null;
}

/** Tenants that have synced their groups before (the schedule keeps them current). */
export async function tenantsWithSyncs(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: groupSyncs.tenantId }).from(groupSyncs);
  return rows.map((r) => r.tenantId);
}
