import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform';
import { customerNotes, followUps } from './follow-ups.tables';

export type NoteRow = typeof customerNotes.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
type Page = { beforeId?: string; limit: number };

export const insertNote = (db: Db, row: NoteRow) => db.insert(customerNotes).values(row);

export async function findNote(db: Db, tenantId: string, customerId: string, id: string) {
  const [row] = await db
    .select()
    .from(customerNotes)
    .where(
      and(eq(customerNotes.tenantId, tenantId), eq(customerNotes.customerId, customerId), eq(customerNotes.id, id)),
    );
  return row;
}

export const listNoteRows = (db: Db, tenantId: string, customerId: string, p: Page) =>
  db
    .select()
    .from(customerNotes)
    .where(
      and(
        eq(customerNotes.tenantId, tenantId),
        eq(customerNotes.customerId, customerId),
        p.beforeId ? lt(customerNotes.id, p.beforeId) : undefined,
      ),
    )
    .orderBy(desc(customerNotes.id))
    .limit(p.limit);

export async function updateNoteRow(db: Db, tenantId: string, id: string, set: { body: string; updatedAt: Date }) {
  const [row] = await db
    .update(customerNotes)
    .set(set)
    .where(and(eq(customerNotes.tenantId, tenantId), eq(customerNotes.id, id)))
    .returning();
  return row!;
}

export const deleteNoteRow = (db: Db, tenantId: string, id: string) =>
  db.delete(customerNotes).where(and(eq(customerNotes.tenantId, tenantId), eq(customerNotes.id, id)));

export const insertFollowUp = (db: Db, row: FollowUpRow) => db.insert(followUps).values(row);

export const listFollowUpRows = (db: Db, tenantId: string, customerId: string, p: Page) =>
  db
    .select()
    .from(followUps)
    .where(
      and(
        eq(followUps.tenantId, tenantId),
        eq(followUps.customerId, customerId),
        p.beforeId ? lt(followUps.id, p.beforeId) : undefined,
      ),
    )
    .orderBy(desc(followUps.id))
    .limit(p.limit);
