import type { SQL } from 'drizzle-orm';
import { type Ctx, invalid } from '../../platform';
import { type NewEvent, recordEvents } from '../events/events.service';
import {
  deleteCustomerTags,
  findTagsWithGroups,
  insertCustomerTags,
  listTagRows,
  type TagChange,
  type TagRow,
  type TagSource,
} from './tags.repo';

export type TagInfo = { tag: TagRow; selectMode: 'single' | 'multi'; groupName: string };
/** Who or what changes tags: a staff member (manual), a rule (its id), an import job… */
export type TagActor = { source: TagSource; addedBy: string | null; reason?: string };
export type TagChangeSet = { add: TagInfo[]; remove: TagInfo[] };

/** The tags named in a change, or 400 naming the field; at most one tag per single-select group. */
export async function resolveTags(ctx: Ctx, add: string[], remove: string[]): Promise<TagChangeSet> {
  const found = await findTagsWithGroups(ctx.db, ctx.tenantId, [...new Set([...add, ...remove])]);
  const byId = new Map(found.map((f) => [f.tag.id, f]));
  for (const [field, ids] of [
    ['add', add],
    ['remove', remove],
  ] as const) {
    const i = ids.findIndex((id) => !byId.has(id));
    if (i >= 0) throw invalid(`${field}.${i}`, `no such tag ${ids[i]}`);
  }
  const single = new Map<string, TagInfo>();
  for (const id of new Set(add)) {
    const f = byId.get(id) as TagInfo;
    if (f.selectMode !== 'single') continue;
    const other = single.get(f.tag.groupId);
    if (other)
      throw invalid(
        'add',
        `${other.tag.name} and ${f.tag.name} are both in the single-select group ${f.groupName}; pick one`,
      );
    single.set(f.tag.groupId, f);
  }
  const pick = (ids: string[]) => [...new Set(ids)].map((id) => byId.get(id) as TagInfo);
  return { add: pick(add), remove: pick(remove) };
}

/** Tags that adding these tags displaces: the other tags of their single-select groups. */
export async function displacedBy(ctx: Ctx, add: TagInfo[]): Promise<TagRow[]> {
  const adding = new Set(add.map((a) => a.tag.id));
  const out: TagRow[] = [];
  for (const a of add.filter((x) => x.selectMode === 'single')) {
    const siblings = await listTagRows(ctx.db, ctx.tenantId, a.tag.groupId);
    out.push(...siblings.filter((s) => !adding.has(s.id)));
  }
  return out;
}

/**
 * Tags and untags every customer matching `target` in a few set-based statements (a single-select
 * tag replaces the others of its group), then writes tag.added / tag.removed to their timelines.
 */
export async function applyTags(ctx: Ctx, target: SQL, change: TagChangeSet, by: TagActor) {
  const displaced = await displacedBy(ctx, change.add);
  const names = new Map<string, string>([
    ...[...change.add, ...change.remove].map((t) => [t.tag.id, t.tag.name] as const),
    ...displaced.map((t) => [t.id, t.name] as const),
  ]);
  const removeIds = [...change.remove.map((t) => t.tag.id), ...displaced.map((t) => t.id)];
  const removed = await deleteCustomerTags(ctx.db, ctx.tenantId, target, removeIds);
  const added = await insertCustomerTags(
    ctx.db,
    ctx.tenantId,
    target,
    change.add.map((t) => t.tag.id),
    { source: by.source, addedBy: by.addedBy, at: ctx.clock.now() },
  );
  await recordTagHistory(ctx, { added, removed }, names, by);
  return { added, removed };
}

/**
 * One timeline event per change: `tag.added` / `tag.removed` with {tagId, tagName, source, by}; and
 * `customers.tags.changed` (1,000 changes an event) for reactions such as WeCom's mark_tag.
 */
export async function recordTagHistory(
  ctx: Ctx,
  changes: { added?: TagChange[]; removed?: TagChange[] },
  names: Map<string, string>,
  by: TagActor,
) {
  const event = (type: string, c: TagChange): NewEvent => ({
    customerId: c.customerId,
    type,
    source: by.source,
    properties: {
      tagId: c.tagId,
      tagName: names.get(c.tagId) ?? null,
      source: by.source,
      by: by.addedBy,
      ...(c.staffId ? { staffId: c.staffId } : {}),
      ...(by.reason ? { reason: by.reason } : {}),
    },
  });
  const events = [
    ...(changes.removed ?? []).map((c) => event('tag.removed', c)),
    ...(changes.added ?? []).map((c) => event('tag.added', c)),
  ];
  if (events.length) await recordEvents(ctx, events);
  const changed = [
    ...(changes.removed ?? []).map((c) => ({ ...c, added: false })),
    ...(changes.added ?? []).map((c) => ({ ...c, added: true })),
  ].map(({ customerId, tagId, added, staffId }) => ({ customerId, tagId, added, ...(staffId ? { staffId } : {}) }));
  const batches = [];
  for (let i = 0; i < changed.length; i += 1000)
    batches.push({ source: by.source, reason: by.reason ?? null, changes: changed.slice(i, i + 1000) });
  if (batches.length) await ctx.emitMany('customers.tags.changed', batches);
}

/** Distinct customers touched by a change. */
export const customersIn = (...lists: TagChange[][]) => new Set(lists.flat().map((c) => c.customerId)).size;
