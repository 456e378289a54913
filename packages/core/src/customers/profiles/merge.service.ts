import { actorId, conflict, type Ctx, invalid, newId, notFound } from '../../platform';
import { moveEvents, moveEventsBack } from '../events/events.repo';
import { recordEvent } from '../events/events.service';
import { copyOwners, copyTags, type MovedWork, moveWork, moveWorkBack, removeOwners, removeTags } from './merge.repo';
import {
  findCustomerRow,
  findMerge,
  type IdentityKey,
  identitiesOf,
  insertMerge,
  type MergedSnapshot,
  markMergeUndone,
  moveIdentities,
  refreshSearch,
  updateCustomerRow,
} from './profiles.repo';
import type { CustomerRow } from './visibility';

/** Attributes a merge may fill on the survivor when it has none. */
const FILLABLE = [
  'name',
  'nickname',
  'birthday',
  'lunarBirthday',
  'birthMonth',
  'province',
  'city',
  'district',
  'avatarUrl',
  'phone',
  'email',
  'storeId',
  'primaryOwnerId',
  'sourceChannel',
  'firstTouch',
] as const;

type Moved = {
  identities: IdentityKey[];
  tags: string[];
  owners: string[];
  events: string[];
  work: MovedWork;
  filled: Record<string, unknown>;
  mergedStage: string;
  /** Who was merged, for the merge history (erased with the person). */
  snapshot: MergedSnapshot | null;
};

/**
 * Merges `mergedId` into `survivorId` in the caller's transaction: identities, tags, followers,
 * timeline, notes, follow-ups and tasks move; empty attributes are filled. Everything moved is
 * recorded so `undoMerge` can put it back. Audited; emits customers.customer.merged.
 */
export async function mergeCustomers(
  ctx: Ctx,
  survivor: CustomerRow,
  merged: CustomerRow,
  opts: { reason: string; automatic: boolean },
) {
  if (survivor.id === merged.id) throw invalid('otherId', 'is the same customer');
  if (merged.mergedInto) throw conflict('ALREADY_MERGED', `Customer ${merged.id} was merged already`);
  const t = ctx.tenantId;
  const identities = (await identitiesOf(ctx.db, t, merged.id)).map((i) => ({
    kind: i.kind,
    namespace: i.namespace,
    value: i.value,
  }));
  await moveIdentities(ctx.db, t, identities, survivor.id);
  const filled: Record<string, unknown> = {};
  for (const f of FILLABLE) if (survivor[f] == null && merged[f] != null) filled[f] = merged[f];
  const moved: Moved = {
    identities,
    tags: await copyTags(ctx.db, t, merged.id, survivor.id),
    owners: await copyOwners(ctx.db, t, merged.id, survivor.id),
    events: (await moveEvents(ctx.db, t, merged.id, survivor.id)).map((e) => e.id),
    work: await moveWork(ctx.db, t, merged.id, survivor.id),
    filled,
    mergedStage: merged.stage,
    snapshot: { name: merged.name, nickname: merged.nickname, phone: merged.phone },
  };
  const now = ctx.clock.now();
  await updateCustomerRow(ctx.db, t, survivor.id, {
    ...filled,
    orderCount: survivor.orderCount + merged.orderCount,
    totalSpent: survivor.totalSpent + merged.totalSpent,
    updatedAt: now,
  });
  await updateCustomerRow(ctx.db, t, merged.id, { mergedInto: survivor.id, updatedAt: now });
  const mergeId = newId('mrg', now);
  await insertMerge(ctx.db, {
    tenantId: t,
    id: mergeId,
    survivorId: survivor.id,
    mergedId: merged.id,
    reason: opts.reason,
    automatic: opts.automatic,
    moved,
    actorId: actorId(ctx),
    createdAt: now,
  });
  await refreshSearch(ctx.db, t, survivor.id);
  await recordEvent(ctx, {
    customerId: survivor.id,
    type: 'customer.merged',
    source: opts.automatic ? 'auto' : 'staff',
    properties: { mergedId: merged.id, mergeId, reason: opts.reason },
  });
  await ctx.emit('customers.customer.merged', { survivorId: survivor.id, mergedId: merged.id, mergeId });
  await ctx.audit({
    action: opts.automatic ? 'customer.auto_merge' : 'customer.merge',
    entityType: 'customer',
    entityId: survivor.id,
    summary: `Merged ${merged.id} into ${survivor.id}: ${opts.reason}`,
    changes: { mergedId: merged.id, mergeId, identities: identities.length, events: moved.events.length },
  });
  return mergeId;
}

/** Puts back what a merge moved; the merged customer lives again. */
export async function undoMerge(ctx: Ctx, survivorId: string, mergeId: string) {
  const t = ctx.tenantId;
  const m = await findMerge(ctx.db, t, mergeId);
  if (!m || m.survivorId !== survivorId) throw notFound('Merge', mergeId);
  if (m.undoneAt) throw conflict('MERGE_UNDONE', 'This merge was undone already');
  const moved = m.moved as unknown as Moved;
  const survivor = await findCustomerRow(ctx.db, t, survivorId);
  const merged = await findCustomerRow(ctx.db, t, m.mergedId);
  if (!survivor || !merged) throw notFound('Customer');
  await moveIdentities(ctx.db, t, moved.identities, merged.id);
  await removeTags(ctx.db, t, survivorId, moved.tags);
  await removeOwners(ctx.db, t, survivorId, moved.owners);
  await moveEventsBack(ctx.db, t, moved.events, merged.id);
  await moveWorkBack(ctx.db, t, moved.work, merged.id);
  const unfill: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(moved.filled))
    if (JSON.stringify(survivor[k as keyof CustomerRow]) === JSON.stringify(v)) unfill[k] = null;
  const now = ctx.clock.now();
  await updateCustomerRow(ctx.db, t, survivorId, {
    ...unfill,
    orderCount: Math.max(0, survivor.orderCount - merged.orderCount),
    totalSpent: Math.max(0, survivor.totalSpent - merged.totalSpent),
    updatedAt: now,
  });
  await updateCustomerRow(ctx.db, t, merged.id, { mergedInto: null, updatedAt: now });
  await markMergeUndone(ctx.db, t, mergeId, now, actorId(ctx));
  await refreshSearch(ctx.db, t, survivorId);
  await refreshSearch(ctx.db, t, merged.id);
  await recordEvent(ctx, {
    customerId: survivorId,
    type: 'customer.unmerged',
    source: 'staff',
    properties: { mergedId: merged.id, mergeId },
  });
  await ctx.emit('customers.customer.unmerged', { survivorId, mergedId: merged.id, mergeId });
  await ctx.audit({
    action: 'customer.unmerge',
    entityType: 'customer',
    entityId: survivorId,
    summary: `Undid merge ${mergeId}: ${merged.id} is separate again`,
  });
}
