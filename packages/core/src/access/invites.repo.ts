import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform';
import { staffInvites } from './access.tables';

export const insertInvite = (db: Db, row: typeof staffInvites.$inferInsert) => db.insert(staffInvites).values(row);

export async function findInviteByToken(db: Db, tokenHash: string) {
  const [row] = await db.select().from(staffInvites).where(eq(staffInvites.tokenHash, tokenHash));
  return row;
}

export const markInviteAccepted = (db: Db, tenantId: string, id: string, at: Date) =>
  db
    .update(staffInvites)
    .set({ acceptedAt: at })
    .where(and(eq(staffInvites.tenantId, tenantId), eq(staffInvites.id, id)));
