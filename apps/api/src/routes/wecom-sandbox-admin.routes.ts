/**
 * DEMO MODE ONLY: `/api/admin/wecom-sandbox` — the WeCom sandbox this API runs in demo mode, as the
 * admin of a tenant connected to it sees it (the 企业微信沙箱 page), and the one thing a member does
 * in their client that nothing else can: confirm a pending mass send. 404 outside demo mode and for
 * a tenant whose WeCom settings are not on the sandbox corp.
 */
import { WECOM_SANDBOX_LIST_MAX, type WecomSandboxState, wecomSandboxRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import { badRequest, type Ctx, notFound, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { mount } from '../http/mount';

type Corp = Readonly<messaging.SandboxCorpState>;
type Opts = { sandbox?: () => messaging.WecomSandbox | null };

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
const isoMs = (ms: number) => new Date(ms).toISOString();
const STATUS = { 1: 'active', 2: 'disabled', 4: 'inactive', 5: 'left' } as const;
const GENDER = { 0: 'unknown', 1: 'male', 2: 'female' } as const;
const SEND_RESULT = { 0: 'waiting', 1: 'sent', 2: 'not_a_contact', 3: 'monthly_cap_reached' } as const;

/** The newest `WECOM_SANDBOX_LIST_MAX` of a list kept oldest first, newest first, with the total. */
const newest = <T, U>(all: readonly T[], map: (x: T) => U) => ({
  total: all.length,
  items: all.slice(-WECOM_SANDBOX_LIST_MAX).reverse().map(map),
});

function stateOf(corp: Corp, scanBase: string): WecomSandboxState {
  const memberName = (userid: string) => corp.staff.get(userid)?.name ?? null;
  const customerName = (id: string) => corp.contacts.get(id)?.name ?? null;
  const contacts = [...corp.contacts.values()];
  return {
    corpId: corp.corpId,
    callbackUrl: corp.callbackUrl,
    members: [...corp.staff.values()].map((s) => ({
      userid: s.userid,
      name: s.name,
      departments: s.department.map((d) => corp.departments.get(d)?.name ?? String(d)),
      status: STATUS[s.status],
      customerContact: s.customerContact,
      customers: contacts.filter((c) => c.follow.has(s.userid)).length,
    })),
    customers: newest(contacts, (c) => ({
      externalUserid: c.external_userid,
      name: c.name,
      gender: GENDER[c.gender],
      follows: [...c.follow.values()].map((f) => ({
        userid: f.userid,
        memberName: memberName(f.userid),
        remark: f.remark,
        description: f.description,
        state: f.state ?? null,
        tagIds: [...f.tagIds],
        addedAt: iso(f.createtime),
      })),
    })),
    groups: newest(
      [...corp.groups.values()].filter((g) => !g.dismissed),
      (g) => ({
        chatId: g.chat_id,
        name: g.name,
        owner: g.owner,
        ownerName: memberName(g.owner),
        members: g.members.size,
        customers: [...g.members.values()].filter((m) => m.type === 2).length,
        createdAt: iso(g.create_time),
      }),
    ),
    contactWays: newest([...corp.contactWays.values()], (w) => ({
      configId: w.config_id,
      state: w.state ?? null,
      remark: w.remark ?? null,
      users: w.user ?? [],
      userNames: (w.user ?? []).map((u) => memberName(u) ?? u),
      parties: w.party ?? [],
      skipVerify: w.skip_verify ?? true,
      qrCodeUrl: w.qr_code ?? null,
      scanUrl: `${scanBase}/contact_way/${w.config_id}`,
      createdAt: isoMs(w.createdAt),
    })),
    joinWays: newest([...corp.joinWays.values()], (w) => ({
      configId: w.config_id,
      state: w.state ?? null,
      remark: w.remark ?? null,
      chatIds: w.chat_id_list,
      autoCreateRoom: w.auto_create_room === 1,
      qrCodeUrl: w.qr_code ?? null,
      scanUrl: `${scanBase}/join_way/${w.config_id}`,
      createdAt: isoMs(w.createdAt),
    })),
    welcomes: newest(corp.welcomes, (w) => ({
      userid: w.userid,
      memberName: memberName(w.userid),
      externalUserid: w.external_userid,
      customerName: customerName(w.external_userid),
      text: w.text ?? null,
      attachments: w.attachments.map((a) => a.msgtype),
      sentAt: isoMs(w.sentAt),
    })),
    pendingSends: [...corp.massMessages.values()]
      .filter((m) => !m.cancelled)
      .flatMap((m) =>
        [...m.tasks]
          .filter(([, t]) => t.status === 0)
          .map(([userid, t]) => ({
            msgid: m.msgid,
            userid,
            memberName: memberName(userid),
            chatType: m.chat_type,
            text: m.text?.content ?? '',
            attachments: m.attachments.length,
            recipients: t.sends.length,
            createdAt: iso(m.create_time),
          })),
      ),
    deliveries: newest(corp.deliveries, (d) => ({
      id: d.id,
      event: d.event,
      changeType: d.changeType ?? null,
      outcome: d.outcome,
      attempts: d.attempts,
      httpStatus: d.httpStatus ?? null,
      at: isoMs(d.at),
    })),
  };
}

export function wecomSandboxAdminRoutes(app: FastifyInstance, rt: Runtime, opts: Opts = {}) {
  // The sandbox is wired after the routes (demo/wecom-sandbox.ts): look it up per request.
  const sandboxOf = opts.sandbox ?? (() => demoWecomOf(app)?.sandbox ?? null);
  const scanBase = `${rt.config.publicUrl}${WECOM_SANDBOX_PATH}/scan`;

  /** The sandbox corp of the tenant, or null outside demo mode / when the tenant is not on the sandbox. */
  async function tenantCorp(ctx: Ctx) {
    const sandbox = rt.config.mode === 'demo' ? sandboxOf() : null;
    if (!sandbox) return null;
    const settings = await messaging.wecomSettingsView(ctx, rt.config.publicUrl);
    if (!settings.sandbox || !settings.corpId || !sandbox.corpIds().includes(settings.corpId)) return null;
    return { sandbox, corpId: settings.corpId };
  }
  const requireCorp = async (ctx: Ctx) => {
    const found = await tenantCorp(ctx);
    if (!found) throw notFound('WeCom sandbox');
    return found;
  };

  mount(app, rt, r.status, async ({ ctx }) => {
    const found = await tenantCorp(ctx);
    return { enabled: Boolean(found), corpId: found?.corpId ?? null };
  });
  mount(app, rt, r.state, async ({ ctx }) => {
    const { sandbox, corpId } = await requireCorp(ctx);
    return stateOf(sandbox.corp(corpId), scanBase);
  });
  // Changes no tenant data: the sandbox is a fake external server (its callbacks do the rest).
  mount(
    app,
    rt,
    r.confirmSend,
    async ({ ctx, params, body }) => {
      const { sandbox, corpId } = await requireCorp(ctx);
      const msg = sandbox.corp(corpId).massMessages.get(params.msgid);
      if (!msg) throw notFound('Mass message', params.msgid);
      try {
        const task = sandbox.simulate.confirmMassMessage(corpId, params.msgid, body.userid);
        return {
          status: 'sent' as const,
          sends: task.sends.map((s) => ({
            externalUserid: s.external_userid ?? null,
            chatId: s.chat_id ?? null,
            result: SEND_RESULT[s.status as keyof typeof SEND_RESULT] ?? 'waiting',
          })),
        };
      } catch (e) {
        if (e instanceof messaging.SandboxError) throw badRequest('SANDBOX', e.message);
        throw e;
      }
    },
    { tx: false },
  );
}
