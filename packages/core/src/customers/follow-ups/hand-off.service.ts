import type { HandOffInput } from '@siyu/contracts';
import type { z } from 'zod';
import { notifyStaff } from '../../access';
import { actorId, type Ctx, invalid, newId } from '../../platform';
import { recordEvent } from '../events/events.service';
import { getVisibleCustomer } from '../profiles/visibility';
import { addFollower } from './ownership.repo';
import { addTask, assertAssignable } from './tasks.service';

/**
 * Hands a lead (say from marketing to sales): the receiver follows the customer (and becomes its
 * primary owner when it has none; changing an existing owner is a transfer), gets a `lead` task and a
 * notification; the customer's timeline shows `lead.assigned`.
 */
export async function handOffLead(ctx: Ctx, customerId: string, input: z.output<typeof HandOffInput>) {
  const customer = await getVisibleCustomer(ctx, customerId);
  const receiver = await assertAssignable(ctx, input.toStaffId, 'toStaffId');
  const from = actorId(ctx);
  if (input.toStaffId === from) throw invalid('toStaffId', 'you cannot hand a lead to yourself');
  const now = ctx.clock.now();
  const primary = await addFollower(ctx.db, {
    tenantId: ctx.tenantId,
    customerId,
    staffId: receiver.id,
    now,
    reason: input.reason,
    actorId: from,
    transferId: newId('otr', now),
  });
  const name = customer.name ?? customer.nickname ?? customerId;
  const task = await addTask(ctx, {
    assigneeId: receiver.id,
    customerId,
    kind: 'lead',
    title: `跟进线索：${name}`,
    description: input.reason,
  });
  const fromName = ctx.actor.kind === 'staff' ? ctx.actor.name : '系统';
  await notifyStaff(ctx, {
    staffId: receiver.id,
    kind: 'lead.assigned',
    title: `新线索：${name}`,
    body: `${fromName}：${input.reason}`,
    link: `/customers/${customerId}`,
  });
  await recordEvent(ctx, {
    customerId,
    type: 'lead.assigned',
    properties: {
      fromStaffId: from,
      toStaffId: receiver.id,
      toStaffName: receiver.name,
      reason: input.reason,
      primary,
      taskId: task.id,
    },
    source: 'admin',
  });
  await ctx.audit({
    action: 'lead.hand_off',
    entityType: 'customer',
    entityId: customerId,
    summary: `Handed lead ${name} to ${receiver.name}${primary ? ' (now primary owner)' : ''}: ${input.reason}`,
    changes: {
      followers: { added: receiver.id },
      ...(primary ? { primaryOwnerId: { from: null, to: receiver.id } } : {}),
    },
  });
  return { customerId, toStaffId: receiver.id, primary, task };
}
