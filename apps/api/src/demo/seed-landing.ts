/**
 * DEMO MODE ONLY: the demo tenant's landing pages — 最近门店领券 (nearest store among the store codes,
 * the campaign code as default) and 扫码领券 for the campaign code — made once its live codes exist
 * (they are created once the API listens, see seed-live-codes.ts).
 */
import * as access from '@siyu/core/access';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { DEMO, DEMO_STORES } from './seed';

const WAIT_MS = 2_000;
const TRIES = 30;

/**
 * Creates the pages when the tenant has no landing page yet and at least `minStoreCodes` store codes;
 * false while it has fewer (the codes are still being made).
 */
export async function seedDemoLandingPages(
  rt: Runtime,
  slug: string = DEMO.slug,
  minStoreCodes = DEMO_STORES.length,
): Promise<boolean> {
  const tenant = await access.getTenantBySlug(rt.db, slug).catch(() => null);
  if (!tenant) return true;
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  const opts = { publicUrl: rt.config.publicUrl };
  if ((await messaging.listLandingPages(ctx, { limit: 1 }, opts)).items.length) return true;
  const codes = (await messaging.listLiveCodes(ctx, { limit: 200 })).items;
  const stores = codes.filter((c) => c.orgUnitId);
  const campaign = codes.find((c) => !c.orgUnitId) ?? stores[0];
  if (!campaign || stores.length < Math.max(1, minStoreCodes)) return false;
  const common = { imageUrl: null, buttonText: null, status: 'published' as const };
  await messaging.createLandingPage(
    ctx,
    {
      ...common,
      slug: 'nearest-store',
      kind: 'nearest_store',
      title: '拾光咖啡 · 离你最近的门店',
      benefitText: '添加店长企业微信，领 ¥10 无门槛券',
      helpText: '允许定位后为你匹配最近的门店；券会在添加后自动发到你的微信。',
      codeId: campaign.id,
      storeCodeIds: stores.map((c) => c.id),
    },
    opts,
  );
  await messaging.createLandingPage(
    ctx,
    {
      ...common,
      slug: 'coupon-10',
      kind: 'code',
      title: '双十二新品试饮',
      benefitText: '扫码领 ¥10 新品试饮券',
      helpText: '添加拾光咖啡企业微信，试饮券随欢迎语发送，到店出示即可兑换。',
      codeId: campaign.id,
      storeCodeIds: [],
    },
    opts,
  );
  return true;
}

/**
 * After the API listens: waits for the demo's live codes (created one by one, see seed-live-codes.ts)
 * until every store has its code and no new code appeared for one poll, then seeds the pages; after a
 * minute it seeds with whatever store codes exist.
 */
export function seedDemoLandingOnListen(app: FastifyInstance, rt: Runtime) {
  if (rt.config.mode !== 'demo') return;
  app.addHook('onListen', async () => {
    let tries = 0;
    let seen = -1;
    const attempt = async (): Promise<boolean> => {
      const tenant = await access.getTenantBySlug(rt.db, DEMO.slug).catch(() => null);
      if (!tenant) return true;
      const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
      const count = (await messaging.listLiveCodes(ctx, { limit: 200 })).items.length;
      const stable = count > 0 && count === seen;
      seen = count;
      const last = ++tries >= TRIES;
      if (!stable && !last) return false;
      return (await seedDemoLandingPages(rt, DEMO.slug, last ? 1 : DEMO_STORES.length)) || last;
    };
    const poll = () => {
      attempt()
        .then((done) => {
          if (!done) setTimeout(poll, WAIT_MS).unref();
        })
        .catch((err) => rt.log.warn({ err }, 'demo landing pages not seeded'));
    };
    setTimeout(poll, WAIT_MS).unref();
  });
}
