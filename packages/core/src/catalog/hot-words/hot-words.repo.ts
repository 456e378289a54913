import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { hotWords, searchCounts } from './hot-words.tables';

export async function hotWordRows(db: Db, tenantId: string) {
  const rows = await db
    .select({ word: hotWords.word })
    .from(hotWords)
    .where(eq(hotWords.tenantId, tenantId))
    .orderBy(asc(hotWords.position));
  return rows.map((r) => r.word);
}

/** Replaces the tenant's list (run inside a transaction). */
export async function replaceHotWords(db: Db, tenantId: string, words: string[], by: string | null, at: Date) {
  await db.delete(hotWords).where(eq(hotWords.tenantId, tenantId));
  if (words.length)
    await db
      .insert(hotWords)
      .values(words.map((word, position) => ({ tenantId, position, word, updatedBy: by, updatedAt: at })));
}

/** Adds searches to the day's counts in one statement. */
export async function addSearchCounts(db: Db, tenantId: string, day: string, counts: Map<string, number>) {
  if (!counts.size) return;
  await db
    .insert(searchCounts)
    .values([...counts].map(([keyword, searches]) => ({ tenantId, day, keyword, searches })))
    .onConflictDoUpdate({
      target: [searchCounts.tenantId, searchCounts.day, searchCounts.keyword],
      set: { searches: sql`${searchCounts.searches} + excluded.searches` },
    });
}

/** Keywords searched most since a day (inclusive), most first. */
export async function topKeywords(db: Db, tenantId: string, sinceDay: string, limit: number) {
  const total = sql<number>`sum(${searchCounts.searches})::int`;
  const rows = await db
    .select({ word: searchCounts.keyword, searches: total })
    .from(searchCounts)
    .where(and(eq(searchCounts.tenantId, tenantId), gte(searchCounts.day, sinceDay)))
    .groupBy(searchCounts.keyword)
    .orderBy(desc(total), asc(searchCounts.keyword))
    .limit(limit);
  return rows.map((r) => ({ word: r.word, searches: Number(r.searches) }));
}

/** Removes the counts of every tenant older than a day. */
export async function pruneSearchCounts(db: Db, beforeDay: string) {
  await db.delete(searchCounts).where(lt(searchCounts.day, beforeDay));
}
