/** The 客户群 registry's rows: groups, their members, join/leave events, group tags. */
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { groupMemberEvents, groupMembers, groups, groupTags } from './group-chats.tables';

export type GroupRow = typeof groups.$inferSelect;
export type GroupMemberRow = typeof groupMembers.$inferSelect;
export type GroupTagRow = typeof groupTags.$inferSelect;
export type MemberEventRow = typeof groupMemberEvents.$inferInsert;

export async function findGroupByChat(db: Db, tenantId: string, corpId: string, chatId: string, lock = false) {
  const q = db
    .select()
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.corpId, corpId), eq(groups.chatId, chatId)));
  const [row] = await (lock ? q.for('update') : q);
  return row ?? null;
}

export async function findGroup(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.id, id)));
  return row ?? null;
}

export async function findGroups(db: Db, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), inArray(groups.id, [...ids])));
}

export async function findGroupsByChats(db: Db, tenantId: string, corpId: string, chatIds: readonly string[]) {
  if (!chatIds.length) return [];
  return db
    .select()
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.corpId, corpId), inArray(groups.chatId, [...chatIds])));
}

export async function insertGroup(db: Db, row: typeof groups.$inferInsert) {
  const [saved] = await db.insert(groups).values(row).returning();
  return saved!;
}

export async function updateGroup(db: Db, tenantId: string, id: string, set: Partial<typeof groups.$inferInsert>) {
  const [saved] = await db
    .update(groups)
    .set(set)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.id, id)))
    .returning();
  return saved ?? null;
}

export type GroupFilter = {
  q?: string;
  ownerStaffId?: string;
  tagId?: string;
  status?: 'active' | 'dismissed';
  cursor?: string;
  limit: number;
};

export async function listGroupRows(db: Db, tenantId: string, f: GroupFilter) {
  const rows = await db
    .select()
    .from(groups)
    .where(
      and(
        eq(groups.tenantId, tenantId),
        f.status ? eq(groups.status, f.status) : undefined,
        f.ownerStaffId ? eq(groups.ownerStaffId, f.ownerStaffId) : undefined,
        f.tagId ? sql`${f.tagId} = any(${groups.tagIds})` : undefined,
        f.q ? ilike(groups.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        f.cursor ? lt(groups.id, f.cursor) : undefined,
      ),
    )
    .orderBy(desc(groups.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Active groups of a corp not seen by a sync that started at `since` (WeCom no longer lists them). */
export async function dismissUnseen(db: Db, tenantId: string, corpId: string, since: Date, now: Date) {
  const rows = await db
    .update(groups)
    .set({ status: 'dismissed', dismissedAt: now, updatedAt: now })
    .where(
      and(
        eq(groups.tenantId, tenantId),
        eq(groups.corpId, corpId),
        eq(groups.status, 'active'),
        sql`(${groups.syncedAt} is null or ${groups.syncedAt} < ${since})`,
      ),
    )
    .returning({ id: groups.id });
  return rows.length;
}

// ---- members ----

export async function membersOf(db: Db, tenantId: string, groupId: string) {
  return db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, groupId)))
    .orderBy(asc(groupMembers.joinedAt), asc(groupMembers.userid));
}

export async function currentMembers(db: Db, tenantId: string, groupId: string) {
  return db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)));
}

export async function leftMembers(db: Db, tenantId: string, groupId: string, limit: number) {
  return db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.groupId, groupId), isNotNull(groupMembers.leftAt)))
    .orderBy(desc(groupMembers.leftAt))
    .limit(limit);
}

export async function upsertMembers(db: Db, rows: (typeof groupMembers.$inferInsert)[]) {
  if (!rows.length) return;
  await db
    .insert(groupMembers)
    .values(rows)
    .onConflictDoUpdate({
      target: [groupMembers.tenantId, groupMembers.groupId, groupMembers.userid],
      set: {
        type: sql`excluded.type`,
        name: sql`excluded.name`,
        groupNickname: sql`excluded.group_nickname`,
        unionid: sql`excluded.unionid`,
        joinScene: sql`excluded.join_scene`,
        invitorUserid: sql`excluded.invitor_userid`,
        state: sql`excluded.state`,
        groupCodeId: sql`excluded.group_code_id`,
        customerId: sql`coalesce(excluded.customer_id, ${groupMembers.customerId})`,
        joinedAt: sql`excluded.joined_at`,
        leftAt: sql`null`,
        quitScene: sql`null`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

export async function markLeft(
  db: Db,
  tenantId: string,
  groupId: string,
  userids: readonly string[],
  at: Date,
  quitScene: number | null,
) {
  if (!userids.length) return [];
  return db
    .update(groupMembers)
    .set({ leftAt: at, quitScene, updatedAt: at })
    .where(
      and(
        eq(groupMembers.tenantId, tenantId),
        eq(groupMembers.groupId, groupId),
        inArray(groupMembers.userid, [...userids]),
        isNull(groupMembers.leftAt),
      ),
    )
    .returning();
}

export async function insertMemberEvents(db: Db, rows: MemberEventRow[]) {
  if (rows.length) await db.insert(groupMemberEvents).values(rows);
}

/** Joins and leaves attributed to a group code between two instants, by local day and group. */
export async function codeEventCounts(
  db: Db,
  tenantId: string,
  groupCodeId: string,
  from: Date,
  to: Date,
  timeZone: string,
) {
  const day = sql<string>`to_char(${groupMemberEvents.at} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return (
    db
      .select({ day, groupId: groupMemberEvents.groupId, kind: groupMemberEvents.kind, n: sql<number>`count(*)::int` })
      .from(groupMemberEvents)
      .where(
        and(
          eq(groupMemberEvents.tenantId, tenantId),
          eq(groupMemberEvents.groupCodeId, groupCodeId),
          sql`${groupMemberEvents.at} >= ${from} and ${groupMemberEvents.at} < ${to}`,
        ),
      )
      // by position: the day expression carries a parameter (the zone), which GROUP BY would not match
      .groupBy(sql`1`, sql`2`, sql`3`)
  );
}

/** All-time joins through each of the given group codes. */
export async function codeJoinTotals(db: Db, tenantId: string, codeIds: readonly string[]) {
  if (!codeIds.length) return new Map<string, number>();
  const rows = await db
    .select({ id: groupMemberEvents.groupCodeId, n: sql<number>`count(*)::int` })
    .from(groupMemberEvents)
    .where(
      and(
        eq(groupMemberEvents.tenantId, tenantId),
        inArray(groupMemberEvents.groupCodeId, [...codeIds]),
        eq(groupMemberEvents.kind, 'joined'),
      ),
    )
    .groupBy(groupMemberEvents.groupCodeId);
  return new Map(rows.map((r) => [r.id ?? '', r.n]));
}

// ---- tags ----

export async function listTagRows(db: Db, tenantId: string) {
  const count = sql<number>`(select count(*)::int from messaging_groups g where g.tenant_id = ${tenantId} and messaging_group_tags.id = any(g.tag_ids))`;
  return db
    .select({ tag: groupTags, groupCount: count })
    .from(groupTags)
    .where(eq(groupTags.tenantId, tenantId))
    .orderBy(asc(groupTags.sort), asc(groupTags.id));
}

export async function findTag(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(groupTags)
    .where(and(eq(groupTags.tenantId, tenantId), eq(groupTags.id, id)));
  return row ?? null;
}

export async function findTagByName(db: Db, tenantId: string, name: string) {
  const [row] = await db
    .select()
    .from(groupTags)
    .where(and(eq(groupTags.tenantId, tenantId), eq(groupTags.name, name)));
  return row ?? null;
}

export async function existingTagIds(db: Db, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: groupTags.id })
    .from(groupTags)
    .where(and(eq(groupTags.tenantId, tenantId), inArray(groupTags.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

export async function insertTag(db: Db, row: typeof groupTags.$inferInsert) {
  const [saved] = await db.insert(groupTags).values(row).returning();
  return saved!;
}

export async function updateTag(db: Db, tenantId: string, id: string, set: Partial<typeof groupTags.$inferInsert>) {
  const [saved] = await db
    .update(groupTags)
    .set(set)
    .where(and(eq(groupTags.tenantId, tenantId), eq(groupTags.id, id)))
    .returning();
  return saved ?? null;
}

/** Deletes a tag and takes it off every group. */
export async function deleteTag(db: Db, tenantId: string, id: string) {
  await db
    .update(groups)
    .set({ tagIds: sql`array_remove(${groups.tagIds}, ${id})` })
    .where(and(eq(groups.tenantId, tenantId), sql`${id} = any(${groups.tagIds})`));
  const rows = await db
    .delete(groupTags)
    .where(and(eq(groupTags.tenantId, tenantId), eq(groupTags.id, id)))
    .returning({ id: groupTags.id });
  return rows.length > 0;
}
