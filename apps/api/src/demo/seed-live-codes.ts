/**
 * DEMO MODE ONLY: the demo tenant's 渠道活码 — one code per store (its staff in turn, a daily cap,
 * the customer-service member as backup) and a campaign code (weighted, working hours, its own
 * welcome with a link card), tagged by channel, with a default welcome. At every start (once the API
 * listens and the sandbox answers) the codes are created the first time; later, a code whose contact
 * way the sandbox does not have (its state file was lost, or a test's fresh sandbox) gets one again
 * with the same `state`.
 */
import type { LiveCodeInput } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as customers from '@siyu/core/customers';
import * as messaging from '@siyu/core/messaging';
import type { Ctx, Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { DEMO, DEMO_STORES } from './seed';
import { demoWecomOf } from './wecom-sandbox';

const TAG_GROUP = '渠道来源';
const CAMPAIGN = '双十二新品试饮';

async function tagsByName(ctx: Ctx, names: string[]) {
  const groups = (await customers.listTagGroups(ctx)).items;
  const group =
    groups.find((g) => g.name === TAG_GROUP) ??
    (await customers.createTagGroup(ctx, { name: TAG_GROUP, selectMode: 'multi', sort: 0 }));
  const have = new Map(('tags' in group ? group.tags : []).map((t) => [t.name, t.id]));
  for (const name of names)
    if (!have.has(name)) have.set(name, (await customers.createTag(ctx, { groupId: group.id, name, sort: 0 })).id);
  return have;
}

async function staffIdOf(ctx: Ctx, local: string) {
  const { items } = await access.listStaff(ctx, { q: local, status: 'active', limit: 20 });
  return items.find((s) => s.email.startsWith(`${local}@`))?.id ?? null;
}

async function demoCodes(ctx: Ctx): Promise<LiveCodeInput[]> {
  const units = (await access.listOrgUnits(ctx)).items;
  const tags = await tagsByName(ctx, [...DEMO_STORES.map((s) => s.name), CAMPAIGN]);
  const service = await staffIdOf(ctx, 'huangjiaqi');
  const ops = await staffIdOf(ctx, 'linzihan');
  const base = {
    description: null,
    members: [],
    departmentDailyCap: 40,
    distribution: 'round_robin' as const,
    backupStaffIds: service ? [service] : [],
    schedule: null,
    skipVerify: 'always' as const,
    skipVerifyWindow: null,
    remarkTemplate: '{渠道}-{昵称}',
    descriptionTemplate: '{日期} 扫{渠道}添加',
    welcome: { mode: 'default' as const },
    groupCodeId: null,
  };
  const stores = DEMO_STORES.flatMap((s) => {
    const unit = units.find((u) => u.name === s.name);
    if (!unit) return [];
    return [
      { ...base, name: `${s.name}活码`, orgUnitId: unit.id, departmentIds: [unit.id], tagIds: [tags.get(s.name)!] },
    ];
  });
  const members = [ops, service].filter((x): x is string => Boolean(x));
  const campaign: LiveCodeInput = {
    ...base,
    name: `${CAMPAIGN}活码`,
    description: '朋友圈与社群海报投放',
    orgUnitId: null,
    departmentIds: [],
    members: members.map((staffId, i) => ({ staffId, weight: i === 0 ? 3 : 1, dailyCap: 200 })),
    distribution: 'weighted',
    schedule: { slots: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '22:00' }] },
    tagIds: [tags.get(CAMPAIGN)!],
    welcome: {
      mode: 'custom',
      text: '{昵称}你好！我是拾光咖啡的{员工}，新品试饮券已为你备好，点击下方领取～',
      attachments: [
        {
          type: 'link',
          title: '新品试饮券',
          url: 'https://demo.siyu.dev/shop/t/demo',
          desc: '到店出示即可兑换一杯新品',
        },
      ],
    },
  };
  return [...stores, ...(members.length ? [campaign] : [])];
}

/**
 * Creates the demo codes the first time; afterwards gives a contact way again to each code whose way
 * the sandbox lacks (`has`: the ways it still has; by default none).
 */
export async function seedDemoLiveCodes(
  rt: Runtime,
  slug: string = DEMO.slug,
  has: (configId: string) => boolean = () => false,
) {
  const tenant = await access.getTenantBySlug(rt.db, slug).catch(() => null);
  if (!tenant) return;
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  const existing = (await messaging.listLiveCodes(ctx, { limit: 200 })).items;
  if (existing.length) {
    for (const c of existing) if (!c.configId || !has(c.configId)) await messaging.restoreLiveCodeWay(ctx, c.id);
    return;
  }
  const welcome = await messaging.getDefaultWelcome(ctx);
  if (!welcome.updatedAt)
    await messaging.setDefaultWelcome(ctx, {
      text: '{昵称}你好，欢迎来到拾光咖啡{渠道}！我是{员工}，有任何问题随时找我～',
      attachments: [],
    });
  for (const input of await demoCodes(ctx)) await messaging.createLiveCode(ctx, input);
}

/** Runs the above once the API listens (the sandbox is served by the API itself); never blocks start-up. */
export function seedDemoLiveCodesOnListen(app: FastifyInstance, rt: Runtime) {
  if (rt.config.mode !== 'demo') return;
  app.addHook('onListen', async () => {
    const demo = demoWecomOf(app);
    const has = (configId: string) => Boolean(demo?.sandbox.corp(demo.corpId).contactWays.has(configId));
    seedDemoLiveCodes(rt, DEMO.slug, has).catch((err) => rt.log.warn({ err }, 'demo live codes not seeded'));
  });
}
