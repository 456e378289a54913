/** The registry as the admin sees it: list with filters, a group with its members, a group's tags. */
import type { Group, GroupDetail, GroupListQuery, GroupTagsInput } from '@siyu/contracts';
import type { z } from 'zod';
import { staffSummaries } from '../../access';
import { type Ctx, invalid, notFound } from '../../platform';
import { staffForWecomUser } from '../wecom-channel/staff-link';
import {
  existingTagIds,
  findGroup,
  type GroupMemberRow,
  type GroupRow,
  leftMembers,
  listGroupRows,
  membersOf,
  updateGroup,
} from './groups.repo';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function groupView(g: GroupRow, ownerName: string | null): Group {
  return {
    id: g.id,
    chatId: g.chatId,
    name: g.name,
    ownerUserid: g.ownerUserid,
    ownerStaffId: g.ownerStaffId,
    ownerName,
    notice: g.notice,
    status: g.status,
    memberCount: g.memberCount,
    externalCount: g.externalCount,
    tagIds: g.tagIds,
    wecomCreatedAt: iso(g.wecomCreatedAt),
    dismissedAt: iso(g.dismissedAt),
    syncedAt: iso(g.syncedAt),
    updatedAt: g.updatedAt.toISOString(),
  };
}

async function views(ctx: Ctx, rows: GroupRow[]) {
  const names = await staffSummaries(
    ctx,
    rows.map((r) => r.ownerStaffId).filter((x): x is string => Boolean(x)),
  );
  return rows.map((g) => groupView(g, (g.ownerStaffId && names.get(g.ownerStaffId)?.name) || null));
}

export async function listGroups(ctx: Ctx, q: z.output<typeof GroupListQuery>) {
  const page = await listGroupRows(ctx.db, ctx.tenantId, q);
  return { items: await views(ctx, page.items), nextCursor: page.nextCursor };
}

async function loadGroup(ctx: Ctx, id: string) {
  const g = await findGroup(ctx.db, ctx.tenantId, id);
  if (!g) throw notFound('Group', id);
  return g;
}

function memberView(m: GroupMemberRow, admins: Set<string>, staffIds: Map<string, string | null>) {
  return {
    userid: m.userid,
    type: m.type === 2 ? ('external' as const) : ('staff' as const),
    name: m.name,
    groupNickname: m.groupNickname,
    joinScene: m.joinScene,
    invitorUserid: m.invitorUserid,
    state: m.state,
    groupCodeId: m.groupCodeId,
    customerId: m.customerId,
    staffId: staffIds.get(m.userid) ?? null,
    joinedAt: iso(m.joinedAt),
    isAdmin: admins.has(m.userid),
  };
}

export async function getGroup(ctx: Ctx, id: string): Promise<GroupDetail> {
  const g = await loadGroup(ctx, id);
  const [view] = await views(ctx, [g]);
  const all = await membersOf(ctx.db, ctx.tenantId, g.id);
  const current = all.filter((m) => !m.leftAt);
  const staffIds = new Map<string, string | null>();
  for (const m of current.filter((x) => x.type === 1)) {
    staffIds.set(m.userid, (await staffForWecomUser(ctx, m.userid))?.id ?? null);
  }
  const admins = new Set([g.ownerUserid, ...g.adminUserids]);
  const left = await leftMembers(ctx.db, ctx.tenantId, g.id, 100);
  return {
    ...view!,
    members: current.map((m) => memberView(m, admins, staffIds)),
    leftMembers: left.map((m) => ({
      ...memberView(m, admins, staffIds),
      leftAt: m.leftAt!.toISOString(),
      quitScene: m.quitScene,
    })),
  };
}

export async function setGroupTags(ctx: Ctx, id: string, input: z.output<typeof GroupTagsInput>): Promise<Group> {
  const g = await loadGroup(ctx, id);
  const tagIds = [...new Set(input.tagIds)];
  const known = await existingTagIds(ctx.db, ctx.tenantId, tagIds);
  const unknown = tagIds.find((t) => !known.has(t));
  if (unknown) throw invalid('tagIds', `no group tag ${unknown}`);
  const saved = await updateGroup(ctx.db, ctx.tenantId, g.id, { tagIds, updatedAt: ctx.clock.now() });
  await ctx.audit({
    action: 'messaging.group.tags',
    entityType: 'group',
    entityId: g.id,
    summary: `Tags of group ${g.name} set`,
    changes: { tagIds: { from: g.tagIds, to: tagIds } },
  });
  const [view] = await views(ctx, [saved!]);
  return view!;
}
