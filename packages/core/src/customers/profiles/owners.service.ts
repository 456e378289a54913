import type { OwnerInput } from '@siyu/contracts';
import type { z } from 'zod';
import { staffSummaries } from '../../access';
import { actorId, type Ctx, DAY, invalid, LIMITS, newId, notFound } from '../../platform';
import { recordEvent } from '../events/events.service';
import { getCustomer } from './profiles.service';
import {
  countTransfersSince,
  customerIdsOwnedBy,
  deleteOwner,
  insertTransfer,
  ownersOf,
  refreshSearch,
  setPrimaryOwner,
  updateOwnerRow,
  upsertOwner,
} from './profiles.repo';
import { getVisibleCustomer } from './visibility';

async function assertActiveStaff(ctx: Ctx, staffId: string, field: string) {
  const s = (await staffSummaries(ctx, [staffId])).get(staffId);
  if (!s || s.status === 'disabled') throw invalid(field, 'must be an active staff member');
  return s;
}

/**
 * Makes `toStaffId` the primary owner. A change from one owner to another counts against WeCom's
 * limit (two per customer in 90 days); the first assignment does not. Returns a skip reason or null.
 */
async function changePrimary(
  ctx: Ctx,
  customerId: string,
  toStaffId: string,
  kind: 'assign' | 'reassign' | 'handover',
  reason?: string,
) {
  const owners = await ownersOf(ctx.db, ctx.tenantId, customerId);
  const from = owners.find((o) => o.isPrimary)?.staffId ?? null;
  if (from === toStaffId) return null;
  const counted = from !== null;
  if (counted) {
    const L = LIMITS.wecom.transfersPer90Days;
    const since = new Date(ctx.clock.now().getTime() - L.windowDays * DAY);
    if ((await countTransfersSince(ctx.db, ctx.tenantId, customerId, since)) >= L.max)
      return {
        code: 'TRANSFER_LIMIT',
        message: `WeCom allows ${L.max} transfers of a customer in ${L.windowDays} days`,
      };
  }
  if (!owners.some((o) => o.staffId === toStaffId))
    await upsertOwner(ctx.db, {
      tenantId: ctx.tenantId,
      customerId,
      staffId: toStaffId,
      addWay: 'transfer',
      addedAt: ctx.clock.now(),
    });
  await setPrimaryOwner(ctx.db, ctx.tenantId, customerId, toStaffId);
  await insertTransfer(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('otr', ctx.clock.now()),
    customerId,
    fromStaffId: from,
    toStaffId,
    kind: counted ? kind : 'assign',
    reason: reason ?? null,
    actorId: actorId(ctx),
    createdAt: ctx.clock.now(),
  });
  await recordEvent(ctx, {
    customerId,
    type: 'owner.changed',
    source: 'staff',
    properties: { from, to: toStaffId, reason },
  });
  await ctx.emit('customers.owner.changed', { customerId, fromStaffId: from, toStaffId });
  return null;
}

export async function addOwner(ctx: Ctx, customerId: string, input: z.output<typeof OwnerInput>) {
  await getVisibleCustomer(ctx, customerId);
  const s = await assertActiveStaff(ctx, input.staffId, 'staffId');
  await upsertOwner(ctx.db, {
    tenantId: ctx.tenantId,
    customerId,
    staffId: input.staffId,
    remark: input.remark ?? null,
    description: input.description ?? null,
    addWay: 'manual',
    addedAt: ctx.clock.now(),
  });
  const owners = await ownersOf(ctx.db, ctx.tenantId, customerId);
  if (input.primary || !owners.some((o) => o.isPrimary)) {
    const skipped = await changePrimary(ctx, customerId, input.staffId, 'reassign');
    if (skipped) throw invalid('primary', skipped.message, skipped.code);
  }
  await refreshSearch(ctx.db, ctx.tenantId, customerId);
  await ctx.audit({
    action: 'customer.owner_add',
    entityType: 'customer',
    entityId: customerId,
    summary: `${s.name} follows the customer${input.primary ? ' as owner' : ''}`,
  });
  return getCustomer(ctx, customerId);
}

export async function removeOwner(ctx: Ctx, customerId: string, staffId: string) {
  await getVisibleCustomer(ctx, customerId);
  const [gone] = await deleteOwner(ctx.db, ctx.tenantId, customerId, staffId);
  if (!gone) throw notFound('Follower', staffId);
  if (gone.isPrimary) {
    const next = (await ownersOf(ctx.db, ctx.tenantId, customerId))[0];
    await setPrimaryOwner(ctx.db, ctx.tenantId, customerId, next?.staffId ?? null);
  }
  await refreshSearch(ctx.db, ctx.tenantId, customerId);
  await ctx.audit({
    action: 'customer.owner_remove',
    entityType: 'customer',
    entityId: customerId,
    summary: `Staff ${staffId} no longer follows the customer`,
  });
  return getCustomer(ctx, customerId);
}

/** New primary owner for each customer; those over WeCom's transfer limit (or out of scope) are skipped. */
export async function transferCustomers(
  ctx: Ctx,
  input: { customerIds: string[]; toStaffId: string; reason?: string },
  kind: 'reassign' | 'handover' = 'reassign',
) {
  const to = await assertActiveStaff(ctx, input.toStaffId, 'toStaffId');
  let transferred = 0;
  const skipped: { customerId: string; code: string; message: string }[] = [];
  for (const id of [...new Set(input.customerIds)]) {
    try {
      await getVisibleCustomer(ctx, id);
    } catch {
      skipped.push({ customerId: id, code: 'NOT_FOUND', message: `Customer ${id} was not found` });
      continue;
    }
    const skip = await changePrimary(ctx, id, input.toStaffId, kind, input.reason);
    if (skip) skipped.push({ customerId: id, ...skip });
    else transferred++;
  }
  await ctx.audit({
    action: kind === 'handover' ? 'customer.handover' : 'customer.transfer',
    entityType: 'staff',
    entityId: input.toStaffId,
    summary: `${transferred} customer(s) transferred to ${to.name}${skipped.length ? `, ${skipped.length} skipped` : ''}`,
    changes: { reason: input.reason ?? null, skipped: skipped.length },
  });
  return { transferred, skipped };
}

/** Transfers every customer whose primary owner is `fromStaffId` (离职继承 / 在职转接). */
export async function handoverCustomers(ctx: Ctx, input: { fromStaffId: string; toStaffId: string; reason?: string }) {
  if (input.fromStaffId === input.toStaffId) throw invalid('toStaffId', 'must differ from fromStaffId');
  const from = (await staffSummaries(ctx, [input.fromStaffId])).get(input.fromStaffId);
  if (!from) throw notFound('Staff member', input.fromStaffId);
  const ids = await customerIdsOwnedBy(ctx.db, ctx.tenantId, input.fromStaffId);
  return transferCustomers(ctx, { customerIds: ids, toStaffId: input.toStaffId, reason: input.reason }, 'handover');
}

/** A follow relation from WeCom; a fact left undefined keeps what is stored (an add event carries no remark). */
export type WecomOwnerIn = {
  staffId: string;
  remark?: string | null;
  description?: string | null;
  /** WeCom's add_way as `wecom:<n>` (e.g. wecom:1 scanned a QR code). */
  addWay?: string | null;
  state?: string | null;
  /** follow_user.createtime. */
  addedAt: Date;
};

/**
 * The follow relation as WeCom has it (customer sync): adds the member as a follower (primary when the
 * customer has none) or updates the remark, description, add way and state. Idempotent: the same
 * relation again changes nothing and answers `unchanged`.
 */
export async function syncWecomOwner(
  ctx: Ctx,
  customerId: string,
  o: WecomOwnerIn,
): Promise<'added' | 'updated' | 'unchanged'> {
  const owners = await ownersOf(ctx.db, ctx.tenantId, customerId);
  const given = { remark: o.remark, description: o.description, addWay: o.addWay, state: o.state };
  const facts = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as {
    [K in keyof typeof given]?: string | null;
  };
  const cur = owners.find((x) => x.staffId === o.staffId);
  if (cur) {
    const same = (Object.keys(facts) as (keyof typeof facts)[]).every((k) => (cur[k] ?? null) === facts[k]);
    if (same) return 'unchanged';
    await updateOwnerRow(ctx.db, ctx.tenantId, customerId, o.staffId, facts);
    return 'updated';
  }
  const s = await assertActiveStaff(ctx, o.staffId, 'staffId');
  await upsertOwner(ctx.db, { tenantId: ctx.tenantId, customerId, staffId: o.staffId, ...facts, addedAt: o.addedAt });
  if (!owners.some((x) => x.isPrimary)) await changePrimary(ctx, customerId, o.staffId, 'assign');
  await refreshSearch(ctx.db, ctx.tenantId, customerId);
  await ctx.audit({
    action: 'customer.owner_add',
    entityType: 'customer',
    entityId: customerId,
    summary: `${s.name} follows the customer (WeCom)`,
  });
  return 'added';
}
