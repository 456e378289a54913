import { desc, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customers } from './profiles.tables';

/** The columns a list row shows (not the search vector, custom fields or touch records). */
export const SUMMARY_COLUMNS = {
  id: customers.id,
  name: customers.name,
  nickname: customers.nickname,
  avatarUrl: customers.avatarUrl,
  gender: customers.gender,
  phone: customers.phone,
  stage: customers.stage,
  primaryOwnerId: customers.primaryOwnerId,
  storeId: customers.storeId,
  sourceChannel: customers.sourceChannel,
  orderCount: customers.orderCount,
  totalSpent: customers.totalSpent,
  lastActiveAt: customers.lastActiveAt,
  createdAt: customers.createdAt,
};
export type SummaryRow = { [K in keyof typeof SUMMARY_COLUMNS]: (typeof customers.$inferSelect)[K] };

/** A page of customers matching `where`, newest first, after the keyset cursor. */
export const pageCustomers = (db: Db, where: SQL, cursor: string | undefined, limit: number) =>
  db
    .select(SUMMARY_COLUMNS)
    .from(customers)
    .where(cursor ? sql`${where} and ${lt(customers.id, cursor)}` : where)
    .orderBy(desc(customers.id))
    .limit(limit);

export async function countCustomers(db: Db, where: SQL) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  return r?.n ?? 0;
}
