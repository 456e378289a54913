/**
 * DEMO AND TESTS ONLY. The sandbox's corp tags: get/add/edit/del_corp_tag and mark_tag. Tags live in
 * groups; a corp holds at most 3,000 (WECOM_LIMITS.corpTags). API changes produce no callback (doc 96361).
 */
import * as C from '../contacts.endpoints';
import { isReply, relation, route, type SbxCtx } from './sandbox-context';
import { ERR, fail, okReply, type SbxTagGroup, sbxId, unix } from './sandbox-model';

const publicGroup = (g: SbxTagGroup, only?: Set<string>) => ({
  group_id: g.group_id,
  group_name: g.group_name,
  create_time: g.create_time,
  order: g.order,
  tag: [...g.tags.values()].filter((t) => !only || only.has(t.id)),
});

export const tagCount = (ctx: SbxCtx) => [...ctx.corp.tagGroups.values()].reduce((n, g) => n + g.tags.size, 0);

export function findTag(ctx: SbxCtx, tagId: string) {
  for (const g of ctx.corp.tagGroups.values()) if (g.tags.has(tagId)) return g;
  return null;
}

const list = route(C.getCorpTags, (ctx, b) => {
  const groups = [...ctx.corp.tagGroups.values()];
  if (b.group_id?.length)
    return okReply({ tag_group: groups.filter((g) => b.group_id?.includes(g.group_id)).map((g) => publicGroup(g)) });
  if (b.tag_id?.length) {
    const only = new Set(b.tag_id);
    return okReply({
      tag_group: groups.filter((g) => [...g.tags.keys()].some((id) => only.has(id))).map((g) => publicGroup(g, only)),
    });
  }
  return okReply({ tag_group: groups.map((g) => publicGroup(g)) });
});

/** Adds tags to a group (found by id, or by name, or created); names are unique within a group. */
export function addTags(
  ctx: SbxCtx,
  b: { group_id?: string; group_name?: string; order?: number; tag: { name: string; order?: number }[] },
) {
  if (tagCount(ctx) + b.tag.length > ctx.caps.corpTags) {
    return fail(ERR.invalidParam, `a corp holds at most ${ctx.caps.corpTags} corp tags`);
  }
  let g = b.group_id ? ctx.corp.tagGroups.get(b.group_id) : undefined;
  if (b.group_id && !g) return fail(ERR.invalidTagId, `invalid group_id ${b.group_id}`);
  if (!g && b.group_name) g = [...ctx.corp.tagGroups.values()].find((x) => x.group_name === b.group_name);
  if (!g) {
    if (!b.group_name) return fail(ERR.invalidParam, 'group_id or group_name is required');
    g = {
      group_id: sbxId.tag(),
      group_name: b.group_name,
      create_time: unix(ctx.now),
      order: b.order ?? 0,
      tags: new Map(),
    };
    ctx.corp.tagGroups.set(g.group_id, g);
  }
  const names = new Set([...g.tags.values()].map((t) => t.name));
  for (const t of b.tag)
    if (names.has(t.name)) return fail(ERR.tagNameExists, `tag ${t.name} exists in ${g.group_name}`);
  const added = b.tag.map((t) => ({ id: sbxId.tag(), name: t.name, create_time: unix(ctx.now), order: t.order ?? 0 }));
  for (const t of added) g.tags.set(t.id, t);
  return okReply({ tag_group: { ...publicGroup(g), tag: added } });
}

const add = route(C.addCorpTags, (ctx, b) => addTags(ctx, b));

const edit = route(C.editCorpTag, (ctx, b) => {
  const group = ctx.corp.tagGroups.get(b.id);
  if (group) {
    if (b.name !== undefined) group.group_name = b.name;
    if (b.order !== undefined) group.order = b.order;
    return okReply();
  }
  const g = findTag(ctx, b.id);
  const t = g?.tags.get(b.id);
  if (!g || !t) return fail(ERR.invalidTagId, `invalid tag id ${b.id}`);
  if (b.name !== undefined && [...g.tags.values()].some((x) => x.name === b.name && x.id !== b.id)) {
    return fail(ERR.tagNameExists, `tag ${b.name} exists in ${g.group_name}`);
  }
  if (b.name !== undefined) t.name = b.name;
  if (b.order !== undefined) t.order = b.order;
  return okReply();
});

/** Deletes tags (a group whose last tag goes is deleted too) and removes them from every customer. */
export function deleteTags(ctx: SbxCtx, tagIds: string[], groupIds: string[]) {
  const gone = new Set<string>();
  for (const id of groupIds) {
    const g = ctx.corp.tagGroups.get(id);
    if (!g) return fail(ERR.invalidTagId, `invalid group_id ${id}`);
    for (const t of g.tags.keys()) gone.add(t);
  }
  for (const id of tagIds) if (!findTag(ctx, id)) return fail(ERR.invalidTagId, `invalid tag id ${id}`);
  for (const id of groupIds) ctx.corp.tagGroups.delete(id);
  for (const id of tagIds) {
    const g = findTag(ctx, id);
    g?.tags.delete(id);
    if (g && g.tags.size === 0) ctx.corp.tagGroups.delete(g.group_id);
    gone.add(id);
  }
  for (const c of ctx.corp.contacts.values())
    for (const f of c.follow.values()) for (const id of gone) f.tagIds.delete(id);
  return okReply();
}

const del = route(C.delCorpTags, (ctx, b) => {
  if (!b.tag_id?.length && !b.group_id?.length)
    return fail(ERR.invalidParam, 'tag_id and group_id cannot both be empty');
  return deleteTags(ctx, b.tag_id ?? [], b.group_id ?? []);
});

const mark = route(C.markTag, (ctx, b) => {
  const f = relation(ctx, b.userid, b.external_userid);
  if (isReply(f)) return f;
  if (!b.add_tag?.length && !b.remove_tag?.length)
    return fail(ERR.invalidParam, 'add_tag and remove_tag cannot both be empty');
  for (const id of [...(b.add_tag ?? []), ...(b.remove_tag ?? [])]) {
    if (!findTag(ctx, id)) return fail(ERR.invalidTagId, `invalid tag id ${id}`);
  }
  for (const id of b.add_tag ?? []) f.tagIds.add(id);
  for (const id of b.remove_tag ?? []) f.tagIds.delete(id);
  return okReply();
});

export const tagRoutes = [list, add, edit, del, mark];
