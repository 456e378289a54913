/**
 * A landing page's figures per day (tenant zone) and per code shown.
 *
 * WeCom does not say who scanned a code, so a conversion cannot be tied to a visitor. Honest
 * definition: for each code the page showed on a day, conversions = the smaller of the code's adds
 * that day (from any source: a printed copy of the same code counts too) and the page's visitors
 * shown that code that day. It is an upper estimate; a page whose code is used nowhere else is exact
 * up to visitors who add on another day.
 */
import { LANDING_LIMITS, type LandingStats } from '@siyu/contracts';
import { getSettings } from '../../access';
import { type Ctx, DAY, dayIn, invalid, notFound } from '../../platform';
import { addsPerDay, codeInfos } from './codes';
import { findPage, uniqueVisitors, visitsByDayAndCode } from './landing.repo';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const minusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

type Figures = { visits: number; located: number; adds: number; conversions: number };
const zero = (): Figures => ({ visits: 0, located: 0, adds: 0, conversions: 0 });
const addInto = (a: Figures, b: Figures) => {
  a.visits += b.visits;
  a.located += b.located;
  a.adds += b.adds;
  a.conversions += b.conversions;
};

export async function landingStats(ctx: Ctx, id: string, q: { from?: string; to?: string }): Promise<LandingStats> {
  const page = await findPage(ctx.db, ctx.tenantId, id);
  if (!page) throw notFound('Landing page', id);
  const tz = (await getSettings(ctx)).timeZone;
  const to = q.to ?? dayIn(ctx.clock.now(), tz);
  const from = q.from ?? minusDays(to, 29);
  if (from > to) throw invalid('to', 'must not be before from');
  if (Date.parse(to) - Date.parse(from) >= LANDING_LIMITS.statsMaxDays * DAY)
    throw invalid('from', `at most ${LANDING_LIMITS.statsMaxDays} days at once`);

  const rows = await visitsByDayAndCode(ctx.db, ctx.tenantId, id, from, to);
  const codeIds = [...new Set(rows.map((r) => r.codeId))];
  const adds = new Map<string, Map<string, number>>();
  for (const c of codeIds) adds.set(c, await addsPerDay(ctx, c, from, to));

  const byDay = new Map<string, Figures>();
  const byCode = new Map<string, Figures>();
  for (const r of rows) {
    const a = adds.get(r.codeId)?.get(r.day) ?? 0;
    const f = { visits: r.visits, located: r.located, adds: a, conversions: Math.min(a, r.visits) };
    if (!byDay.has(r.day)) byDay.set(r.day, zero());
    addInto(byDay.get(r.day)!, f);
    if (!byCode.has(r.codeId)) byCode.set(r.codeId, zero());
    addInto(byCode.get(r.codeId)!, f);
  }
  const days: LandingStats['days'] = [];
  const totals = zero();
  for (let d = from; d <= to; d = nextDay(d)) {
    const f = byDay.get(d) ?? zero();
    days.push({ date: d, ...f });
    addInto(totals, f);
  }
  const infos = await codeInfos(ctx, codeIds);
  return {
    from,
    to,
    timeZone: tz,
    days,
    codes: codeIds.map((c) => ({
      codeId: c,
      name: infos.get(c)?.name ?? null,
      storeName: infos.get(c)?.store?.name ?? null,
      ...byCode.get(c)!,
    })),
    totals: { ...totals, uniqueVisitors: await uniqueVisitors(ctx.db, ctx.tenantId, id, from, to) },
  };
}
