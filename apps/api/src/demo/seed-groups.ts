/**
 * DEMO MODE ONLY: customer groups (客户群) and a group code (群活码) for the demo tenant. The first
 * time, members create three groups in the sandbox's client and people join them (their callbacks
 * reach the registry), an initial sync imports them, and a group code fronts two of them. The sandbox
 * forgets everything at a restart: then the registry's active groups are put back into it (same
 * chat ids and members, as the corp would still have them) and each group code gets a join way again.
 */
import { randomBytes } from 'node:crypto';
import type { Group, GroupDetail } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as messaging from '@siyu/core/messaging';
import type { Ctx, Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { DEMO } from './seed';
import { type DemoWecom, demoWecomOf } from './wecom-sandbox';

const DEMO_GROUPS = [
  { owner: 'wangyutong', name: '拾光咖啡·静安寺店福利群', members: 14, notice: '每周三会员日，群内专享第二杯半价' },
  { owner: 'liuhaoran', name: '拾光咖啡·徐汇滨江店福利群', members: 9, notice: '周末手冲体验课报名请找店长' },
  { owner: 'linzihan', name: '拾光咖啡·新品尝鲜群', members: 6, notice: '' },
];

const unix = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : 0);

/** A registry group as the sandbox keeps it (members in the client, as WeCom still has them). */
function sandboxGroupOf(g: GroupDetail): messaging.SandboxGroup {
  return {
    chat_id: g.chatId,
    name: g.name,
    owner: g.ownerUserid,
    create_time: unix(g.wecomCreatedAt),
    notice: g.notice ?? '',
    members: new Map(
      g.members.map((m) => [
        m.userid,
        {
          userid: m.userid,
          type: m.type === 'external' ? 2 : 1,
          join_time: unix(m.joinedAt),
          join_scene: m.joinScene ?? 1,
          group_nickname: m.groupNickname ?? '',
          name: m.name ?? undefined,
          ...(m.invitorUserid ? { invitor: { userid: m.invitorUserid } } : {}),
          ...(m.state ? { state: m.state } : {}),
        },
      ]),
    ),
    admins: [],
    version: 1,
    dismissed: false,
  };
}

async function restore(ctx: Ctx, demo: DemoWecom, known: Group[]) {
  const corp = demo.sandbox.corp(demo.corpId);
  for (const g of known) {
    if (!corp.groups.has(g.chatId)) corp.groups.set(g.chatId, sandboxGroupOf(await messaging.getGroup(ctx, g.id)));
  }
  for (const c of (await messaging.listGroupCodes(ctx, { limit: 200 })).items) {
    if (!c.configId || !corp.joinWays.has(c.configId)) await messaging.restoreGroupCodeWay(ctx, c.id);
  }
}

async function firstTime(ctx: Ctx, demo: DemoWecom) {
  const sim = demo.sandbox.simulate;
  const contacts = [...demo.sandbox.corp(demo.corpId).contacts.keys()];
  const chats: string[] = [];
  for (const [i, g] of DEMO_GROUPS.entries()) {
    const { chatId } = await sim.createGroup(demo.corpId, g.owner, g.name);
    const group = demo.sandbox.corp(demo.corpId).groups.get(chatId);
    if (group) group.notice = g.notice;
    chats.push(chatId);
    for (let n = 0; n < g.members; n++) {
      // known contacts first (they are customers), then people not added by anyone yet
      const ext = contacts[i * 20 + n] ?? `wm${randomBytes(15).toString('hex').slice(0, 30)}`;
      await sim.joinGroup(demo.corpId, ext, { chatId, scene: n % 3 === 0 ? 2 : 1, invitor: g.owner });
    }
  }
  const sync = await messaging.startGroupSync(ctx, 'setup');
  await messaging.runGroupSync(ctx, sync.id);
  const groups = (await messaging.listGroups(ctx, { status: 'active', limit: 200 })).items;
  const ids = chats.slice(0, 2).flatMap((c) => groups.filter((g) => g.chatId === c).map((g) => g.id));
  if (ids.length)
    await messaging.createGroupCode(ctx, {
      name: '门店福利群活码',
      groupIds: ids,
      memberCap: 200,
      autoCreate: true,
      roomBaseName: '拾光咖啡福利群',
      roomBaseId: 3,
      remark: '海报与桌贴',
    });
}

export async function seedDemoGroups(rt: Runtime, demo: DemoWecom, slug: string = DEMO.slug) {
  const tenant = await access.getTenantBySlug(rt.db, slug).catch(() => null);
  if (!tenant) return;
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  const known = (await messaging.listGroups(ctx, { status: 'active', limit: 200 })).items;
  if (known.length) await restore(ctx, demo, known);
  else await firstTime(ctx, demo);
}

/** Runs the above once the API listens (the sandbox is served by the API itself); never blocks start-up. */
export function seedDemoGroupsOnListen(app: FastifyInstance, rt: Runtime) {
  if (rt.config.mode !== 'demo') return;
  app.addHook('onListen', async () => {
    const demo = demoWecomOf(app);
    if (demo) seedDemoGroups(rt, demo).catch((err) => rt.log.warn({ err }, 'demo groups not seeded'));
  });
}
