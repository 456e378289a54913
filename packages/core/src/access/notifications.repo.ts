import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform';
import { staffNotifications } from './access.tables';

export type NotificationRow = typeof staffNotifications.$inferSelect;

export const insertNotification = (db: Db, row: typeof staffNotifications.$inferInsert) =>
  db.insert(staffNotifications).values(row);

const mine = (tenantId: string, staffId: string) =>
  and(eq(staffNotifications.tenantId, tenantId), eq(staffNotifications.staffId, staffId));

/** A staff member's notifications, newest first (ids sort by creation time). */
export const listNotificationRows = (
  db: Db,
  tenantId: string,
  staffId: string,
  opts: { unreadOnly: boolean; before?: string; limit: number },
) =>
  db
    .select()
    .from(staffNotifications)
    .where(
      and(
        mine(tenantId, staffId),
        opts.unreadOnly ? isNull(staffNotifications.readAt) : undefined,
        opts.before ? lt(staffNotifications.id, opts.before) : undefined,
      ),
    )
    .orderBy(desc(staffNotifications.id))
    .limit(opts.limit);

export async function countUnread(db: Db, tenantId: string, staffId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffNotifications)
    .where(and(mine(tenantId, staffId), isNull(staffNotifications.readAt)));
  return r?.n ?? 0;
}

export async function findNotification(db: Db, tenantId: string, staffId: string, id: string) {
  const [row] = await db
    .select()
    .from(staffNotifications)
    .where(and(mine(tenantId, staffId), eq(staffNotifications.id, id)));
  return row;
}

/** Marks unread notifications read (one, or all of the staff member's); returns the rows changed. */
export const markRead = (db: Db, tenantId: string, staffId: string, at: Date, id?: string) =>
  db
    .update(staffNotifications)
    .set({ readAt: at })
    .where(
      and(mine(tenantId, staffId), isNull(staffNotifications.readAt), id ? eq(staffNotifications.id, id) : undefined),
    )
    .returning({ id: staffNotifications.id });
