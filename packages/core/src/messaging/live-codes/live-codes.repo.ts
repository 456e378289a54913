import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { liveCodeAdds, liveCodeMembers, liveCodeOrders, liveCodes, liveCodeSettings } from './live-codes.tables';

export type LiveCodeRow = typeof liveCodes.$inferSelect;
export type LiveCodeMemberRow = typeof liveCodeMembers.$inferSelect;
export type LiveCodeAddRow = typeof liveCodeAdds.$inferSelect;

const live = (tenantId: string) => and(eq(liveCodes.tenantId, tenantId), isNull(liveCodes.deletedAt));

export async function insertCode(db: Db, row: typeof liveCodes.$inferInsert) {
  await db.insert(liveCodes).values(row);
}

export async function findCode(db: Db, tenantId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(liveCodes)
    .where(and(live(tenantId), eq(liveCodes.id, id)));
  const [row] = await (opts.lock ? q.for('update') : q);
  return row ?? null;
}

/** The code an add event's `state` names (deleted codes no longer attribute). */
export async function findCodeByState(db: Db, tenantId: string, state: string) {
  const [row] = await db
    .select()
    .from(liveCodes)
    .where(and(live(tenantId), eq(liveCodes.state, state)));
  return row ?? null;
}

/** Names of codes, deleted ones too (stats of a deleted code keep its name). */
export async function codeNames(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: liveCodes.id, name: liveCodes.name })
    .from(liveCodes)
    .where(and(eq(liveCodes.tenantId, tenantId), inArray(liveCodes.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listCodes(db: Db, tenantId: string, q: { q?: string; cursor?: string; limit: number }) {
  return db
    .select()
    .from(liveCodes)
    .where(
      and(
        live(tenantId),
        q.q ? ilike(liveCodes.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        q.cursor ? lt(liveCodes.id, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(liveCodes.id))
    .limit(q.limit + 1);
}

export async function updateCode(db: Db, tenantId: string, id: string, set: Partial<typeof liveCodes.$inferInsert>) {
  await db
    .update(liveCodes)
    .set(set)
    .where(and(eq(liveCodes.tenantId, tenantId), eq(liveCodes.id, id)));
}

/** Tenants with at least one code (the timer walks them). */
export async function tenantsWithCodes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ t: liveCodes.tenantId }).from(liveCodes).where(isNull(liveCodes.deletedAt));
  return rows.map((r) => r.t);
}

export async function codeIdsOf(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.select({ id: liveCodes.id }).from(liveCodes).where(live(tenantId)).orderBy(asc(liveCodes.id));
  return rows.map((r) => r.id);
}

export async function replaceMembers(
  db: Db,
  tenantId: string,
  codeId: string,
  members: { staffId: string; weight: number; dailyCap: number | null }[],
) {
  await db
    .delete(liveCodeMembers)
    .where(and(eq(liveCodeMembers.tenantId, tenantId), eq(liveCodeMembers.codeId, codeId)));
  if (members.length)
    await db.insert(liveCodeMembers).values(members.map((m, position) => ({ tenantId, codeId, position, ...m })));
}

export async function membersOf(db: Db, tenantId: string, codeIds: string[]) {
  if (!codeIds.length) return [];
  return db
    .select()
    .from(liveCodeMembers)
    .where(and(eq(liveCodeMembers.tenantId, tenantId), inArray(liveCodeMembers.codeId, codeIds)))
    .orderBy(asc(liveCodeMembers.codeId), asc(liveCodeMembers.position));
}

/** Adds through a code since `since`, per staff member (daily caps). */
export async function addsSinceByStaff(db: Db, tenantId: string, codeId: string, since: Date) {
  const rows = await db
    .select({ staffId: liveCodeAdds.staffId, n: count() })
    .from(liveCodeAdds)
    .where(and(eq(liveCodeAdds.tenantId, tenantId), eq(liveCodeAdds.codeId, codeId), gte(liveCodeAdds.addedAt, since)))
    .groupBy(liveCodeAdds.staffId);
  return new Map(rows.filter((r) => r.staffId).map((r) => [r.staffId!, Number(r.n)]));
}

/** All-time adds and net adds, and today's adds, of each code. */
export async function totalsOf(db: Db, tenantId: string, codeIds: string[], todayStart: Date) {
  if (!codeIds.length) return new Map<string, { adds: number; netAdds: number; today: number }>();
  const rows = await db
    .select({
      codeId: liveCodeAdds.codeId,
      adds: count(),
      netAdds: sql<number>`count(*) filter (where ${liveCodeAdds.lostAt} is null)`,
      today: sql<number>`count(*) filter (where ${liveCodeAdds.addedAt} >= ${todayStart.toISOString()}::timestamptz)`,
    })
    .from(liveCodeAdds)
    .where(and(eq(liveCodeAdds.tenantId, tenantId), inArray(liveCodeAdds.codeId, codeIds)))
    .groupBy(liveCodeAdds.codeId);
  return new Map(
    rows.map((r) => [r.codeId, { adds: Number(r.adds), netAdds: Number(r.netAdds), today: Number(r.today) }]),
  );
}

export async function insertAdd(db: Db, row: typeof liveCodeAdds.$inferInsert) {
  await db.insert(liveCodeAdds).values(row);
}

/** The relationship ended: every open add of this customer with this WeCom member is lost. */
export async function markLost(db: Db, tenantId: string, customerId: string, wecomUserId: string, at: Date) {
  const rows = await db
    .update(liveCodeAdds)
    .set({ lostAt: at })
    .where(
      and(
        eq(liveCodeAdds.tenantId, tenantId),
        eq(liveCodeAdds.customerId, customerId),
        eq(liveCodeAdds.wecomUserId, wecomUserId),
        isNull(liveCodeAdds.lostAt),
      ),
    )
    .returning({ id: liveCodeAdds.id, codeId: liveCodeAdds.codeId });
  return rows;
}

/** The customer's latest add through any code at or before `at` (orders are attributed to it). */
export async function latestAddBefore(db: Db, tenantId: string, customerId: string, at: Date) {
  const [row] = await db
    .select()
    .from(liveCodeAdds)
    .where(
      and(eq(liveCodeAdds.tenantId, tenantId), eq(liveCodeAdds.customerId, customerId), lte(liveCodeAdds.addedAt, at)),
    )
    .orderBy(desc(liveCodeAdds.addedAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

/** Records an attributed paid order once (false when it was already recorded). */
export async function insertOrder(db: Db, row: typeof liveCodeOrders.$inferInsert) {
  const saved = await db
    .insert(liveCodeOrders)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: liveCodeOrders.orderId });
  return saved.length > 0;
}

export async function updateAdd(db: Db, tenantId: string, id: string, set: Partial<typeof liveCodeAdds.$inferInsert>) {
  await db
    .update(liveCodeAdds)
    .set(set)
    .where(and(eq(liveCodeAdds.tenantId, tenantId), eq(liveCodeAdds.id, id)));
}

export async function findSettings(db: Db, tenantId: string) {
  const [row] = await db.select().from(liveCodeSettings).where(eq(liveCodeSettings.tenantId, tenantId));
  return row ?? null;
}

export async function saveSettings(db: Db, row: typeof liveCodeSettings.$inferInsert) {
  await db.insert(liveCodeSettings).values(row).onConflictDoUpdate({ target: liveCodeSettings.tenantId, set: row });
}

/** Adds since `since` per (code, staff member): the members' "today" figures of a list page. */
export async function addsSinceByCodeStaff(db: Db, tenantId: string, codeIds: string[], since: Date) {
  if (!codeIds.length) return new Map<string, number>();
  const rows = await db
    .select({ codeId: liveCodeAdds.codeId, staffId: liveCodeAdds.staffId, n: count() })
    .from(liveCodeAdds)
    .where(
      and(eq(liveCodeAdds.tenantId, tenantId), inArray(liveCodeAdds.codeId, codeIds), gte(liveCodeAdds.addedAt, since)),
    )
    .groupBy(liveCodeAdds.codeId, liveCodeAdds.staffId);
  return new Map(rows.map((r) => [`${r.codeId}/${r.staffId}`, Number(r.n)]));
}

export async function deleteCodeRows(db: Db, tenantId: string, id: string) {
  await db.delete(liveCodeMembers).where(and(eq(liveCodeMembers.tenantId, tenantId), eq(liveCodeMembers.codeId, id)));
  await db.delete(liveCodes).where(and(eq(liveCodes.tenantId, tenantId), eq(liveCodes.id, id)));
}

/** The add of this WeCom relationship (member + external contact) through this code that has not ended, if any. */
export async function openAddOf(db: Db, tenantId: string, codeId: string, externalUserId: string, wecomUserId: string) {
  const [row] = await db
    .select({ id: liveCodeAdds.id })
    .from(liveCodeAdds)
    .where(
      and(
        eq(liveCodeAdds.tenantId, tenantId),
        eq(liveCodeAdds.codeId, codeId),
        eq(liveCodeAdds.externalUserId, externalUserId),
        eq(liveCodeAdds.wecomUserId, wecomUserId),
        isNull(liveCodeAdds.lostAt),
      ),
    )
    .limit(1);
  return row ?? null;
}
