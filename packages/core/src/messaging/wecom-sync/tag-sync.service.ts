/**
 * Tag sync, both ways. Import: get_corp_tag_list → the customers domain's linked tag groups and tags
 * (created, adopted by name, renamed; those WeCom no longer has deleted, or only unlinked while tag
 * rules use them). change_external_tag callbacks re-read the tag or group they name and apply it.
 * Export: a linked tag put on or taken off a customer in Siyu becomes mark_tag on the customer's WeCom
 * relations, as a retried job (an external effect, DESIGN R4). WeCom sends no callback for changes
 * made through its API (doc 96361), and tags that came from WeCom (source `wecom`) are not sent back,
 * so nothing loops.
 */
import type { EventPayload } from '@siyu/contracts';
import {
  getCustomer,
  listWecomLinkedTags,
  removeWecomTag,
  removeWecomTagGroup,
  tagIdsOfWecomTags,
  upsertWecomTagGroup,
  wecomTagIdsOfTags,
} from '../../customers';
import { type Ctx, type JobDef, subscriber } from '../../platform';
import type { WecomClient } from '../wecom/client';
import type { CorpTagGroup } from '../wecom/contacts.endpoints';
import type { WecomEvent } from '../wecom/events';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import { wecomUserIdsForStaff } from '../wecom-channel/staff-link';

export const WECOM_MARK_TAGS_JOB = 'messaging.wecom-mark-tags';

const groupIn = (g: CorpTagGroup) => ({
  wecomGroupId: g.group_id,
  name: g.group_name,
  sort: g.order,
  tags: g.tag.filter((t) => !t.deleted).map((t) => ({ wecomTagId: t.id, name: t.name, sort: t.order })),
});

/** Imports every corp tag group; `onGroup` after each (progress). Answers what changed. */
export async function importCorpTags(ctx: Ctx, client: WecomClient, onGroup?: (tags: number) => Promise<void>) {
  const { tag_group } = await client.corpTags.list({});
  const groups = tag_group.filter((g) => !g.deleted);
  const stats = { groups: groups.length, tags: 0, created: 0, renamed: 0, deleted: 0, unlinked_tags: 0, skipped: 0 };
  const errors: { item: string; message: string }[] = [];
  for (const g of groups) {
    const r = await upsertWecomTagGroup(ctx, groupIn(g));
    stats.tags += g.tag.length;
    stats.created += r.created;
    stats.renamed += r.renamed;
    stats.skipped += r.skipped.length;
    for (const s of r.skipped) errors.push({ item: s.wecomTagId, message: s.message });
    await onGroup?.(g.tag.length);
  }
  const liveTags = new Set(groups.flatMap((g) => g.tag.map((t) => t.id)));
  const liveGroups = new Set(groups.map((g) => g.group_id));
  const linked = await listWecomLinkedTags(ctx);
  const gone = (r: 'deleted' | 'unlinked') => (r === 'deleted' ? stats.deleted++ : stats.unlinked_tags++);
  for (const t of linked.tags.filter((x) => !liveTags.has(x.wecomTagId))) gone(await removeWecomTag(ctx, t.id));
  for (const g of linked.groups.filter((x) => !liveGroups.has(x.wecomGroupId)))
    gone(await removeWecomTagGroup(ctx, g.id));
  return { stats, errors, total: stats.tags };
}

/** change_external_tag (TagType tag | tag_group; ChangeType create | update | delete | shuffle). */
export async function applyWecomTagEvent(ctx: Ctx, e: Extract<WecomEvent, { kind: 'tag' }>): Promise<string> {
  const client = await tenantWecomClient(ctx);
  if (!client) return `tag ${e.changeType} ${e.id}: WeCom is not configured`;
  const what = `${e.tagType} ${e.changeType} ${e.id}`;
  if (e.changeType === 'delete') {
    if (e.tagType === 'tag_group') {
      const group = (await listWecomLinkedTags(ctx)).groups.find((g) => g.wecomGroupId === e.id);
      if (!group) return `${what}: not linked here, nothing to do`;
      const linked = (await listWecomLinkedTags(ctx)).tags.filter((t) => t.groupId === group.id);
      for (const t of linked) await removeWecomTag(ctx, t.id);
      return `${what}: ${linked.length} tag(s) removed; group ${await removeWecomTagGroup(ctx, group.id)}`;
    }
    const local = (await tagIdsOfWecomTags(ctx, [e.id])).get(e.id);
    return local ? `${what}: ${local} ${await removeWecomTag(ctx, local)}` : `${what}: not linked here, nothing to do`;
  }
  if (e.changeType === 'shuffle' || !e.id) {
    const r = await importCorpTags(ctx, client);
    return `${what}: re-read every tag (${r.stats.created} created, ${r.stats.renamed} renamed)`;
  }
  const filter = e.tagType === 'tag_group' ? { group_id: [e.id] } : { tag_id: [e.id] };
  const { tag_group } = await client.corpTags.list(filter);
  if (!tag_group.length) return `${what}: WeCom has no such ${e.tagType} any more`;
  let created = 0;
  let renamed = 0;
  for (const g of tag_group) {
    const r = await upsertWecomTagGroup(ctx, groupIn(g));
    created += r.created;
    renamed += r.renamed;
  }
  return `${what}: ${created} created, ${renamed} renamed`;
}

// ---- export: Siyu → WeCom (mark_tag) --------------------------------------------------------------

type Mark = { customerId: string; staffId?: string; add: string[]; remove: string[] };

/** Linked tag changes made in Siyu, grouped per customer (and relationship), as WeCom tag ids. */
async function marksOf(ctx: Ctx, p: EventPayload<'customers.tags.changed'>): Promise<Mark[]> {
  if (p.source === 'wecom' || p.reason === 'tag_deleted') return [];
  const wecomIds = await wecomTagIdsOfTags(
    ctx,
    p.changes.map((c) => c.tagId),
  );
  const marks = new Map<string, Mark>();
  for (const c of p.changes) {
    const w = wecomIds.get(c.tagId);
    if (!w) continue;
    const key = `${c.customerId}|${c.staffId ?? ''}`;
    const m = marks.get(key) ?? {
      customerId: c.customerId,
      ...(c.staffId ? { staffId: c.staffId } : {}),
      add: [],
      remove: [],
    };
    (c.added ? m.add : m.remove).push(w);
    marks.set(key, m);
  }
  return [...marks.values()];
}

export const tagSyncSubscribers = [
  subscriber({
    name: 'messaging.wecom-mark-tags',
    event: 'customers.tags.changed',
    handle: async (ctx, p) => {
      for (const m of await marksOf(ctx, p)) await ctx.enqueue(WECOM_MARK_TAGS_JOB, { tenantId: ctx.tenantId, ...m });
    },
  }),
];

/** mark_tag on each WeCom relation of the customer (only the staff member's, for relationship tags). */
export async function markCustomerTags(ctx: Ctx, m: Mark) {
  const client = await tenantWecomClient(ctx);
  if (!client) return { marked: 0 };
  const customer = await getCustomer(ctx, m.customerId);
  const externals = customer.identities
    .filter((i) => i.kind === 'wecom_external' && i.namespace === client.corpId)
    .map((i) => i.value);
  const only = m.staffId ? (await wecomUserIdsForStaff(ctx, [m.staffId])).get(m.staffId) : undefined;
  if (m.staffId && !only) return { marked: 0 };
  let marked = 0;
  for (const external_userid of externals) {
    const { follow_user } = await client.externalContacts.get({ external_userid });
    for (const f of follow_user) {
      if (only && f.userid.toLowerCase() !== only.toLowerCase()) continue;
      await client.corpTags.mark({
        userid: f.userid,
        external_userid,
        ...(m.add.length ? { add_tag: m.add } : {}),
        ...(m.remove.length ? { remove_tag: m.remove } : {}),
      });
      marked++;
    }
  }
  return { marked };
}

export const tagSyncJobs: Record<string, JobDef> = {
  [WECOM_MARK_TAGS_JOB]: {
    retryLimit: 5,
    async handle({ data, ctxFor }) {
      const ctx = ctxFor(String(data.tenantId));
      await markCustomerTags(ctx, {
        customerId: String(data.customerId),
        ...(data.staffId ? { staffId: String(data.staffId) } : {}),
        add: (data.add as string[]) ?? [],
        remove: (data.remove as string[]) ?? [],
      });
    },
  },
};
