import { desc, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from './profiles.tables';

/** A page of customers matching `where`, newest first, after the keyset cursor. */
export const pageCustomers = (db: Db, where: SQL, cursor: string | undefined, limit: number) =>
  db
    .select()
    .from(customers)
    .where(cursor ? sql`${where} and ${lt(customers.id, cursor)}` : where)
    .orderBy(desc(customers.id))
    .limit(limit);

export async function countCustomers(db: Db, where: SQL) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  return r?.n ?? 0;
}
