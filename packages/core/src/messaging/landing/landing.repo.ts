import { and, desc, eq, gte, ilike, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { landingPages, landingVisits } from './landing.tables';

export type LandingPageRow = typeof landingPages.$inferSelect;

export const insertPage = (db: Db, row: typeof landingPages.$inferInsert) =>
  db
    .insert(landingPages)
    .values(row)
    .onConflictDoNothing()
    .returning()
    .then((r) => r[0] ?? null);

export async function findPage(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(landingPages)
    .where(and(eq(landingPages.tenantId, tenantId), eq(landingPages.id, id)));
  return row ?? null;
}

export async function findPageBySlug(db: Db, tenantId: string, slug: string) {
  const [row] = await db
    .select()
    .from(landingPages)
    .where(and(eq(landingPages.tenantId, tenantId), eq(landingPages.slug, slug)));
  return row ?? null;
}

export function listPages(db: Db, tenantId: string, q: { q?: string; cursor?: string; limit: number }) {
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select()
    .from(landingPages)
    .where(
      and(
        eq(landingPages.tenantId, tenantId),
        q.cursor ? lt(landingPages.id, q.cursor) : undefined,
        like ? or(ilike(landingPages.title, like), ilike(landingPages.slug, like)) : undefined,
      ),
    )
    .orderBy(desc(landingPages.id))
    .limit(q.limit + 1);
}

/** Null when another page of the tenant has the slug (unique index). */
export async function updatePage(db: Db, tenantId: string, id: string, set: Partial<typeof landingPages.$inferInsert>) {
  const [row] = await db
    .update(landingPages)
    .set(set)
    .where(and(eq(landingPages.tenantId, tenantId), eq(landingPages.id, id)))
    .returning();
  return row ?? null;
}

export async function deletePage(db: Db, tenantId: string, id: string) {
  await db.delete(landingVisits).where(and(eq(landingVisits.tenantId, tenantId), eq(landingVisits.pageId, id)));
  await db.delete(landingPages).where(and(eq(landingPages.tenantId, tenantId), eq(landingPages.id, id)));
}

/** The first visit of a visitor on a page and day inserts; later ones only touch last_at. True when new. */
export async function recordVisitRow(db: Db, row: typeof landingVisits.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(landingVisits)
    .values(row)
    .onConflictDoNothing()
    .returning({ day: landingVisits.day });
  if (inserted.length) return true;
  await db
    .update(landingVisits)
    .set({ lastAt: row.lastAt })
    .where(
      and(
        eq(landingVisits.tenantId, row.tenantId),
        eq(landingVisits.pageId, row.pageId),
        eq(landingVisits.day, row.day),
        eq(landingVisits.visitorId, row.visitorId),
      ),
    );
  return false;
}

/** Visits of each page: all days and one day. */
export async function visitTotals(db: Db, tenantId: string, pageIds: string[], today: string) {
  if (!pageIds.length) return new Map<string, { visits: number; visitsToday: number }>();
  const rows = await db
    .select({
      pageId: landingVisits.pageId,
      visits: sql<number>`count(*)::int`,
      visitsToday: sql<number>`(count(*) filter (where ${landingVisits.day} = ${today}))::int`,
    })
    .from(landingVisits)
    .where(and(eq(landingVisits.tenantId, tenantId), inArray(landingVisits.pageId, pageIds)))
    .groupBy(landingVisits.pageId);
  return new Map(rows.map((r) => [r.pageId, { visits: r.visits, visitsToday: r.visitsToday }]));
}

/** Visits per day and code shown, within [from, to] (dates in the tenant zone). */
export function visitsByDayAndCode(db: Db, tenantId: string, pageId: string, from: string, to: string) {
  return db
    .select({
      day: landingVisits.day,
      codeId: landingVisits.codeId,
      visits: sql<number>`count(*)::int`,
      located: sql<number>`(count(*) filter (where ${landingVisits.located}))::int`,
    })
    .from(landingVisits)
    .where(
      and(
        eq(landingVisits.tenantId, tenantId),
        eq(landingVisits.pageId, pageId),
        gte(landingVisits.day, from),
        lte(landingVisits.day, to),
      ),
    )
    .groupBy(landingVisits.day, landingVisits.codeId);
}

export async function uniqueVisitors(db: Db, tenantId: string, pageId: string, from: string, to: string) {
  const [r] = await db
    .select({ n: sql<number>`count(distinct ${landingVisits.visitorId})::int` })
    .from(landingVisits)
    .where(
      and(
        eq(landingVisits.tenantId, tenantId),
        eq(landingVisits.pageId, pageId),
        gte(landingVisits.day, from),
        lte(landingVisits.day, to),
      ),
    );
  return r?.n ?? 0;
}
