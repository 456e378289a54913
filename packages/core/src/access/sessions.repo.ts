import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../platform';
import { sessions } from './access.tables';

export type SessionRow = typeof sessions.$inferSelect;

export const insertSession = (db: Db, row: typeof sessions.$inferInsert) => db.insert(sessions).values(row);

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

export const touchSession = (db: Db, id: string, lastSeenAt: Date, expiresAt: Date) =>
  db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));

export const deleteSession = (db: Db, id: string) => db.delete(sessions).where(eq(sessions.id, id));

export const deleteSessionsOf = (db: Db, tenantId: string, kind: SessionRow['kind'], subjectId: string) =>
  db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.kind, kind), eq(sessions.subjectId, subjectId)));

export const deleteExpiredSessions = (db: Db, now: Date) => db.delete(sessions).where(lt(sessions.expiresAt, now));
