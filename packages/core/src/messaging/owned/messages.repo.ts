import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform';
import { ownedMessages } from './owned.tables';

export type OwnedMessageRow = typeof ownedMessages.$inferSelect;

/** Inserts the row unless the tenant already has one with its idempotency key; returns it or null. */
export async function insertMessage(db: Db, row: typeof ownedMessages.$inferInsert) {
  const [saved] = await db.insert(ownedMessages).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

export async function messageByKey(db: Db, tenantId: string, key: string) {
  const [row] = await db
    .select()
    .from(ownedMessages)
    .where(and(eq(ownedMessages.tenantId, tenantId), eq(ownedMessages.idempotencyKey, key)));
  return row ?? null;
}

export async function updateMessage(db: Db, tenantId: string, id: string, set: Partial<OwnedMessageRow>) {
  const [row] = await db
    .update(ownedMessages)
    .set(set)
    .where(and(eq(ownedMessages.tenantId, tenantId), eq(ownedMessages.id, id)))
    .returning();
  return row!;
}

export type MessageFilter = {
  channel?: OwnedMessageRow['channel'];
  status?: OwnedMessageRow['status'];
  customerId?: string;
  before?: string;
  limit: number;
};

export function listMessages(db: Db, tenantId: string, f: MessageFilter) {
  const where: SQL[] = [eq(ownedMessages.tenantId, tenantId)];
  if (f.channel) where.push(eq(ownedMessages.channel, f.channel));
  if (f.status) where.push(eq(ownedMessages.status, f.status));
  if (f.customerId) where.push(eq(ownedMessages.customerId, f.customerId));
  if (f.before) where.push(lt(ownedMessages.id, f.before));
  return db
    .select()
    .from(ownedMessages)
    .where(and(...where))
    .orderBy(desc(ownedMessages.id))
    .limit(f.limit);
}
