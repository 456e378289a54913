/**
 * Writing a group into the registry from what WeCom says it is now (a groupchat/get snapshot): the
 * group row is upserted, members new to us are recorded as joined (with WeCom's join time, scene,
 * invitor and state), members no longer listed as left. Used by the sync and by the callbacks, so the
 * two converge whatever their order. External members are matched to customers with a find-only
 * lookup of the `wecom_external` identity (namespace = the corp id): joining a group makes nobody a
 * customer. Runs in the caller's transaction.
 */
import { findCustomerByIdentity } from '../../customers';
import { type Ctx, newId } from '../../platform';
import type { GroupChat, GroupMember } from '../wecom/groups.endpoints';
import { staffForWecomUser } from '../wecom-channel/staff-link';
import {
  currentMembers,
  findGroupByChat,
  type GroupMemberRow,
  type GroupRow,
  insertGroup,
  insertMemberEvents,
  markLeft,
  type MemberEventRow,
  updateGroup,
  upsertMembers,
} from './groups.repo';

/** A group code's state is its id (gc_ + 26 characters): a member's state names the code it came through. */
const CODE_STATE = /^gc_[0-9a-z]{26}$/;
export const groupCodeOfState = (state: string | null | undefined) => (state && CODE_STATE.test(state) ? state : null);

export type StaffCache = Map<string, string | null>;

export async function staffIdOf(ctx: Ctx, userid: string, cache?: StaffCache): Promise<string | null> {
  if (cache?.has(userid)) return cache.get(userid) ?? null;
  const id = (await staffForWecomUser(ctx, userid))?.id ?? null;
  cache?.set(userid, id);
  return id;
}

export type Joined = { groupId: string; chatId: string; userid: string; customerId: string | null; m: GroupMember };
export type Left = { groupId: string; userid: string; customerId: string | null; groupCodeId: string | null };
export type SnapshotResult = { group: GroupRow; created: boolean; joined: Joined[]; left: Left[] };

const unixDate = (s: number | undefined, fallback: Date) => (s ? new Date(s * 1000) : fallback);

async function customerOf(ctx: Ctx, corpId: string, m: GroupMember, known?: GroupMemberRow) {
  if (m.type !== 2) return null;
  if (known?.customerId) return known.customerId;
  return findCustomerByIdentity(ctx, { kind: 'wecom_external', namespace: corpId, value: m.userid });
}

async function saveGroupRow(ctx: Ctx, corpId: string, chat: GroupChat, at: Date, cache?: StaffCache) {
  const existing = await findGroupByChat(ctx.db, ctx.tenantId, corpId, chat.chat_id, true);
  const fields = {
    name: chat.name,
    ownerUserid: chat.owner,
    ownerStaffId: await staffIdOf(ctx, chat.owner, cache),
    notice: chat.notice || null,
    status: 'active' as const,
    memberCount: chat.member_list.length,
    externalCount: chat.member_list.filter((m) => m.type === 2).length,
    memberVersion: chat.member_version ?? null,
    adminUserids: (chat.admin_list ?? []).map((a) => a.userid),
    wecomCreatedAt: unixDate(chat.create_time, at),
    dismissedAt: null,
    syncedAt: at,
    updatedAt: at,
  };
  if (existing) return { group: (await updateGroup(ctx.db, ctx.tenantId, existing.id, fields))!, created: false };
  const group = await insertGroup(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('grp', at),
    corpId,
    chatId: chat.chat_id,
    createdAt: at,
    ...fields,
  });
  return { group, created: true };
}

/**
 * Upserts a group and its members from a snapshot. `quitScene` applies to the members the snapshot
 * no longer lists (from a del_member callback). Records join/leave events; emits nothing (the callers
 * decide: a callback emits, a sync does not).
 */
export async function applyGroupSnapshot(
  ctx: Ctx,
  corpId: string,
  chat: GroupChat,
  opts: { quitScene?: number | null; cache?: StaffCache } = {},
): Promise<SnapshotResult> {
  const at = ctx.clock.now();
  const { group, created } = await saveGroupRow(ctx, corpId, chat, at, opts.cache);
  const before = new Map((await currentMembers(ctx.db, ctx.tenantId, group.id)).map((m) => [m.userid, m]));
  const rows = [];
  const joined: Joined[] = [];
  const events: MemberEventRow[] = [];
  for (const m of chat.member_list) {
    const known = before.get(m.userid);
    const customerId = await customerOf(ctx, corpId, m, known);
    const joinedAt = unixDate(m.join_time, at);
    const groupCodeId = groupCodeOfState(m.state);
    rows.push({
      tenantId: ctx.tenantId,
      groupId: group.id,
      userid: m.userid,
      type: m.type,
      name: m.name ?? known?.name ?? null,
      groupNickname: m.group_nickname || null,
      unionid: m.unionid ?? null,
      joinScene: m.join_scene,
      invitorUserid: m.invitor?.userid ?? null,
      state: m.state ?? null,
      groupCodeId,
      customerId,
      joinedAt,
      updatedAt: at,
    });
    // A current member is not joining again (their row takes WeCom's join time if it was unknown).
    if (known) continue;
    joined.push({ groupId: group.id, chatId: group.chatId, userid: m.userid, customerId, m });
    events.push({
      tenantId: ctx.tenantId,
      id: newId('gme', at),
      groupId: group.id,
      userid: m.userid,
      kind: 'joined',
      scene: m.join_scene,
      state: m.state ?? null,
      groupCodeId,
      customerId,
      at: joinedAt,
    });
  }
  await upsertMembers(ctx.db, rows);
  const listed = new Set(chat.member_list.map((m) => m.userid));
  const gone = [...before.keys()].filter((u) => !listed.has(u));
  const left = await recordLeaves(ctx, group.id, gone, opts.quitScene ?? null, at);
  await insertMemberEvents(ctx.db, events);
  return { group, created, joined, left };
}

/** Marks members as left and records their leave events (attributed to the code they came through). */
export async function recordLeaves(
  ctx: Ctx,
  groupId: string,
  userids: readonly string[],
  quitScene: number | null,
  at: Date,
): Promise<Left[]> {
  const rows = await markLeft(ctx.db, ctx.tenantId, groupId, userids, at, quitScene);
  await insertMemberEvents(
    ctx.db,
    rows.map((r) => ({
      tenantId: ctx.tenantId,
      id: newId('gme', at),
      groupId,
      userid: r.userid,
      kind: 'left' as const,
      scene: quitScene,
      state: r.state,
      groupCodeId: r.groupCodeId,
      customerId: r.customerId,
      at,
    })),
  );
  return rows.map((r) => ({ groupId, userid: r.userid, customerId: r.customerId, groupCodeId: r.groupCodeId }));
}

/** The owner dismissed the group: it stays in the registry as dismissed; its members are kept as they were. */
export async function dismissGroup(ctx: Ctx, corpId: string, chatId: string) {
  const g = await findGroupByChat(ctx.db, ctx.tenantId, corpId, chatId, true);
  if (!g) return null;
  const at = ctx.clock.now();
  return updateGroup(ctx.db, ctx.tenantId, g.id, { status: 'dismissed', dismissedAt: at, updatedAt: at });
}

/** Recomputes a group's member counts from its current members (after changes without a snapshot). */
export async function recount(ctx: Ctx, group: GroupRow) {
  const members = await currentMembers(ctx.db, ctx.tenantId, group.id);
  return updateGroup(ctx.db, ctx.tenantId, group.id, {
    memberCount: members.length,
    externalCount: members.filter((m) => m.type === 2).length,
    updatedAt: ctx.clock.now(),
  });
}
