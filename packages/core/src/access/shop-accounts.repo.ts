import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform';
import { sessions, shopAccounts, smsCodes } from './access.tables';

export type ShopAccountRow = typeof shopAccounts.$inferSelect;
export type SmsCodeRow = typeof smsCodes.$inferSelect;

export async function findAccountByPhone(db: Db, tenantId: string, phone: string) {
  const [row] = await db
    .select()
    .from(shopAccounts)
    .where(and(eq(shopAccounts.tenantId, tenantId), eq(shopAccounts.phone, phone)));
  return row;
}

/** A session with the shop account it belongs to (null for a staff session), in one statement. */
export async function findSessionWithAccount(db: Db, id: string) {
  const [row] = await db
    .select({ session: sessions, account: shopAccounts })
    .from(sessions)
    .leftJoin(shopAccounts, and(eq(shopAccounts.tenantId, sessions.tenantId), eq(shopAccounts.id, sessions.subjectId)))
    .where(eq(sessions.id, id));
  return row ? { ...row.session, account: row.account } : undefined;
}

export async function findAccount(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(shopAccounts)
    .where(and(eq(shopAccounts.tenantId, tenantId), eq(shopAccounts.id, id)));
  return row;
}

/** Inserts unless the phone is registered already (a concurrent first login); returns the row either way. */
export async function insertAccountOnce(db: Db, row: typeof shopAccounts.$inferInsert) {
  const inserted = await db.insert(shopAccounts).values(row).onConflictDoNothing().returning();
  if (inserted[0]) return { account: inserted[0], created: true };
  return { account: (await findAccountByPhone(db, row.tenantId, row.phone))!, created: false };
}

export async function updateAccountRow(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<typeof shopAccounts.$inferInsert>,
) {
  const [row] = await db
    .update(shopAccounts)
    .set(set)
    .where(and(eq(shopAccounts.tenantId, tenantId), eq(shopAccounts.id, id)))
    .returning();
  return row;
}

export const insertSmsCode = (db: Db, row: typeof smsCodes.$inferInsert) => db.insert(smsCodes).values(row);

/** The newest unused, unexpired code for that phone and purpose. */
export async function findLiveCode(db: Db, tenantId: string, phone: string, purpose: SmsCodeRow['purpose'], now: Date) {
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.tenantId, tenantId),
        eq(smsCodes.phone, phone),
        eq(smsCodes.purpose, purpose),
        isNull(smsCodes.consumedAt),
        gt(smsCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  return row;
}

/**
 * Counts one guess atomically, before it is judged, and only while guesses remain: concurrent guesses
 * cannot all slip past the limit. False when the code has no guesses left.
 */
export async function takeGuess(db: Db, tenantId: string, id: string, maxAttempts: number): Promise<boolean> {
  const rows = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(and(eq(smsCodes.tenantId, tenantId), eq(smsCodes.id, id), lt(smsCodes.attempts, maxAttempts)))
    .returning({ attempts: smsCodes.attempts });
  return rows.length === 1;
}

/** Marks the code used; false when another request used it first. */
export async function consumeCode(db: Db, tenantId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(smsCodes)
    .set({ consumedAt: now })
    .where(and(eq(smsCodes.tenantId, tenantId), eq(smsCodes.id, id), isNull(smsCodes.consumedAt)))
    .returning({ id: smsCodes.id });
  return rows.length === 1;
}
