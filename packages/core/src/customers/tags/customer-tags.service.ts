import type { BulkTagInput, CustomerTags } from '@siyu/contracts';
import { and } from 'drizzle-orm';
import type { z } from 'zod';
import { staffSummaries } from '../../access';
import { type Ctx, inTransaction, invalid, notFound } from '../../platform';
import { getTimeline } from '../events/events.service';
import { filterCondition, getVisibleCustomer } from '../profiles/visibility';
import { applyTags, customersIn, displacedBy, recordTagHistory, resolveTags, type TagActor } from './tag-changes';
import { onlyCustomers, ruleNames } from './tag-rules.repo';
import { customerTagRows, deleteOwnerTags, insertOwnerTags, isOwner, ownerTagRows } from './tags.repo';

type Change = { add: string[]; remove: string[] };

const staffActor = (ctx: Ctx): TagActor => ({
  source: 'manual',
  addedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
});

/** A customer's tags (with source, who added them and when) and the tags of each relationship. */
export async function listCustomerTags(ctx: Ctx, customerId: string): Promise<CustomerTags> {
  await getVisibleCustomer(ctx, customerId);
  // sequential: POST handlers answer with this inside their transaction (one connection)
  const own = await customerTagRows(ctx.db, ctx.tenantId, customerId);
  const rel = await ownerTagRows(ctx.db, ctx.tenantId, customerId);
  const by = own.map((r) => r.ct.addedBy).filter((x): x is string => Boolean(x));
  const staff = await staffSummaries(ctx, [...by, ...rel.map((r) => r.ot.staffId)]);
  const rules = await ruleNames(ctx.db, ctx.tenantId, by);
  const base = (tag: (typeof own)[number]['tag'], groupName: string) => ({
    tagId: tag.id,
    name: tag.name,
    color: tag.color,
    groupId: tag.groupId,
    groupName,
  });
  const items = own.map((r) => ({
    ...base(r.tag, r.groupName),
    source: r.ct.source,
    addedBy: r.ct.addedBy,
    addedByName: r.ct.addedBy ? (staff.get(r.ct.addedBy)?.name ?? rules.get(r.ct.addedBy) ?? null) : null,
    addedAt: r.ct.addedAt.toISOString(),
  }));
  const relationships = new Map<string, CustomerTags['items']>();
  for (const r of rel) {
    const list = relationships.get(r.ot.staffId) ?? [];
    list.push({
      ...base(r.tag, r.groupName),
      source: 'manual',
      addedBy: r.ot.staffId,
      addedByName: staff.get(r.ot.staffId)?.name ?? null,
      addedAt: r.ot.addedAt.toISOString(),
    });
    relationships.set(r.ot.staffId, list);
  }
  return { items, relationships: [...relationships].map(([staffId, tags]) => ({ staffId, tags })) };
}

const names = (ts: { tag: { name: string } }[]) => ts.map((t) => t.tag.name);

/** Tags and untags one customer; a tag of a single-select group replaces the others of its group. */
export async function changeCustomerTags(ctx: Ctx, customerId: string, input: Change) {
  return inTransaction(ctx, async (tx) => {
    await getVisibleCustomer(tx, customerId);
    const change = await resolveTags(tx, input.add, input.remove);
    const { added, removed } = await applyTags(tx, onlyCustomers([customerId]), change, staffActor(tx));
    await tx.audit({
      action: 'customer.tags.change',
      entityType: 'customer',
      entityId: customerId,
      summary: `Changed tags: +${added.length} −${removed.length}`,
      changes: { add: names(change.add), remove: names(change.remove), added: added.length, removed: removed.length },
    });
    return listCustomerTags(tx, customerId);
  });
}

/** Tags and untags one staff member's relationship with the customer (404 unless they follow them). */
export async function changeOwnerTags(ctx: Ctx, customerId: string, staffId: string, input: Change) {
  return inTransaction(ctx, async (tx) => {
    await getVisibleCustomer(tx, customerId);
    if (!(await isOwner(tx.db, tx.tenantId, customerId, staffId))) throw notFound('Owner', staffId);
    const change = await resolveTags(tx, input.add, input.remove);
    const displaced = await displacedBy(tx, change.add);
    const removeIds = [...change.remove.map((t) => t.tag.id), ...displaced.map((t) => t.id)];
    const removed = await deleteOwnerTags(tx.db, tx.tenantId, customerId, staffId, removeIds);
    const addIds = change.add.map((t) => t.tag.id);
    const added = await insertOwnerTags(tx.db, tx.tenantId, customerId, staffId, addIds, tx.clock.now());
    const tagNames = new Map([...change.add, ...change.remove].map((t) => [t.tag.id, t.tag.name]));
    for (const d of displaced) tagNames.set(d.id, d.name);
    await recordTagHistory(tx, { added, removed }, tagNames, staffActor(tx));
    await tx.audit({
      action: 'customer.owner_tags.change',
      entityType: 'customer',
      entityId: customerId,
      summary: `Changed relationship tags of ${staffId}: +${added.length} −${removed.length}`,
      changes: { staffId, add: names(change.add), remove: names(change.remove) },
    });
    return listCustomerTags(tx, customerId);
  });
}

/**
 * Tags and untags every customer of a filtered list, within the actor's data scope, in set-based
 * statements; audited once. `affected`: customers whose tags changed.
 */
export async function bulkTagCustomers(ctx: Ctx, input: z.output<typeof BulkTagInput>) {
  return inTransaction(ctx, async (tx) => {
    const change = await resolveTags(tx, input.add, input.remove);
    const where = await filterCondition(tx, input.filter);
    const target = input.customerIds ? (and(where, onlyCustomers(input.customerIds)) ?? where) : where;
    const { added, removed } = await applyTags(tx, target, change, staffActor(tx));
    const affected = customersIn(added, removed);
    await tx.audit({
      action: 'customer.tags.bulk',
      entityType: 'customer',
      summary: `Bulk tagging changed ${affected} customer(s): +${added.length} −${removed.length}`,
      changes: {
        add: names(change.add),
        remove: names(change.remove),
        filter: input.filter,
        customerIds: input.customerIds?.length ?? null,
        affected,
      },
    });
    return { affected };
  });
}

/** The customer's tag.added / tag.removed timeline events, newest first. */
export async function getTagHistory(ctx: Ctx, customerId: string, q: { cursor?: string; limit: number }) {
  await getVisibleCustomer(ctx, customerId);
  if (q.cursor !== undefined && !/^\d{4}-\d\d-\d\dT[\d:.]+Z\|cev_[0-9a-z]{10,32}$/.test(q.cursor))
    throw invalid('cursor', 'must be the nextCursor of a previous page');
  return getTimeline(ctx, customerId, { types: ['tag.added', 'tag.removed'], cursor: q.cursor, limit: q.limit });
}
