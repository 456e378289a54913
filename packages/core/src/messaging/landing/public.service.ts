/**
 * 落地页 for visitors (public, no login): the published page with the code to show first, the
 * nearest store's code to a position, and visits — one per visitor, page and day (tenant zone),
 * the first of which counts as a scan of the code shown (the live code's "scans where known").
 */
import { LANDING_LIMITS, type NearestAnswer, type PublicLandingCode, type PublicLandingPage } from '@siyu/contracts';
import { getSettings } from '../../access';
import { type Ctx, dayIn, enforce, invalid, notFound, type RateLimiter } from '../../platform';
import { type CodeInfo, cachedCodeInfos, countScan } from './codes';
import { type LatLng, nearestTo } from './geo';
import { findPageBySlug, recordVisitRow } from './landing.repo';

async function publishedPage(ctx: Ctx, slug: string) {
  const page = await findPageBySlug(ctx.db, ctx.tenantId, slug);
  if (page?.status !== 'published') throw notFound('Landing page', slug);
  return page;
}

const publicCode = (c: CodeInfo | undefined, id: string, meters: number | null = null): PublicLandingCode => ({
  id,
  qrCodeUrl: c?.qrCodeUrl ?? null,
  store: c?.store
    ? {
        id: c.store.id,
        name: c.store.name,
        address: c.store.address,
        distanceMeters: meters === null ? null : Math.round(meters),
      }
    : null,
});

export async function publicLandingPage(ctx: Ctx, slug: string): Promise<PublicLandingPage> {
  const page = await publishedPage(ctx, slug);
  const infos = await cachedCodeInfos(ctx, [page.codeId]);
  return {
    slug: page.slug,
    kind: page.kind,
    title: page.title,
    imageUrl: page.imageUrl,
    benefitText: page.benefitText,
    buttonText: page.buttonText,
    helpText: page.helpText,
    code: publicCode(infos.get(page.codeId), page.codeId),
  };
}

/** The store code nearest to `at` among the page's store codes with a live code and a positioned store. */
export async function nearestLandingCode(
  ctx: Ctx,
  deps: { limiter: RateLimiter },
  slug: string,
  at: LatLng,
): Promise<NearestAnswer> {
  await enforce(
    deps.limiter,
    [[`landing-nearest:ip:${ctx.ip}`, { max: LANDING_LIMITS.nearestPerIpMinute, windowSeconds: 60 }]],
    'Too many store look-ups',
  );
  const page = await publishedPage(ctx, slug);
  const infos = await cachedCodeInfos(ctx, [page.codeId, ...page.storeCodeIds]);
  const candidates = page.storeCodeIds.flatMap((id) => {
    const c = infos.get(id);
    return c?.name && c.qrCodeUrl ? [{ code: c, position: c.store?.position ?? null }] : [];
  });
  const best = page.kind === 'nearest_store' ? nearestTo(at, candidates) : null;
  if (!best) return { located: false, code: publicCode(infos.get(page.codeId), page.codeId) };
  return { located: true, code: publicCode(best.item.code, best.item.code.id, best.meters) };
}

export async function recordLandingVisit(
  ctx: Ctx,
  deps: { limiter: RateLimiter },
  slug: string,
  input: { visitorId: string; codeId: string; located: boolean },
) {
  await enforce(
    deps.limiter,
    [[`landing-visit:ip:${ctx.ip}`, { max: LANDING_LIMITS.visitsPerIpHour, windowSeconds: 3600 }]],
    'Too many visits recorded',
  );
  const page = await publishedPage(ctx, slug);
  if (input.codeId !== page.codeId && !page.storeCodeIds.includes(input.codeId))
    throw invalid('codeId', 'is not a code of this landing page');
  const code = (await cachedCodeInfos(ctx, [input.codeId])).get(input.codeId);
  const now = ctx.clock.now();
  const day = dayIn(now, (await getSettings(ctx)).timeZone);
  const recorded = await recordVisitRow(ctx.db, {
    tenantId: ctx.tenantId,
    pageId: page.id,
    day,
    visitorId: input.visitorId,
    codeId: input.codeId,
    storeId: code?.store?.id ?? null,
    located: page.kind === 'nearest_store' && input.located,
    firstAt: now,
    lastAt: now,
  });
  if (recorded) await countScan(ctx, input.codeId);
  return { recorded, day };
}
