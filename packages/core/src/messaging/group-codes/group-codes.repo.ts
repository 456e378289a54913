/** Group codes' rows. */
import { and, desc, eq, ilike, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { groupCodes } from './group-codes.tables';

export type GroupCodeRow = typeof groupCodes.$inferSelect;

export async function findCode(db: Db, tenantId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(groupCodes)
    .where(and(eq(groupCodes.tenantId, tenantId), eq(groupCodes.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row ?? null;
}

export async function listCodeRows(db: Db, tenantId: string, f: { q?: string; cursor?: string; limit: number }) {
  const rows = await db
    .select()
    .from(groupCodes)
    .where(
      and(
        eq(groupCodes.tenantId, tenantId),
        f.q ? ilike(groupCodes.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        f.cursor ? lt(groupCodes.id, f.cursor) : undefined,
      ),
    )
    .orderBy(desc(groupCodes.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Codes whose groups include one of `chatIds`. */
export async function codesWithChats(db: Db, tenantId: string, chatIds: readonly string[]) {
  if (!chatIds.length) return [];
  return db
    .select()
    .from(groupCodes)
    .where(
      and(
        eq(groupCodes.tenantId, tenantId),
        sql`${groupCodes.chatIds} && ${sql.raw('ARRAY[')}${sql.join(
          chatIds.map((c) => sql`${c}`),
          sql`, `,
        )}${sql.raw(']::text[]')}`,
      ),
    );
}

export async function insertCode(db: Db, row: typeof groupCodes.$inferInsert) {
  const [saved] = await db.insert(groupCodes).values(row).returning();
  return saved!;
}

export async function updateCode(db: Db, tenantId: string, id: string, set: Partial<typeof groupCodes.$inferInsert>) {
  const [saved] = await db
    .update(groupCodes)
    .set(set)
    .where(and(eq(groupCodes.tenantId, tenantId), eq(groupCodes.id, id)))
    .returning();
  return saved ?? null;
}

export async function deleteCode(db: Db, tenantId: string, id: string) {
  const rows = await db
    .delete(groupCodes)
    .where(and(eq(groupCodes.tenantId, tenantId), eq(groupCodes.id, id)))
    .returning({ id: groupCodes.id });
  return rows.length > 0;
}

export async function allCodes(db: Db, tenantId: string) {
  return db.select().from(groupCodes).where(eq(groupCodes.tenantId, tenantId));
}
