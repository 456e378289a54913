/**
 * The customers side of WeCom tag sync (messaging/wecom-sync drives it): tag groups and tags linked to
 * WeCom corp tag groups and tags through `wecom_group_id` / `wecom_tag_id`. A linked group is "from
 * WeCom" (the tag library shows it so). WeCom is the source of truth for linked names; local tags of
 * the same name are adopted (linked) rather than duplicated. Customers tagged on WeCom's word carry
 * the source `wecom`.
 */
import { conflict, type Ctx, inTransaction, LIMITS, newId } from '../../platform';
import { getVisibleCustomer } from '../profiles/visibility';
import { onlyCustomers } from './tag-rules.repo';
import { applyTags, resolveTags } from './tag-changes';
import {
  countTags,
  deleteGroupRow,
  insertGroupRow,
  insertTagRow,
  listGroupRows,
  listTagRows,
  lockTagCatalog,
  rulesUsingTag,
  updateGroupRow,
  updateTagRow,
} from './tags.repo';
import { deleteTag } from './tags.service';
import { groupByName, linkedGroupRows, linkedTagRows, tagsByWecomIds, wecomIdsOf } from './wecom-tags.repo';

export type WecomTagGroupIn = {
  wecomGroupId: string;
  name: string;
  sort: number;
  tags: { wecomTagId: string; name: string; sort: number }[];
};
export type WecomTagGroupResult = {
  groupId: string;
  created: number;
  renamed: number;
  /** WeCom tags not imported (the 3,000 cap), with why. */
  skipped: { wecomTagId: string; message: string }[];
};

async function groupFor(ctx: Ctx, g: WecomTagGroupIn, counts: { created: number; renamed: number }) {
  const groups = await listGroupRows(ctx.db, ctx.tenantId);
  const linked = groups.find((x) => x.wecomGroupId === g.wecomGroupId);
  if (linked) {
    const taken = groups.some((x) => x.id !== linked.id && x.name === g.name);
    if (linked.name !== g.name && !taken) {
      await updateGroupRow(ctx.db, ctx.tenantId, linked.id, { name: g.name });
      counts.renamed++;
    }
    return linked.id;
  }
  const same = await groupByName(ctx.db, ctx.tenantId, g.name);
  if (same && !same.wecomGroupId) {
    await updateGroupRow(ctx.db, ctx.tenantId, same.id, { wecomGroupId: g.wecomGroupId });
    return same.id;
  }
  const name = same ? `${g.name} (企业微信)` : g.name;
  const id = newId('tgg', ctx.clock.now());
  await insertGroupRow(ctx.db, {
    tenantId: ctx.tenantId,
    id,
    name,
    selectMode: 'multi',
    sort: g.sort,
    wecomGroupId: g.wecomGroupId,
    createdAt: ctx.clock.now(),
  });
  counts.created++;
  return id;
}

/**
 * Creates, links or renames the local group and tags of one WeCom corp tag group. Idempotent: a
 * second call with the same group changes nothing. Tags beyond WeCom's 3,000 are skipped, reported.
 */
export function upsertWecomTagGroup(ctx: Ctx, g: WecomTagGroupIn): Promise<WecomTagGroupResult> {
  return inTransaction(ctx, async (tx) => {
    await lockTagCatalog(tx.db, tx.tenantId);
    const counts = { created: 0, renamed: 0 };
    const groupId = await groupFor(tx, g, counts);
    const skipped: WecomTagGroupResult['skipped'] = [];
    const linked = new Map((await linkedTagRows(tx.db, tx.tenantId)).map((t) => [t.wecomTagId, t]));
    const local = await listTagRows(tx.db, tx.tenantId, groupId);
    let total = await countTags(tx.db, tx.tenantId);
    for (const t of g.tags) {
      const mine = linked.get(t.wecomTagId);
      if (mine) {
        const taken = local.some((x) => x.id !== mine.id && x.groupId === mine.groupId && x.name === t.name);
        if (mine.name !== t.name && !taken) {
          await updateTagRow(tx.db, tx.tenantId, mine.id, { name: t.name });
          counts.renamed++;
        }
        continue;
      }
      const same = local.find((x) => x.name === t.name && !x.wecomTagId);
      if (same) {
        await updateTagRow(tx.db, tx.tenantId, same.id, { wecomTagId: t.wecomTagId });
        continue;
      }
      if (total >= LIMITS.wecom.corpTags) {
        skipped.push({ wecomTagId: t.wecomTagId, message: `over the ${LIMITS.wecom.corpTags} corp tags WeCom allows` });
        continue;
      }
      const name = local.some((x) => x.name === t.name) ? `${t.name} (企业微信)` : t.name;
      const row = {
        tenantId: tx.tenantId,
        id: newId('tag', tx.clock.now()),
        groupId,
        name,
        color: null,
        description: null,
        sort: t.sort,
        wecomTagId: t.wecomTagId,
        createdAt: tx.clock.now(),
      };
      await insertTagRow(tx.db, row);
      local.push(row);
      total++;
      counts.created++;
    }
    if (counts.created || counts.renamed)
      await tx.audit({
        action: 'tag.wecom_sync',
        entityType: 'tag_group',
        entityId: groupId,
        summary: `WeCom tag group ${g.name}: ${counts.created} created, ${counts.renamed} renamed`,
        changes: { wecomGroupId: g.wecomGroupId, ...counts },
      });
    return { groupId, ...counts, skipped };
  });
}

/** Every linked group and tag (for finding what WeCom no longer has). */
export async function listWecomLinkedTags(ctx: Ctx) {
  const groups = await linkedGroupRows(ctx.db, ctx.tenantId);
  const tags = await linkedTagRows(ctx.db, ctx.tenantId);
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name, wecomGroupId: g.wecomGroupId as string })),
    tags: tags.map((t) => ({ id: t.id, name: t.name, groupId: t.groupId, wecomTagId: t.wecomTagId as string })),
  };
}

/** Local tag ids of these WeCom tag ids (only linked ones appear). */
export async function tagIdsOfWecomTags(ctx: Ctx, wecomTagIds: string[]): Promise<Map<string, string>> {
  const rows = await tagsByWecomIds(ctx.db, ctx.tenantId, [...new Set(wecomTagIds)]);
  return new Map(rows.map((r) => [r.wecomTagId as string, r.id]));
}

/** WeCom tag ids of these local tags (only linked ones appear). */
export async function wecomTagIdsOfTags(ctx: Ctx, tagIds: string[]): Promise<Map<string, string>> {
  const rows = await wecomIdsOf(ctx.db, ctx.tenantId, [...new Set(tagIds)]);
  return new Map(rows.map((r) => [r.id, r.wecomTagId as string]));
}

/**
 * A WeCom tag is gone: the local tag is deleted (taken off every customer) — or, when tag rules still
 * add it, only unlinked (the rules keep working; the tag stops being a WeCom tag).
 */
export async function removeWecomTag(ctx: Ctx, tagId: string): Promise<'deleted' | 'unlinked'> {
  const rules = await rulesUsingTag(ctx.db, ctx.tenantId, tagId);
  if (rules.length) {
    await updateTagRow(ctx.db, ctx.tenantId, tagId, { wecomTagId: null });
    return 'unlinked';
  }
  await deleteTag(ctx, tagId);
  return 'deleted';
}

/** A WeCom tag group is gone: deleted when it has no tags left, otherwise unlinked. */
export async function removeWecomTagGroup(ctx: Ctx, groupId: string): Promise<'deleted' | 'unlinked'> {
  if ((await countTags(ctx.db, ctx.tenantId, groupId)) === 0) {
    await deleteGroupRow(ctx.db, ctx.tenantId, groupId);
    return 'deleted';
  }
  await updateGroupRow(ctx.db, ctx.tenantId, groupId, { wecomGroupId: null });
  return 'unlinked';
}

/** Puts tags a WeCom member gave the customer onto the customer (source `wecom`); answers how many were new. */
export async function addWecomTagsToCustomer(ctx: Ctx, customerId: string, tagIds: string[]): Promise<number> {
  if (!tagIds.length) return 0;
  return inTransaction(ctx, async (tx) => {
    await getVisibleCustomer(tx, customerId);
    const change = await resolveTags(tx, tagIds, []).catch((err) => {
      throw conflict('WECOM_TAGS', err instanceof Error ? err.message : String(err));
    });
    const { added } = await applyTags(tx, onlyCustomers([customerId]), change, { source: 'wecom', addedBy: null });
    return added.length;
  });
}
