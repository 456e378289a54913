import type { StaffNotification } from '@siyu/contracts';
import { type Ctx, forbidden, newId, notFound } from '../platform';
import {
  countUnread,
  findNotification,
  insertNotification,
  listNotificationRows,
  markRead,
  type NotificationRow,
} from './notifications.repo';

export type NewNotification = {
  staffId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
};

const toNotification = (r: NotificationRow): StaffNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** The staff member the notification routes act for (only staff have an inbox). */
function me(ctx: Ctx): string {
  if (ctx.actor.kind !== 'staff') throw forbidden('Only staff members have notifications');
  return ctx.actor.id;
}

/** Puts a notification into a staff member's console inbox (a lead handed over, a task reminder). */
export async function notifyStaff(ctx: Ctx, n: NewNotification): Promise<string> {
  const id = newId('ntf', ctx.clock.now());
  await insertNotification(ctx.db, {
    tenantId: ctx.tenantId,
    id,
    staffId: n.staffId,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    createdAt: ctx.clock.now(),
  });
  return id;
}

/** My notifications, newest first, with how many are unread. */
export async function listMyNotifications(ctx: Ctx, q: { unread?: 'true' | 'false'; cursor?: string; limit: number }) {
  const staffId = me(ctx);
  const rows = await listNotificationRows(ctx.db, ctx.tenantId, staffId, {
    unreadOnly: q.unread === 'true',
    before: q.cursor,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit).map(toNotification);
  return {
    items,
    nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null,
    unread: await countUnread(ctx.db, ctx.tenantId, staffId),
  };
}

export const countMyUnreadNotifications = (ctx: Ctx) => countUnread(ctx.db, ctx.tenantId, me(ctx));

/** Marks one of my notifications read (404 for anyone else's); reading it twice changes nothing. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<StaffNotification> {
  const staffId = me(ctx);
  const before = await findNotification(ctx.db, ctx.tenantId, staffId, id);
  if (!before) throw notFound('Notification', id);
  if (!before.readAt) {
    await markRead(ctx.db, ctx.tenantId, staffId, ctx.clock.now(), id);
    await ctx.audit({
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      summary: `Read ${before.title}`,
    });
  }
  return toNotification((await findNotification(ctx.db, ctx.tenantId, staffId, id))!);
}

export async function markAllNotificationsRead(ctx: Ctx) {
  const staffId = me(ctx);
  const changed = await markRead(ctx.db, ctx.tenantId, staffId, ctx.clock.now());
  if (changed.length)
    await ctx.audit({
      action: 'notification.read_all',
      entityType: 'notification',
      summary: `Marked ${changed.length} notification(s) read`,
    });
  return { updated: changed.length };
}
