import type { FollowUp, FollowUpInput } from '@siyu/contracts';
import type { z } from 'zod';
import { staffSummaries } from '../../access';
import { actorId, type Ctx, forbidden, newId } from '../../platform';
import { recordEvent } from '../events/events.service';
import { getVisibleCustomer } from '../profiles/visibility';
import { type FollowUpRow, insertFollowUp, listFollowUpRows } from './records.repo';
import { addTask, checkTimes } from './tasks.service';

async function toFollowUps(ctx: Ctx, rows: FollowUpRow[]): Promise<FollowUp[]> {
  const names = await staffSummaries(
    ctx,
    rows.map((r) => r.staffId),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    staffId: r.staffId,
    staffName: names.get(r.staffId)?.name ?? null,
    method: r.method,
    content: r.content,
    nextStep: r.nextStep,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The customer's follow-up records, newest first. */
export async function listFollowUps(ctx: Ctx, customerId: string, q: { cursor?: string; limit: number }) {
  await getVisibleCustomer(ctx, customerId);
  const rows = await listFollowUpRows(ctx.db, ctx.tenantId, customerId, { beforeId: q.cursor, limit: q.limit + 1 });
  const items = await toFollowUps(ctx, rows.slice(0, q.limit));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Records a contact with the customer; `nextTask` also creates a follow-up task for the author. */
export async function recordFollowUp(
  ctx: Ctx,
  customerId: string,
  input: z.output<typeof FollowUpInput>,
): Promise<FollowUp> {
  await getVisibleCustomer(ctx, customerId);
  const staffId = actorId(ctx);
  if (!staffId) throw forbidden('Only staff members record follow-ups');
  if (input.nextTask) checkTimes(new Date(input.nextTask.dueAt), input.nextTask.remindAt, 'nextTask.');
  const now = ctx.clock.now();
  const row: FollowUpRow = {
    tenantId: ctx.tenantId,
    id: newId('fup', now),
    customerId,
    staffId,
    method: input.method,
    content: input.content,
    nextStep: input.nextStep || null,
    createdAt: now,
  };
  await insertFollowUp(ctx.db, row);
  const task = input.nextTask
    ? await addTask(ctx, {
        assigneeId: staffId,
        customerId,
        kind: 'follow_up',
        title: input.nextTask.title,
        description: row.nextStep,
        dueAt: new Date(input.nextTask.dueAt),
        remindAt: input.nextTask.remindAt ? new Date(input.nextTask.remindAt) : null,
      })
    : null;
  await recordEvent(ctx, {
    customerId,
    type: 'follow_up.recorded',
    properties: { followUpId: row.id, method: row.method, staffId, nextStep: row.nextStep, taskId: task?.id ?? null },
    source: 'admin',
  });
  await ctx.audit({
    action: 'follow_up.create',
    entityType: 'customer_follow_up',
    entityId: row.id,
    summary: `Recorded a ${row.method} follow-up with ${customerId}${task ? ` and task ${task.title}` : ''}`,
  });
  return { ...(await toFollowUps(ctx, [row]))[0]!, task };
}
