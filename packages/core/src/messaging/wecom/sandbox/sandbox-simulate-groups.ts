/**
 * DEMO AND TESTS ONLY. Group life in the client, simulated: a member creates a group, a customer
 * joins (by a join way's QR code — filling its groups in order up to the scan cap, creating a new
 * room when they are full and auto_create_room is on — or directly), leaves, the owner dismisses it.
 * Each sends change_external_chat as WeCom does (create / update with UpdateDetail / dismiss).
 */
import type { GroupMember } from '../groups.endpoints';
import type { SbxCtx } from './sandbox-context';
import { type SbxGroup, sbxId, unix } from './sandbox-model';
import { SandboxError, type SimEnv } from './sandbox-simulate';

/** join_scene: 1 invited directly, 2 invited by link, 3 scanned a QR code. */
export type JoinScene = 1 | 2 | 3;

function newGroup(ctx: SbxCtx, owner: string, name: string): SbxGroup {
  const s = ctx.corp.staff.get(owner);
  if (!s || s.status === 5) throw new SandboxError(`no member ${owner}`);
  const g: SbxGroup = {
    chat_id: sbxId.chat(),
    name,
    owner,
    create_time: unix(ctx.now),
    notice: '',
    members: new Map(),
    admins: [],
    version: 1,
    dismissed: false,
  };
  g.members.set(owner, {
    userid: owner,
    type: 1,
    join_time: unix(ctx.now),
    join_scene: 1,
    group_nickname: '',
    name: s.name,
  });
  ctx.corp.groups.set(g.chat_id, g);
  return g;
}

function liveGroup(ctx: SbxCtx, chatId: string): SbxGroup {
  const g = ctx.corp.groups.get(chatId);
  if (!g || g.dismissed) throw new SandboxError(`no group ${chatId}`);
  return g;
}

const chatEvent = (g: SbxGroup, changeType: string, extra: Record<string, string | number | string[]> = {}) => ({
  Event: 'change_external_chat',
  ChatId: g.chat_id,
  ChangeType: changeType,
  ...extra,
});

export function groupSimulations(env: SimEnv) {
  /** The join way's first group with room, or a new one when allowed. */
  async function groupForJoinWay(ctx: SbxCtx, configId: string) {
    const way = ctx.corp.joinWays.get(configId);
    if (!way) throw new SandboxError(`no join way ${configId}`);
    const open = way.chat_id_list
      .map((id) => ctx.corp.groups.get(id))
      .find((g) => g && !g.dismissed && g.members.size < ctx.caps.groupScanJoinMax);
    if (open) return { group: open, state: way.state };
    const base = way.chat_id_list.map((id) => ctx.corp.groups.get(id)).find((g) => g);
    if (!way.auto_create_room || !base) throw new SandboxError('every group of this join way is full');
    way.room_base_id = (way.room_base_id ?? 0) + 1;
    const group = newGroup(ctx, base.owner, `${way.room_base_name ?? base.name}${way.room_base_id}`);
    way.chat_id_list = [...way.chat_id_list, group.chat_id].slice(-5);
    await env.deliver(ctx.corp, chatEvent(group, 'create'));
    return { group, state: way.state };
  }

  return {
    /** A member creates a customer group in the client. */
    async createGroup(corpId: string, owner: string, name: string) {
      const ctx = env.ctx(corpId);
      const group = newGroup(ctx, owner, name);
      return { chatId: group.chat_id, delivery: await env.deliver(ctx.corp, chatEvent(group, 'create')) };
    },

    /** A customer joins, by a join way (`via.joinWay`) or a given group (`via.chatId`). */
    async joinGroup(
      corpId: string,
      externalUserid: string,
      via: { joinWay: string } | { chatId: string; scene?: JoinScene; invitor?: string },
    ) {
      const ctx = env.ctx(corpId);
      const c = ctx.corp.contacts.get(externalUserid);
      const picked =
        'joinWay' in via
          ? await groupForJoinWay(ctx, via.joinWay)
          : { group: liveGroup(ctx, via.chatId), state: undefined };
      const { group } = picked;
      if (group.members.has(externalUserid)) throw new SandboxError('already a member');
      if (group.members.size >= ctx.caps.groupScanJoinMax) throw new SandboxError('the group is full');
      const scene: JoinScene = 'joinWay' in via ? 3 : (via.scene ?? 1);
      const member: GroupMember = {
        userid: externalUserid,
        type: 2,
        join_time: unix(ctx.now),
        join_scene: scene,
        group_nickname: '',
        name: c?.name ?? '微信用户',
        ...(c?.unionid ? { unionid: c.unionid } : {}),
        ...('chatId' in via && via.invitor ? { invitor: { userid: via.invitor } } : {}),
        ...(picked.state ? { state: picked.state } : {}),
      };
      group.members.set(externalUserid, member);
      const last = group.version++;
      const delivery = await env.deliver(
        ctx.corp,
        chatEvent(group, 'update', {
          UpdateDetail: 'add_member',
          JoinScene: scene,
          MemChangeCnt: 1,
          MemChangeList: [externalUserid],
          LastMemVer: String(last),
          CurMemVer: String(group.version),
        }),
      );
      return { chatId: group.chat_id, delivery };
    },

    /** A customer leaves (quitScene 0) or is removed by the owner (1). */
    async leaveGroup(corpId: string, chatId: string, externalUserid: string, quitScene: 0 | 1 = 0) {
      const ctx = env.ctx(corpId);
      const group = liveGroup(ctx, chatId);
      if (!group.members.delete(externalUserid)) throw new SandboxError('not a member');
      const last = group.version++;
      return env.deliver(
        ctx.corp,
        chatEvent(group, 'update', {
          UpdateDetail: 'del_member',
          QuitScene: quitScene,
          MemChangeCnt: 1,
          MemChangeList: [externalUserid],
          LastMemVer: String(last),
          CurMemVer: String(group.version),
        }),
      );
    },

    /** The owner dismisses the group. */
    async dismissGroup(corpId: string, chatId: string) {
      const ctx = env.ctx(corpId);
      const group = liveGroup(ctx, chatId);
      group.dismissed = true;
      return env.deliver(ctx.corp, chatEvent(group, 'dismiss'));
    },
  };
}
