/**
 * What a landing page needs of live codes and stores, read only through the live-codes aggregate's
 * and access's public functions (this folder owns none of their tables): each code's QR, store and
 * that store's position; adds of a code per day; a scan counted on the code when a page shows it.
 */
import { LANDING_LIMITS, type LandingCodeRef, type LiveCode } from '@siyu/contracts';
import { listOrgUnits } from '../../access';
import { AppError, type Clock, type Ctx } from '../../platform';
import { getLiveCode, liveCodeStats, recordLiveCodeScan } from '../live-codes';
import type { LatLng } from './geo';

export type StoreInfo = { id: string; name: string; address: string | null; position: LatLng | null };
export type CodeInfo = {
  id: string;
  /** null: the code does not exist (any more). */
  name: string | null;
  qrCodeUrl: string | null;
  orgUnitId: string | null;
  store: StoreInfo | null;
};

const isNotFound = (e: unknown) => e instanceof AppError && e.status === 404;

/** The codes by id (missing ones with name null), with their stores' positions. */
export async function codeInfos(ctx: Ctx, ids: readonly string[]): Promise<Map<string, CodeInfo>> {
  const unique = [...new Set(ids)];
  const codes: (LiveCode | null)[] = [];
  for (const id of unique)
    codes.push(await getLiveCode(ctx, id).catch((e) => (isNotFound(e) ? null : Promise.reject(e))));
  const needStores = codes.some((c) => c?.orgUnitId);
  const units = needStores ? (await listOrgUnits(ctx)).items : [];
  const stores = new Map(
    units.map((u) => [
      u.id,
      {
        id: u.id,
        name: u.name,
        address: u.address,
        position: u.latitude !== null && u.longitude !== null ? { lat: u.latitude, lng: u.longitude } : null,
      } satisfies StoreInfo,
    ]),
  );
  const out = new Map<string, CodeInfo>();
  unique.forEach((id, i) => {
    const c = codes[i];
    out.set(id, {
      id,
      name: c?.name ?? null,
      qrCodeUrl: c?.qrCodeUrl ?? null,
      orgUnitId: c?.orgUnitId ?? null,
      store: c?.orgUnitId ? (stores.get(c.orgUnitId) ?? null) : null,
    });
  });
  return out;
}

type Cached = { clock: Clock; at: number; infos: Map<string, CodeInfo> };
const cache = new Map<string, Cached>();
const CACHE_ENTRIES = 1000;

/**
 * codeInfos for the public pages, kept per process for LANDING_LIMITS.publicCacheMs: a visitor's page
 * must not read every store code and the org tree again (a change shows within that time).
 */
export async function cachedCodeInfos(ctx: Ctx, ids: readonly string[]): Promise<Map<string, CodeInfo>> {
  const key = `${ctx.tenantId}:${[...new Set(ids)].sort().join(',')}`;
  const now = ctx.clock.now().getTime();
  const hit = cache.get(key);
  if (hit && hit.clock === ctx.clock && now - hit.at >= 0 && now - hit.at < LANDING_LIMITS.publicCacheMs)
    return hit.infos;
  const infos = await codeInfos(ctx, ids);
  cache.delete(key);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, { clock: ctx.clock, at: now, infos });
  return infos;
}

export const codeRef = (c: CodeInfo): LandingCodeRef => ({
  id: c.id,
  name: c.name,
  qrCodeUrl: c.qrCodeUrl,
  orgUnitId: c.orgUnitId,
  storeName: c.store?.name ?? null,
  located: Boolean(c.store?.position),
});

/** Adds through a code per day (tenant zone) within [from, to]; a deleted code has none. */
export async function addsPerDay(ctx: Ctx, codeId: string, from: string, to: string): Promise<Map<string, number>> {
  try {
    const s = await liveCodeStats(ctx, codeId, { from, to });
    return new Map(s.days.map((d) => [d.date, d.adds]));
  } catch (e) {
    if (isNotFound(e)) return new Map();
    throw e;
  }
}

/** The page showed the code to a new visitor of the day: the live code's "scans where known". */
export async function countScan(ctx: Ctx, codeId: string) {
  await recordLiveCodeScan(ctx, codeId).catch((e) => (isNotFound(e) ? undefined : Promise.reject(e)));
}
