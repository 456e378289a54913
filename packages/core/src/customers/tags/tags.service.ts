import type { Tag, TagGroup, TagGroupInput, TagGroupPatch, TagInput, TagPatch } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, diffChanges, inTransaction, invalid, LIMITS, newId, notFound } from '../../platform';
import { filterCondition } from '../profiles/visibility';
import { recordTagHistory } from './tag-changes';
import {
  countHoldingSeveral,
  countTags,
  customerCounts,
  deleteGroupRow,
  deleteTagEverywhere,
  findGroupRow,
  findTagRow,
  groupNameTaken,
  insertGroupRow,
  insertTagRow,
  listGroupRows,
  listTagRows,
  lockTagCatalog,
  rulesUsingTag,
  type TagGroupRow,
  type TagRow,
  tagNameTaken,
  updateGroupRow,
  updateTagRow,
} from './tags.repo';

const toTag = (t: TagRow, counts: Map<string, number>): Tag => ({
  id: t.id,
  groupId: t.groupId,
  name: t.name,
  color: t.color,
  description: t.description,
  sort: t.sort,
  wecomTagId: t.wecomTagId,
  customerCount: counts.get(t.id) ?? 0,
  createdAt: t.createdAt.toISOString(),
});

const toGroup = (g: TagGroupRow, tags: Tag[]): TagGroup => ({
  id: g.id,
  name: g.name,
  selectMode: g.selectMode,
  sort: g.sort,
  wecomGroupId: g.wecomGroupId,
  tags: tags.filter((t) => t.groupId === g.id),
  createdAt: g.createdAt.toISOString(),
});

/** Customers per tag, within the actor's data scope. */
const countsFor = async (ctx: Ctx) => customerCounts(ctx.db, ctx.tenantId, await filterCondition(ctx, {}));

export async function listTags(ctx: Ctx, q: { groupId?: string } = {}) {
  const rows = await listTagRows(ctx.db, ctx.tenantId, q.groupId);
  const counts = await countsFor(ctx);
  return { items: rows.map((t) => toTag(t, counts)) };
}

export async function listTagGroups(ctx: Ctx) {
  const groups = await listGroupRows(ctx.db, ctx.tenantId);
  const { items } = await listTags(ctx);
  return { items: groups.map((g) => toGroup(g, items)) };
}

async function getTagGroup(ctx: Ctx, id: string) {
  const row = await findGroupRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Tag group', id);
  return toGroup(row, (await listTags(ctx, { groupId: id })).items);
}

export async function getTag(ctx: Ctx, id: string) {
  const row = await findTagRow(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Tag', id);
  return toTag(row, await countsFor(ctx));
}

export function createTagGroup(ctx: Ctx, input: z.output<typeof TagGroupInput>) {
  return inTransaction(ctx, async (tx) => {
    await lockTagCatalog(tx.db, tx.tenantId);
    if (await groupNameTaken(tx.db, tx.tenantId, input.name))
      throw conflict('TAG_GROUP_NAME_TAKEN', `A tag group named ${input.name} exists already`);
    const row = {
      tenantId: tx.tenantId,
      id: newId('tgg', tx.clock.now()),
      ...input,
      wecomGroupId: null,
      createdAt: tx.clock.now(),
    };
    await insertGroupRow(tx.db, row);
    await tx.audit({
      action: 'tag_group.create',
      entityType: 'tag_group',
      entityId: row.id,
      summary: `Created tag group ${row.name}`,
    });
    return toGroup(row, []);
  });
}

/**
 * 409 SEVERAL_TAGS_OF_GROUP unless every customer holds at most one of these tags (of the single-select
 * group `groupName`): the operator removes the extra tags first, rather than losing them unseen.
 */
async function assertAtMostOneEach(ctx: Ctx, tagIds: string[], groupName: string, field: string) {
  const n = await countHoldingSeveral(ctx.db, ctx.tenantId, tagIds);
  if (n > 0)
    throw conflict(
      'SEVERAL_TAGS_OF_GROUP',
      `${n} customer(s) hold more than one tag of ${groupName}, but a single-select group allows one per customer; remove the extra tags first`,
      { field, customers: n, group: groupName },
    );
}

/** Changes a group; making it single-select is refused while customers hold several of its tags. */
export function updateTagGroup(ctx: Ctx, id: string, input: z.output<typeof TagGroupPatch>) {
  return inTransaction(ctx, async (tx) => {
    await lockTagCatalog(tx.db, tx.tenantId);
    const before = await getTagGroup(tx, id);
    if (input.name !== undefined && (await groupNameTaken(tx.db, tx.tenantId, input.name, id)))
      throw conflict('TAG_GROUP_NAME_TAKEN', `A tag group named ${input.name} exists already`);
    if (input.selectMode === 'single' && before.selectMode !== 'single')
      await assertAtMostOneEach(
        tx,
        before.tags.map((t) => t.id),
        input.name ?? before.name,
        'selectMode',
      );
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await updateGroupRow(tx.db, tx.tenantId, id, set);
    const after = await getTagGroup(tx, id);
    const { tags: _b, ...b } = before;
    const { tags: _a, ...a } = after;
    await tx.audit({
      action: 'tag_group.update',
      entityType: 'tag_group',
      entityId: id,
      summary: `Changed tag group ${after.name}`,
      changes: diffChanges(b, a),
    });
    return after;
  });
}

export async function deleteTagGroup(ctx: Ctx, id: string) {
  const group = await getTagGroup(ctx, id);
  const n = await countTags(ctx.db, ctx.tenantId, id);
  if (n > 0)
    throw conflict('TAG_GROUP_NOT_EMPTY', `${group.name} has ${n} tag(s); delete or move them first`, { tags: n });
  await deleteGroupRow(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'tag_group.delete',
    entityType: 'tag_group',
    entityId: id,
    summary: `Deleted tag group ${group.name}`,
  });
  return { ok: true as const };
}

async function assertGroup(ctx: Ctx, groupId: string) {
  const group = await findGroupRow(ctx.db, ctx.tenantId, groupId);
  if (!group) throw invalid('groupId', 'no such tag group');
  return group;
}

export function createTag(ctx: Ctx, input: z.output<typeof TagInput>) {
  return inTransaction(ctx, async (tx) => {
    await lockTagCatalog(tx.db, tx.tenantId);
    const group = await assertGroup(tx, input.groupId);
    const limit = LIMITS.wecom.corpTags;
    const total = await countTags(tx.db, tx.tenantId);
    if (total >= limit)
      throw conflict('TAG_LIMIT', `WeCom allows at most ${limit} corp tags; delete unused tags first`, {
        limit,
        count: total,
      });
    if (await tagNameTaken(tx.db, tx.tenantId, input.groupId, input.name))
      throw conflict('TAG_NAME_TAKEN', `${group.name} has a tag named ${input.name} already`);
    const row = {
      tenantId: tx.tenantId,
      id: newId('tag', tx.clock.now()),
      groupId: input.groupId,
      name: input.name,
      color: input.color ?? null,
      description: input.description ?? null,
      sort: input.sort,
      wecomTagId: null,
      createdAt: tx.clock.now(),
    };
    await insertTagRow(tx.db, row);
    await tx.audit({
      action: 'tag.create',
      entityType: 'tag',
      entityId: row.id,
      summary: `Created tag ${group.name}/${row.name}`,
    });
    return toTag(row, new Map());
  });
}

export function updateTag(ctx: Ctx, id: string, input: z.output<typeof TagPatch>) {
  return inTransaction(ctx, async (tx) => {
    await lockTagCatalog(tx.db, tx.tenantId);
    const before = await getTag(tx, id);
    const groupId = input.groupId ?? before.groupId;
    if (input.groupId !== undefined) {
      const target = await assertGroup(tx, input.groupId);
      if (target.selectMode === 'single' && input.groupId !== before.groupId) {
        const siblings = await listTagRows(tx.db, tx.tenantId, input.groupId);
        await assertAtMostOneEach(tx, [id, ...siblings.map((t) => t.id)], target.name, 'groupId');
      }
    }
    const name = input.name ?? before.name;
    if (await tagNameTaken(tx.db, tx.tenantId, groupId, name, id))
      throw conflict('TAG_NAME_TAKEN', `That group has a tag named ${name} already`);
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await updateTagRow(tx.db, tx.tenantId, id, set);
    const after = await getTag(tx, id);
    await tx.audit({
      action: 'tag.update',
      entityType: 'tag',
      entityId: id,
      summary: `Changed tag ${after.name}`,
      changes: diffChanges(before, after),
    });
    return after;
  });
}

/** Deletes the tag, taking it off every customer (each gets a tag.removed timeline event). */
export function deleteTag(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const tag = await getTag(tx, id);
    const rules = await rulesUsingTag(tx.db, tx.tenantId, id);
    if (rules.length)
      throw conflict(
        'TAG_HAS_RULES',
        `Rules add this tag (${rules.map((r) => r.name).join(', ')}); delete them first`,
        { rules },
      );
    const removed = await deleteTagEverywhere(tx.db, tx.tenantId, id);
    const by = tx.actor.kind === 'staff' ? tx.actor.id : null;
    await recordTagHistory(tx, { removed }, new Map([[id, tag.name]]), {
      source: 'manual',
      addedBy: by,
      reason: 'tag_deleted',
    });
    await tx.audit({
      action: 'tag.delete',
      entityType: 'tag',
      entityId: id,
      summary: `Deleted tag ${tag.name} (removed from ${removed.length} customer(s))`,
      changes: { removedFrom: removed.length },
    });
    return { ok: true as const, removedFrom: removed.length };
  });
}
