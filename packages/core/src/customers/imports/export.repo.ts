import { and, count, desc, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from '../profiles/profiles.tables';

export type ExportRow = typeof customers.$inferSelect;

export async function countMatching(db: Db, where: SQL): Promise<number> {
  const [r] = await db.select({ n: count() }).from(customers).where(where);
  return Number(r?.n ?? 0);
}

/** One page of the matching customers, newest first, after the id `before` (keyset). */
export function pageMatching(db: Db, where: SQL, before: string | null, limit: number): Promise<ExportRow[]> {
  return db
    .select()
    .from(customers)
    .where(and(where, before ? lt(customers.id, before) : undefined))
    .orderBy(desc(customers.id))
    .limit(limit);
}
