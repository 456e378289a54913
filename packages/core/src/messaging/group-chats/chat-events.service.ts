/**
 * change_external_chat callbacks (create, update, dismiss) applied to the registry. What the callback
 * does not carry (names, join scene per member, state, invitor) comes from groupchat/get, fetched
 * before the transaction and best effort (`fetchChatSnapshot`); with it the group is upserted from the
 * snapshot, without it the member change list of an update is applied as it is. Customers joining or
 * leaving emit `messaging.group.joined` / `messaging.group.left`.
 */
import { type Ctx, newId } from '../../platform';
import type { WecomEvent } from '../wecom/events';
import type { GroupChat } from '../wecom/groups.endpoints';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import { findGroupByChat, insertMemberEvents, upsertMembers } from './groups.repo';
import {
  applyGroupSnapshot,
  dismissGroup,
  type Joined,
  type Left,
  recordLeaves,
  recount,
  type SnapshotResult,
} from './registry.service';

export type ChatEvent = Extract<WecomEvent, { kind: 'chat' }>;

/** groupchat/get for a create or update event, outside any transaction; null when WeCom will not say. */
export async function fetchChatSnapshot(ctx: Ctx, e: WecomEvent): Promise<GroupChat | null> {
  if (e.kind !== 'chat' || e.changeType === 'dismiss' || !e.chatId) return null;
  try {
    const client = await tenantWecomClient(ctx);
    return client ? (await client.groupChats.get({ chat_id: e.chatId, need_name: 1 })).group_chat : null;
  } catch (err) {
    ctx.log.warn({ err, chatId: e.chatId }, 'WeCom group details unavailable; processing without');
    return null;
  }
}

export type ChatEventResult = { outcome: string; groupId: string | null; joined: Joined[]; left: Left[] };

async function emitChanges(ctx: Ctx, e: ChatEvent, joined: Joined[], left: Left[]) {
  for (const j of joined) {
    if (!j.customerId) continue;
    await ctx.emit('messaging.group.joined', {
      groupId: j.groupId,
      customerId: j.customerId,
      joinScene: j.m.join_scene ?? e.joinScene ?? null,
      groupCodeId: j.m.state && /^gc_/.test(j.m.state) ? j.m.state : null,
    });
  }
  for (const l of left) {
    if (!l.customerId) continue;
    await ctx.emit('messaging.group.left', {
      groupId: l.groupId,
      customerId: l.customerId,
      quitScene: e.quitScene ?? null,
    });
  }
}

/** An update without a snapshot: the change list applied as it is (names and states stay unknown). */
async function applyChangeList(ctx: Ctx, e: ChatEvent): Promise<ChatEventResult> {
  const g = await findGroupByChat(ctx.db, ctx.tenantId, e.corpId, e.chatId, true);
  if (!g)
    return {
      outcome: `group ${e.chatId} ${e.changeType}: not in the registry yet (the next sync brings it)`,
      groupId: null,
      joined: [],
      left: [],
    };
  const at = ctx.clock.now();
  let joined: Joined[] = [];
  let left: Left[] = [];
  if (e.updateDetail === 'add_member') {
    const members = e.memChangeList.map((userid) => ({
      userid,
      type: /^w[mo]/.test(userid) ? 2 : 1,
      join_time: Math.floor(at.getTime() / 1000),
      join_scene: e.joinScene ?? 0,
    }));
    await upsertMembers(
      ctx.db,
      members.map((m) => ({
        tenantId: ctx.tenantId,
        groupId: g.id,
        userid: m.userid,
        type: m.type,
        joinScene: m.join_scene,
        joinedAt: at,
        updatedAt: at,
      })),
    );
    await insertMemberEvents(
      ctx.db,
      members.map((m) => ({
        tenantId: ctx.tenantId,
        id: newId('gme', at),
        groupId: g.id,
        userid: m.userid,
        kind: 'joined' as const,
        scene: m.join_scene,
        at,
      })),
    );
    joined = members.map((m) => ({ groupId: g.id, chatId: g.chatId, userid: m.userid, customerId: null, m }));
  } else if (e.updateDetail === 'del_member') {
    left = await recordLeaves(ctx, g.id, e.memChangeList, e.quitScene ?? null, at);
  }
  await recount(ctx, g);
  return {
    outcome: `group ${g.id} ${e.updateDetail ?? 'update'}: ${e.memChangeList.length} member(s), without details`,
    groupId: g.id,
    joined,
    left,
  };
}

function describe(e: ChatEvent, r: SnapshotResult) {
  const parts = [`group ${r.group.id} ${r.created ? 'created' : (e.updateDetail ?? e.changeType)}`];
  if (r.joined.length) parts.push(`${r.joined.length} joined`);
  if (r.left.length) parts.push(`${r.left.length} left`);
  return `${parts.join('; ')} (${r.group.memberCount} members)`;
}

/** Applies one change_external_chat event in the caller's transaction; answers what was done. */
export async function applyChatEvent(ctx: Ctx, e: ChatEvent, chat: GroupChat | null): Promise<ChatEventResult> {
  if (!e.chatId) throw new Error(`${e.changeType} without ChatId`);
  if (e.changeType === 'dismiss') {
    const g = await dismissGroup(ctx, e.corpId, e.chatId);
    return {
      outcome: g ? `group ${g.id} dismissed` : `group ${e.chatId} dismissed: not in the registry`,
      groupId: g?.id ?? null,
      joined: [],
      left: [],
    };
  }
  if (!chat) {
    if (e.changeType === 'create')
      return {
        outcome: `group ${e.chatId} created: details unavailable (the next sync brings it)`,
        groupId: null,
        joined: [],
        left: [],
      };
    const r = await applyChangeList(ctx, e);
    await emitChanges(ctx, e, r.joined, r.left);
    return r;
  }
  const quitScene = e.updateDetail === 'del_member' ? (e.quitScene ?? null) : null;
  const r = await applyGroupSnapshot(ctx, e.corpId, chat, { quitScene });
  await emitChanges(ctx, e, r.joined, r.left);
  return { outcome: describe(e, r), groupId: r.group.id, joined: r.joined, left: r.left };
}
