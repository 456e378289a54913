/** Group tags (群标签): the tenant's own labels for groups. */
import type { GroupTag, GroupTagInput, GroupTagPatch } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, newId, notFound } from '../../platform';
import { deleteTag, findTag, findTagByName, type GroupTagRow, insertTag, listTagRows, updateTag } from './groups.repo';

const view = (t: GroupTagRow, groupCount: number): GroupTag => ({
  id: t.id,
  name: t.name,
  color: t.color,
  sort: t.sort,
  groupCount,
  createdAt: t.createdAt.toISOString(),
});

export async function listGroupTags(ctx: Ctx) {
  const rows = await listTagRows(ctx.db, ctx.tenantId);
  return { items: rows.map((r) => view(r.tag, r.groupCount)) };
}

async function countOf(ctx: Ctx, id: string) {
  return (await listTagRows(ctx.db, ctx.tenantId)).find((r) => r.tag.id === id)?.groupCount ?? 0;
}

const taken = (name: string) => conflict('GROUP_TAG_EXISTS', `A group tag named ${name} exists`, { field: 'name' });

export async function createGroupTag(ctx: Ctx, input: z.output<typeof GroupTagInput>) {
  if (await findTagByName(ctx.db, ctx.tenantId, input.name)) throw taken(input.name);
  const now = ctx.clock.now();
  const row = await insertTag(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('gtg', now),
    name: input.name,
    color: input.color ?? null,
    sort: input.sort,
    createdAt: now,
  });
  await ctx.audit({
    action: 'messaging.group_tag.create',
    entityType: 'group_tag',
    entityId: row.id,
    summary: `Group tag ${row.name} created`,
  });
  return view(row, 0);
}

export async function updateGroupTag(ctx: Ctx, id: string, input: z.output<typeof GroupTagPatch>) {
  const tag = await findTag(ctx.db, ctx.tenantId, id);
  if (!tag) throw notFound('Group tag', id);
  if (input.name && input.name !== tag.name && (await findTagByName(ctx.db, ctx.tenantId, input.name)))
    throw taken(input.name);
  const row = await updateTag(ctx.db, ctx.tenantId, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.color !== undefined ? { color: input.color } : {}),
    ...(input.sort !== undefined ? { sort: input.sort } : {}),
  });
  await ctx.audit({
    action: 'messaging.group_tag.update',
    entityType: 'group_tag',
    entityId: id,
    summary: `Group tag ${row!.name} changed`,
  });
  return view(row!, await countOf(ctx, id));
}

export async function deleteGroupTag(ctx: Ctx, id: string) {
  const tag = await findTag(ctx.db, ctx.tenantId, id);
  if (!tag) throw notFound('Group tag', id);
  await deleteTag(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'messaging.group_tag.delete',
    entityType: 'group_tag',
    entityId: id,
    summary: `Group tag ${tag.name} deleted`,
  });
  return { ok: true as const };
}
