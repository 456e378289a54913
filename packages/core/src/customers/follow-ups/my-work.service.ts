import type { MyTasksQuery, Task } from '@siyu/contracts';
import type { z } from 'zod';
import { countMyUnreadNotifications } from '../../access';
import { type Ctx, forbidden } from '../../platform';
import { countCustomersOf } from './ownership.repo';
import { countTasks, listTaskRows, listUpcomingRows } from './tasks.repo';
import { todayRange, toTasks } from './tasks.service';

function me(ctx: Ctx): string {
  if (ctx.actor.kind !== 'staff') throw forbidden('Only staff members have tasks');
  return ctx.actor.id;
}

/**
 * My tasks, soonest due first: `today` (open, due today in the tenant's time zone, overdue ones
 * flagged), `overdue` (open, past due), `upcoming` (open, due from tomorrow on or undated), `all`.
 */
export async function listMyTasks(ctx: Ctx, q: z.output<typeof MyTasksQuery>): Promise<{ items: Task[] }> {
  const assigneeId = me(ctx);
  const base = { assigneeId, order: 'soonest' as const, limit: q.limit };
  const all = { kind: 'all' as const };
  let rows: Awaited<ReturnType<typeof listTaskRows>>;
  if (q.view === 'today') {
    const today = await todayRange(ctx);
    rows = await listTaskRows(ctx.db, ctx.tenantId, all, {
      ...base,
      status: 'open',
      dueFrom: today.from,
      dueBefore: today.to,
    });
  } else if (q.view === 'overdue') {
    rows = await listTaskRows(ctx.db, ctx.tenantId, all, { ...base, status: 'open', dueBefore: ctx.clock.now() });
  } else if (q.view === 'upcoming') {
    rows = await listUpcomingRows(ctx.db, ctx.tenantId, assigneeId, (await todayRange(ctx)).to, q.limit);
  } else {
    rows = await listTaskRows(ctx.db, ctx.tenantId, all, base);
  }
  return { items: await toTasks(ctx, rows) };
}

/** The counters on a sales person's workbench. */
export async function getWorkbench(ctx: Ctx) {
  const staffId = me(ctx);
  const today = await todayRange(ctx);
  const open = { assigneeId: staffId, status: 'open' as const };
  return {
    customers: await countCustomersOf(ctx.db, ctx.tenantId, staffId),
    tasksToday: await countTasks(ctx.db, ctx.tenantId, { ...open, dueFrom: today.from, dueBefore: today.to }),
    overdue: await countTasks(ctx.db, ctx.tenantId, { ...open, dueBefore: ctx.clock.now() }),
    unreadNotifications: await countMyUnreadNotifications(ctx),
  };
}
