/**
 * 落地页 for staff: create, change, list and delete landing pages. A page shows one live code (kind
 * `code`) or the nearest store's code among `storeCodeIds` with `codeId` as the default (kind
 * `nearest_store`). The codes must exist; store codes must belong to a store.
 */
import type { LandingPage, LandingPageInput, LandingPagePatch } from '@siyu/contracts';
import type { z } from 'zod';
import { tenantSlug, getSettings } from '../../access';
import { actorId, conflict, type Ctx, dayIn, invalid, newId, notFound } from '../../platform';
import { type CodeInfo, codeInfos, codeRef } from './codes';
import {
  deletePage,
  findPage,
  findPageBySlug,
  insertPage,
  type LandingPageRow,
  listPages,
  updatePage,
  visitTotals,
} from './landing.repo';

type Input = z.output<typeof LandingPageInput>;
type Patch = z.output<typeof LandingPagePatch>;
export type LandingOpts = { publicUrl: string };

export const landingUrl = (publicUrl: string, tenant: string, page: string) =>
  `${publicUrl}/shop/t/${tenant}/l/${page}`;

const missing = (id: string): CodeInfo => ({ id, name: null, qrCodeUrl: null, orgUnitId: null, store: null });

async function views(ctx: Ctx, rows: LandingPageRow[], opts: LandingOpts): Promise<LandingPage[]> {
  if (!rows.length) return [];
  const infos = await codeInfos(
    ctx,
    rows.flatMap((r) => [r.codeId, ...r.storeCodeIds]),
  );
  const today = dayIn(ctx.clock.now(), (await getSettings(ctx)).timeZone);
  const totals = await visitTotals(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.id),
    today,
  );
  const tenant = await tenantSlug(ctx);
  const ref = (id: string) => codeRef(infos.get(id) ?? missing(id));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    title: r.title,
    imageUrl: r.imageUrl,
    benefitText: r.benefitText,
    buttonText: r.buttonText,
    helpText: r.helpText,
    codeId: r.codeId,
    storeCodeIds: r.storeCodeIds,
    status: r.status,
    url: landingUrl(opts.publicUrl, tenant, r.slug),
    code: ref(r.codeId),
    storeCodes: r.storeCodeIds.map(ref),
    totals: totals.get(r.id) ?? { visits: 0, visitsToday: 0 },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The default code exists; store codes exist and belong to stores. */
async function checkCodes(ctx: Ctx, p: { kind: 'code' | 'nearest_store'; codeId: string; storeCodeIds: string[] }) {
  if (p.kind === 'code' && p.storeCodeIds.length)
    throw invalid('storeCodeIds', 'a single-code page has no store codes');
  if (p.kind === 'nearest_store' && !p.storeCodeIds.length)
    throw invalid('storeCodeIds', 'a nearest-store page needs at least one store code');
  const infos = await codeInfos(ctx, [p.codeId, ...p.storeCodeIds]);
  if (!infos.get(p.codeId)?.name) throw invalid('codeId', 'no such live code');
  p.storeCodeIds.forEach((id, i) => {
    const c = infos.get(id);
    if (!c?.name) throw invalid(`storeCodeIds.${i}`, 'no such live code');
    if (!c.orgUnitId) throw invalid(`storeCodeIds.${i}`, `the live code ${c.name} belongs to no store`);
  });
}

async function assertSlugFree(ctx: Ctx, slug: string, selfId?: string) {
  const other = await findPageBySlug(ctx.db, ctx.tenantId, slug);
  if (other && other.id !== selfId)
    throw conflict('SLUG_TAKEN', `Another landing page uses the address ${slug}`, { field: 'slug' });
}

export async function createLandingPage(ctx: Ctx, input: Input, opts: LandingOpts): Promise<LandingPage> {
  await checkCodes(ctx, input);
  await assertSlugFree(ctx, input.slug);
  const now = ctx.clock.now();
  const row = await insertPage(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('lp', now),
    slug: input.slug,
    kind: input.kind,
    title: input.title,
    imageUrl: input.imageUrl ?? null,
    benefitText: input.benefitText,
    buttonText: input.buttonText ?? null,
    helpText: input.helpText ?? null,
    codeId: input.codeId,
    storeCodeIds: input.storeCodeIds,
    status: input.status,
    createdAt: now,
    updatedAt: now,
    createdBy: actorId(ctx),
  });
  if (!row) throw conflict('SLUG_TAKEN', `Another landing page uses the address ${input.slug}`, { field: 'slug' });
  await ctx.audit({
    action: 'messaging.landing_page.create',
    entityType: 'landing_page',
    entityId: row.id,
    summary: `Created the landing page ${row.title} (/l/${row.slug})`,
  });
  return (await views(ctx, [row], opts))[0]!;
}

async function pageOrFail(ctx: Ctx, id: string) {
  const row = await findPage(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Landing page', id);
  return row;
}

export async function getLandingPage(ctx: Ctx, id: string, opts: LandingOpts) {
  return (await views(ctx, [await pageOrFail(ctx, id)], opts))[0]!;
}

export async function listLandingPages(ctx: Ctx, q: { q?: string; cursor?: string; limit: number }, opts: LandingOpts) {
  const rows = await listPages(ctx.db, ctx.tenantId, q);
  const page = rows.slice(0, q.limit);
  return {
    items: await views(ctx, page, opts),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function updateLandingPage(ctx: Ctx, id: string, patch: Patch, opts: LandingOpts) {
  const before = await pageOrFail(ctx, id);
  const kind = patch.kind ?? before.kind;
  const storeCodeIds = patch.storeCodeIds ?? (kind === 'code' ? [] : before.storeCodeIds);
  const codeId = patch.codeId ?? before.codeId;
  if (patch.kind || patch.codeId || patch.storeCodeIds) await checkCodes(ctx, { kind, codeId, storeCodeIds });
  if (patch.slug && patch.slug !== before.slug) await assertSlugFree(ctx, patch.slug, id);
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const row = await updatePage(ctx.db, ctx.tenantId, id, {
    ...set,
    kind,
    storeCodeIds,
    updatedAt: ctx.clock.now(),
  });
  if (!row) throw notFound('Landing page', id);
  await ctx.audit({
    action: 'messaging.landing_page.update',
    entityType: 'landing_page',
    entityId: id,
    summary: `Changed the landing page ${row.title}`,
    changes: Object.fromEntries(Object.keys(set).map((k) => [k, (patch as Record<string, unknown>)[k]])),
  });
  return (await views(ctx, [row], opts))[0]!;
}

export async function deleteLandingPage(ctx: Ctx, id: string) {
  const row = await pageOrFail(ctx, id);
  await deletePage(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'messaging.landing_page.delete',
    entityType: 'landing_page',
    entityId: id,
    summary: `Deleted the landing page ${row.title} (/l/${row.slug})`,
  });
  return { ok: true as const };
}
