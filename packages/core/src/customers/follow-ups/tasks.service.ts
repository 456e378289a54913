import type { CreateTaskInput, Task, TaskQuery, UpdateTaskInput } from '@siyu/contracts';
import type { z } from 'zod';
import { getSettings, notifyStaff, staffIdsInUnits, staffSummaries } from '../../access';
import {
  actorId,
  conflict,
  type Ctx,
  diffChanges,
  invalid,
  newId,
  notFound,
  startOfDayIn,
  dayIn,
} from '../../platform';
import { recordEvent } from '../events/events.service';
import { getVisibleCustomer } from '../profiles/visibility';
import {
  findTask,
  insertTask,
  listTaskRows,
  type TaskVisibility,
  type TaskWithCustomer,
  updateTaskRow,
} from './tasks.repo';

export type NewTask = {
  assigneeId: string;
  customerId?: string | null;
  kind: TaskWithCustomer['kind'];
  title: string;
  description?: string | null;
  dueAt?: Date | null;
  remindAt?: Date | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Tasks as the API shows them: names resolved, `overdue` computed from the context's clock. */
export async function toTasks(ctx: Ctx, rows: TaskWithCustomer[]): Promise<Task[]> {
  const names = await staffSummaries(
    ctx,
    rows.map((r) => r.assigneeId),
  );
  const now = ctx.clock.now().getTime();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    customer: r.customerId ? { id: r.customerId, name: r.customerName } : null,
    assigneeId: r.assigneeId,
    assigneeName: names.get(r.assigneeId)?.name ?? null,
    dueAt: iso(r.dueAt),
    remindAt: iso(r.remindAt),
    remindedAt: iso(r.remindedAt),
    status: r.status,
    overdue: r.status === 'open' && r.dueAt !== null && r.dueAt.getTime() < now,
    doneAt: iso(r.doneAt),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Staff with data scope self see tasks assigned to or created by them; unit scopes add their units' staff. */
export async function taskVisibility(ctx: Ctx): Promise<TaskVisibility> {
  const me = actorId(ctx);
  if (ctx.scope.kind === 'all') return { kind: 'all' };
  if (ctx.scope.kind === 'self') return { kind: 'staff', assignees: [ctx.scope.staffId], creator: me };
  const staff = await staffIdsInUnits(ctx, ctx.scope.unitIds);
  return { kind: 'staff', assignees: me ? [...staff, me] : staff, creator: me };
}

/** Today in the tenant's time zone, as [start, start of tomorrow). */
export async function todayRange(ctx: Ctx) {
  const tz = (await getSettings(ctx)).timeZone;
  const day = dayIn(ctx.clock.now(), tz);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: startOfDayIn(day, tz), to: startOfDayIn(next, tz) };
}

export async function assertAssignable(ctx: Ctx, staffId: string, field: string) {
  const s = (await staffSummaries(ctx, [staffId])).get(staffId);
  if (!s) throw invalid(field, 'no such staff member');
  if (s.status !== 'active') throw invalid(field, 'is not an active staff member');
  return s;
}

/** A reminder after the due time is a mistake; `prefix` names the enclosing field (`nextTask.`). */
export function checkTimes(dueAt: Date | null | undefined, remindAt: Date | string | null | undefined, prefix = '') {
  if (dueAt && remindAt && new Date(remindAt).getTime() > dueAt.getTime())
    throw invalid(`${prefix}remindAt`, 'must not be after dueAt');
}

const link = (t: { id: string; customerId: string | null }) =>
  t.customerId ? `/customers/${t.customerId}?task=${t.id}` : `/workbench?task=${t.id}`;

/**
 * Inserts a task (callers check the customer and the assignee), records `task.created` on the
 * customer's timeline and notifies the assignee when someone else gave it to them.
 */
export async function addTask(ctx: Ctx, t: NewTask): Promise<Task> {
  checkTimes(t.dueAt, t.remindAt);
  const now = ctx.clock.now();
  const row = {
    tenantId: ctx.tenantId,
    id: newId('tsk', now),
    customerId: t.customerId ?? null,
    assigneeId: t.assigneeId,
    kind: t.kind,
    title: t.title,
    description: t.description ?? null,
    dueAt: t.dueAt ?? null,
    remindAt: t.remindAt ?? null,
    remindedAt: null,
    status: 'open' as const,
    doneAt: null,
    createdBy: actorId(ctx),
    createdAt: now,
  };
  await insertTask(ctx.db, row);
  if (row.customerId)
    await recordEvent(ctx, {
      customerId: row.customerId,
      type: 'task.created',
      properties: {
        taskId: row.id,
        kind: row.kind,
        title: row.title,
        assigneeId: row.assigneeId,
        dueAt: iso(row.dueAt),
      },
      source: 'admin',
    });
  if (row.kind !== 'lead' && row.assigneeId !== actorId(ctx))
    await notifyStaff(ctx, {
      staffId: row.assigneeId,
      kind: 'task.assigned',
      title: `新任务：${row.title}`,
      body: ctx.actor.kind === 'staff' ? `${ctx.actor.name} 指派给你` : null,
      link: link(row),
    });
  return (await getTask(ctx, row.id, { kind: 'all' }))!;
}

export async function getTask(ctx: Ctx, id: string, visibility?: TaskVisibility): Promise<Task> {
  const row = await findTask(ctx.db, ctx.tenantId, id, visibility ?? (await taskVisibility(ctx)));
  if (!row) throw notFound('Task', id);
  return (await toTasks(ctx, [row]))[0]!;
}

export async function createTask(ctx: Ctx, input: z.output<typeof CreateTaskInput>): Promise<Task> {
  if (input.customerId) await getVisibleCustomer(ctx, input.customerId);
  await assertAssignable(ctx, input.assigneeId, 'assigneeId');
  const task = await addTask(ctx, {
    ...input,
    dueAt: input.dueAt ? new Date(input.dueAt) : null,
    remindAt: input.remindAt ? new Date(input.remindAt) : null,
  });
  await ctx.audit({
    action: 'task.create',
    entityType: 'task',
    entityId: task.id,
    summary: `Created task ${task.title} for ${task.assigneeName ?? task.assigneeId}`,
  });
  return task;
}

async function openTask(ctx: Ctx, id: string) {
  const task = await getTask(ctx, id);
  if (task.status !== 'open') throw conflict('TASK_NOT_OPEN', `Task ${task.title} is already ${task.status}`);
  return task;
}

export async function updateTask(ctx: Ctx, id: string, input: z.output<typeof UpdateTaskInput>): Promise<Task> {
  const before = await openTask(ctx, id);
  const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
  const dueAt = date(input.dueAt);
  const remindAt = date(input.remindAt);
  checkTimes(
    dueAt === undefined ? (before.dueAt ? new Date(before.dueAt) : null) : dueAt,
    remindAt === undefined ? (before.remindAt ? new Date(before.remindAt) : null) : remindAt,
  );
  const reassigned = input.assigneeId !== undefined && input.assigneeId !== before.assigneeId;
  if (reassigned) await assertAssignable(ctx, input.assigneeId!, 'assigneeId');
  const set = Object.fromEntries(
    Object.entries({ ...input, dueAt, remindAt }).filter(([, v]) => v !== undefined),
  ) as Parameters<typeof updateTaskRow>[3];
  if (remindAt !== undefined) set.remindedAt = null;
  if (Object.keys(set).length) await updateTaskRow(ctx.db, ctx.tenantId, id, set);
  const after = await getTask(ctx, id, { kind: 'all' });
  if (reassigned && after.assigneeId !== actorId(ctx))
    await notifyStaff(ctx, {
      staffId: after.assigneeId,
      kind: 'task.assigned',
      title: `新任务：${after.title}`,
      body: ctx.actor.kind === 'staff' ? `${ctx.actor.name} 转给你` : null,
      link: link({ id, customerId: after.customer?.id ?? null }),
    });
  const { overdue: _a, ...b } = before;
  const { overdue: _b, ...a } = after;
  await ctx.audit({
    action: 'task.update',
    entityType: 'task',
    entityId: id,
    summary: `Changed task ${after.title}`,
    changes: diffChanges(b, a),
  });
  return after;
}

/** Marks an open task done (`task.done` on the customer's timeline) or cancelled. */
export async function finishTask(ctx: Ctx, id: string, outcome: 'done' | 'cancelled'): Promise<Task> {
  const task = await openTask(ctx, id);
  const now = ctx.clock.now();
  await updateTaskRow(ctx.db, ctx.tenantId, id, { status: outcome, doneAt: outcome === 'done' ? now : null });
  if (outcome === 'done' && task.customer)
    await recordEvent(ctx, {
      customerId: task.customer.id,
      type: 'task.done',
      properties: { taskId: id, kind: task.kind, title: task.title, doneBy: actorId(ctx) },
      source: 'admin',
    });
  await ctx.audit({
    action: outcome === 'done' ? 'task.complete' : 'task.cancel',
    entityType: 'task',
    entityId: id,
    summary: `${outcome === 'done' ? 'Completed' : 'Cancelled'} task ${task.title}`,
  });
  return getTask(ctx, id, { kind: 'all' });
}

export const completeTask = (ctx: Ctx, id: string) => finishTask(ctx, id, 'done');
export const cancelTask = (ctx: Ctx, id: string) => finishTask(ctx, id, 'cancelled');

/** Tasks within the data scope, newest first; `due=today` is today in the tenant's time zone. */
export async function listTasks(ctx: Ctx, q: z.output<typeof TaskQuery>) {
  const today = q.due === 'today' ? await todayRange(ctx) : null;
  const rows = await listTaskRows(ctx.db, ctx.tenantId, await taskVisibility(ctx), {
    assigneeId: q.assignee === 'me' ? (actorId(ctx) ?? '') : q.assignee,
    status: q.due ? 'open' : q.status,
    customerId: q.customerId,
    dueFrom: today?.from,
    dueBefore: today ? today.to : q.due === 'overdue' ? ctx.clock.now() : undefined,
    beforeId: q.cursor,
    order: 'newest',
    limit: q.limit + 1,
  });
  const items = await toTasks(ctx, rows.slice(0, q.limit));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
