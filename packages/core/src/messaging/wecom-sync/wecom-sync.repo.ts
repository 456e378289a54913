import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { wecomMembers, wecomSyncRuns } from './wecom-sync.tables';

export type MemberRow = typeof wecomMembers.$inferSelect;
export type RunRow = typeof wecomSyncRuns.$inferSelect;
export type RunPosition = RunRow['position'];

// ---- members --------------------------------------------------------------------------------------

export const listMemberRows = (db: Db, tenantId: string) =>
  db.select().from(wecomMembers).where(eq(wecomMembers.tenantId, tenantId)).orderBy(wecomMembers.userid);

export async function findMemberRow(db: Db, tenantId: string, userid: string) {
  const [row] = await db
    .select()
    .from(wecomMembers)
    .where(and(eq(wecomMembers.tenantId, tenantId), eq(wecomMembers.userid, userid)));
  return row ?? null;
}

/** Member rows of these userids (case-insensitive). */
export const memberRowsOf = (db: Db, tenantId: string, userids: string[]) =>
  userids.length
    ? db
        .select()
        .from(wecomMembers)
        .where(
          and(
            eq(wecomMembers.tenantId, tenantId),
            inArray(
              sql`lower(${wecomMembers.userid})`,
              userids.map((u) => u.toLowerCase()),
            ),
          ),
        )
    : Promise.resolve([]);

export const memberRowsOfStaff = (db: Db, tenantId: string, staffIds: string[]) =>
  staffIds.length
    ? db
        .select()
        .from(wecomMembers)
        .where(and(eq(wecomMembers.tenantId, tenantId), inArray(wecomMembers.staffId, staffIds)))
    : Promise.resolve([]);

export async function upsertMemberRow(db: Db, row: typeof wecomMembers.$inferInsert) {
  await db
    .insert(wecomMembers)
    .values(row)
    .onConflictDoUpdate({
      target: [wecomMembers.tenantId, wecomMembers.userid],
      set: {
        corpId: row.corpId,
        name: row.name,
        departments: row.departments,
        position: row.position,
        status: row.status,
        customerContact: row.customerContact,
        present: row.present,
        syncedAt: row.syncedAt,
        ...(row.linkedBy !== undefined ? { staffId: row.staffId, linkedBy: row.linkedBy, linkedAt: row.linkedAt } : {}),
      },
    });
}

export const setMemberLink = (
  db: Db,
  tenantId: string,
  userid: string,
  link: { staffId: string | null; linkedBy: 'auto' | 'manual' | null; linkedAt: Date | null },
) =>
  db
    .update(wecomMembers)
    .set(link)
    .where(and(eq(wecomMembers.tenantId, tenantId), eq(wecomMembers.userid, userid)));

/** Marks members not seen by this sync as gone; forgets members of another corp. */
export async function markAbsent(db: Db, tenantId: string, corpId: string, seen: string[], at: Date) {
  await db.delete(wecomMembers).where(and(eq(wecomMembers.tenantId, tenantId), ne(wecomMembers.corpId, corpId)));
  const gone = await db
    .update(wecomMembers)
    .set({ present: false, syncedAt: at })
    .where(
      and(
        eq(wecomMembers.tenantId, tenantId),
        eq(wecomMembers.present, true),
        seen.length
          ? sql`${wecomMembers.userid} not in (${sql.join(
              seen.map((s) => sql`${s}`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .returning({ userid: wecomMembers.userid });
  return gone.length;
}

// ---- runs -----------------------------------------------------------------------------------------

export const insertRun = (db: Db, row: typeof wecomSyncRuns.$inferInsert) => db.insert(wecomSyncRuns).values(row);

export async function findRun(db: Db, tenantId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(wecomSyncRuns)
    .where(and(eq(wecomSyncRuns.tenantId, tenantId), eq(wecomSyncRuns.id, id)));
  const [row] = await (opts.lock ? q.for('update') : q);
  return row ?? null;
}

export const listRunRows = (db: Db, tenantId: string, limit: number) =>
  db
    .select()
    .from(wecomSyncRuns)
    .where(eq(wecomSyncRuns.tenantId, tenantId))
    .orderBy(desc(wecomSyncRuns.createdAt), desc(wecomSyncRuns.id))
    .limit(limit);

/** An unfinished run of this kind (a second request joins it instead of starting another). */
export async function openRun(db: Db, tenantId: string, what: RunRow['what']) {
  const [row] = await db
    .select()
    .from(wecomSyncRuns)
    .where(
      and(
        eq(wecomSyncRuns.tenantId, tenantId),
        eq(wecomSyncRuns.what, what),
        inArray(wecomSyncRuns.status, ['queued', 'running']),
      ),
    )
    .limit(1);
  return row ?? null;
}

export const updateRun = (db: Db, tenantId: string, id: string, set: Partial<typeof wecomSyncRuns.$inferInsert>) =>
  db
    .update(wecomSyncRuns)
    .set(set)
    .where(and(eq(wecomSyncRuns.tenantId, tenantId), eq(wecomSyncRuns.id, id)));

/** Tenants that synced before (the nightly sync runs for them). */
export async function tenantsThatSynced(db: Db) {
  const rows = await db.selectDistinct({ tenantId: wecomSyncRuns.tenantId }).from(wecomSyncRuns);
  return rows.map((r) => r.tenantId);
}
