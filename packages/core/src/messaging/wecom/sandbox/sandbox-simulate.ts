/**
 * DEMO AND TESTS ONLY. What people do in the WeCom client, simulated: a customer scans a contact
 * way's QR code, a customer deletes a member (流失) or a member deletes a customer, a member edits a
 * customer's tags, an admin edits the tag library, a member confirms a mass message, a member leaves
 * the corp. Each sends the callback WeCom would send. Group actions are in sandbox-simulate-groups.ts.
 */
import { randomInt } from 'node:crypto';
import type { SbxCtx } from './sandbox-context';
import type { EventFields } from './sandbox-events';
import { type SbxContact, type SbxContactWay, type SbxCorp, type SbxDelivery, sbxId, unix } from './sandbox-model';
import { addTags, deleteTags, findTag } from './sandbox-tags';

export class SandboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxError';
  }
}

export type Deliver = (corp: SbxCorp, fields: EventFields) => Promise<SbxDelivery>;
export type SimEnv = { ctx(corpId: string): SbxCtx; deliver: Deliver };

export type NewCustomer = { externalUserid?: string; name?: string; unionid?: string; gender?: 0 | 1 | 2 };
export type ScanResult = {
  externalUserid: string;
  userid: string;
  /** null when the two were already contacts: WeCom sends no event then (see the notes, (d) 15). */
  welcomeCode: string | null;
  delivery: SbxDelivery | null;
};

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['小明', '晓红', '子涵', '一诺', '浩然', '欣怡', '思远', '雨桐', '俊杰', '诗琪'];

function pickStaff(ctx: SbxCtx, way: SbxContactWay): string {
  const fromParties = [...ctx.corp.staff.values()]
    .filter((s) => s.department.some((d) => way.party?.includes(d)))
    .map((s) => s.userid);
  const pool = [...new Set([...(way.user ?? []), ...fromParties])].filter((u) => {
    const s = ctx.corp.staff.get(u);
    return s && s.status !== 5 && s.customerContact;
  });
  if (!pool.length) throw new SandboxError(`contact way ${way.config_id} has no member who can take customers`);
  // WeCom spreads a multi-member code across its members; the sandbox goes round-robin.
  const userid = pool[way.nextPick % pool.length] as string;
  way.nextPick++;
  return userid;
}

function customerOf(ctx: SbxCtx, who: NewCustomer | undefined): SbxContact {
  const existing = who?.externalUserid ? ctx.corp.contacts.get(who.externalUserid) : undefined;
  if (existing) return existing;
  const c: SbxContact = {
    external_userid: who?.externalUserid ?? sbxId.external(),
    name: who?.name ?? `${SURNAMES[randomInt(SURNAMES.length)]}${GIVEN[randomInt(GIVEN.length)]}`,
    avatar: 'https://wwcdn.weixin.qq.com/sandbox/avatar.png',
    type: 1,
    gender: who?.gender ?? 0,
    unionid: who?.unionid,
    follow: new Map(),
  };
  ctx.corp.contacts.set(c.external_userid, c);
  return c;
}

function contactEvent(
  changeType: string,
  userid: string,
  externalUserid: string,
  extra: EventFields = {},
): EventFields {
  return {
    Event: 'change_external_contact',
    ChangeType: changeType,
    UserID: userid,
    ExternalUserID: externalUserid,
    ...extra,
  };
}

export function contactSimulations(env: SimEnv) {
  return {
    /**
     * A customer scans a contact way's QR code and is added (the member accepts). `half`: the member
     * has not confirmed yet (免验证), which WeCom reports as add_half_external_contact.
     */
    async scan(
      corpId: string,
      configId: string,
      who?: NewCustomer & { withWelcomeCode?: boolean; half?: boolean },
    ): Promise<ScanResult> {
      const ctx = env.ctx(corpId);
      const way = ctx.corp.contactWays.get(configId);
      if (!way) throw new SandboxError(`no contact way ${configId} in ${corpId}`);
      if (way.is_temp && ctx.now > way.createdAt + (way.expires_in ?? 0) * 1000)
        throw new SandboxError('this temporary code has expired');
      const userid = pickStaff(ctx, way);
      const c = customerOf(ctx, who);
      if (c.follow.has(userid)) return { externalUserid: c.external_userid, userid, welcomeCode: null, delivery: null };
      c.follow.set(userid, {
        userid,
        remark: '',
        description: '',
        createtime: unix(ctx.now),
        tagIds: new Set(),
        remark_mobiles: [],
        oper_userid: c.external_userid,
        add_way: 1,
        state: way.state || undefined,
      });
      let welcomeCode: string | null = null;
      if (who?.withWelcomeCode !== false) {
        welcomeCode = sbxId.code();
        ctx.corp.welcomeCodes.set(welcomeCode, {
          code: welcomeCode,
          userid,
          external_userid: c.external_userid,
          issuedAt: ctx.now,
          used: false,
        });
      }
      const change = who?.half ? 'add_half_external_contact' : 'add_external_contact';
      const fields = contactEvent(change, userid, c.external_userid, {
        State: way.state || undefined,
        WelcomeCode: welcomeCode ?? undefined,
      });
      return { externalUserid: c.external_userid, userid, welcomeCode, delivery: await env.deliver(ctx.corp, fields) };
    },

    /** The customer deletes the member (客户删除成员, 流失): del_follow_user. */
    async customerDeletesStaff(corpId: string, externalUserid: string, userid: string) {
      const ctx = env.ctx(corpId);
      if (!ctx.corp.contacts.get(externalUserid)?.follow.delete(userid))
        throw new SandboxError(`${userid} and ${externalUserid} are not contacts`);
      ctx.corp.losses.push({ userid, external_userid: externalUserid, at: ctx.now });
      return env.deliver(ctx.corp, contactEvent('del_follow_user', userid, externalUserid));
    },

    /** The member deletes the customer (成员删除客户): del_external_contact. */
    async staffDeletesCustomer(corpId: string, userid: string, externalUserid: string) {
      const ctx = env.ctx(corpId);
      if (!ctx.corp.contacts.get(externalUserid)?.follow.delete(userid))
        throw new SandboxError(`${userid} and ${externalUserid} are not contacts`);
      return env.deliver(ctx.corp, contactEvent('del_external_contact', userid, externalUserid));
    },

    /** The member edits the customer in the client (tags, remark): edit_external_contact. */
    async staffEditsCustomer(
      corpId: string,
      userid: string,
      externalUserid: string,
      edit: { addTags?: string[]; removeTags?: string[]; remark?: string },
    ) {
      const ctx = env.ctx(corpId);
      const f = ctx.corp.contacts.get(externalUserid)?.follow.get(userid);
      if (!f) throw new SandboxError(`${userid} and ${externalUserid} are not contacts`);
      for (const id of [...(edit.addTags ?? []), ...(edit.removeTags ?? [])])
        if (!findTag(ctx, id)) throw new SandboxError(`no tag ${id}`);
      for (const id of edit.addTags ?? []) f.tagIds.add(id);
      for (const id of edit.removeTags ?? []) f.tagIds.delete(id);
      if (edit.remark !== undefined) f.remark = edit.remark;
      return env.deliver(ctx.corp, contactEvent('edit_external_contact', userid, externalUserid));
    },

    /** An admin creates or deletes a corp tag in the console: change_external_tag. */
    async adminChangesTag(
      corpId: string,
      change: { create: { groupName: string; name: string } } | { delete: string },
    ) {
      const ctx = env.ctx(corpId);
      if ('create' in change) {
        const r = addTags(ctx, { group_name: change.create.groupName, tag: [{ name: change.create.name }] });
        const tag = (r.tag_group as { tag: { id: string }[] } | undefined)?.tag[0];
        if (r.errcode !== 0 || !tag) throw new SandboxError(r.errmsg);
        const delivery = await env.deliver(ctx.corp, {
          Event: 'change_external_tag',
          Id: tag.id,
          TagType: 'tag',
          ChangeType: 'create',
        });
        return { tagId: tag.id, delivery };
      }
      const r = deleteTags(ctx, [change.delete], []);
      if (r.errcode !== 0) throw new SandboxError(r.errmsg);
      const delivery = await env.deliver(ctx.corp, {
        Event: 'change_external_tag',
        Id: change.delete,
        TagType: 'tag',
        ChangeType: 'delete',
      });
      return { tagId: change.delete, delivery };
    },

    /** A member confirms a pending mass message in the client; WeCom's monthly receive cap applies. */
    confirmMassMessage(corpId: string, msgid: string, userid: string) {
      const ctx = env.ctx(corpId);
      const msg = ctx.corp.massMessages.get(msgid);
      const task = msg?.tasks.get(userid);
      if (!task) throw new SandboxError(`${userid} has no task in ${msgid}`);
      if (msg?.cancelled) throw new SandboxError('this mass message was cancelled');
      if (task.status === 2) throw new SandboxError('already sent');
      // WeCom counts calendar months in Beijing time (UTC+8).
      const d = new Date(ctx.now + BEIJING_OFFSET_MS);
      const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - BEIJING_OFFSET_MS;
      const cap = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      for (const s of task.sends) {
        const key = s.external_userid ?? s.chat_id ?? '';
        const stillFriend = !s.external_userid || ctx.corp.contacts.get(s.external_userid)?.follow.has(userid);
        const got = (ctx.corp.received.get(key) ?? []).filter((t) => t >= monthStart);
        s.status = !stillFriend ? 2 : got.length >= cap ? 3 : 1;
        if (s.status === 1) {
          s.send_time = unix(ctx.now);
          ctx.corp.received.set(key, [...got, ctx.now]);
        }
      }
      task.status = 2;
      task.send_time = unix(ctx.now);
      return task;
    },

    /** A member leaves the corp; their customers become "unassigned" for resigned transfer. */
    staffLeaves(corpId: string, userid: string) {
      const ctx = env.ctx(corpId);
      const s = ctx.corp.staff.get(userid);
      if (!s) throw new SandboxError(`no member ${userid}`);
      s.status = 5;
      s.resignedAt = ctx.now;
    },
  };
}
