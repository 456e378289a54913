/**
 * A code's figures per day (tenant time zone) and per staff member: scans where known, adds,
 * losses, net adds (adds of the day not lost since), first orders and GMV (by payment day).
 */
import type { LiveCodeStats } from '@siyu/contracts';
import { staffSummaries } from '../../access';
import { type Ctx, DAY, dayIn, invalid, notFound, startOfDayIn } from '../../platform';
import { tenantZone } from './apply.service';
import { findCode } from './live-codes.repo';
import { incrementScans, scansBetween, statsOf } from './stats.repo';

const MAX_DAYS = 366;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

export async function liveCodeStats(ctx: Ctx, id: string, q: { from?: string; to?: string }): Promise<LiveCodeStats> {
  const code = await findCode(ctx.db, ctx.tenantId, id);
  if (!code) throw notFound('Live code', id);
  const tz = await tenantZone(ctx);
  const today = dayIn(ctx.clock.now(), tz);
  const to = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
  if (Date.parse(to) - Date.parse(from) >= MAX_DAYS * DAY) throw invalid('from', `at most ${MAX_DAYS} days at once`);
  if (from > to) throw invalid('to', 'must not be before from');
  const figures = await statsOf(ctx.db, ctx.tenantId, id, startOfDayIn(from, tz), startOfDayIn(nextDay(to), tz), tz);
  const scans = await scansBetween(ctx.db, ctx.tenantId, id, from, to);
  const byDay = new Map(figures.days.map((d) => [d.day, d]));
  const days: LiveCodeStats['days'] = [];
  for (let d = from; d <= to; d = nextDay(d)) {
    const f = byDay.get(d);
    days.push({
      date: d,
      scans: scans.get(d) ?? null,
      adds: f?.adds ?? 0,
      losses: f?.losses ?? 0,
      netAdds: f?.netAdds ?? 0,
      firstOrders: f?.firstOrders ?? 0,
      gmvFen: f?.gmvFen ?? 0,
    });
  }
  const names = await staffSummaries(
    ctx,
    figures.staff.flatMap((s) => (s.staffId ? [s.staffId] : [])),
  );
  const sum = (k: 'adds' | 'losses' | 'netAdds' | 'firstOrders' | 'gmvFen') => days.reduce((n, d) => n + d[k], 0);
  return {
    from,
    to,
    timeZone: tz,
    days,
    staff: figures.staff.map((s) => ({
      staffId: s.staffId,
      staffName: s.staffId ? (names.get(s.staffId)?.name ?? null) : null,
      wecomUserId: s.wecomUserId,
      adds: s.adds,
      losses: s.losses,
      netAdds: s.netAdds,
      firstOrders: s.firstOrders,
      gmvFen: s.gmvFen,
    })),
    totals: {
      scans: scans.size ? [...scans.values()].reduce((a, b) => a + b, 0) : null,
      adds: sum('adds'),
      losses: sum('losses'),
      netAdds: sum('netAdds'),
      firstOrders: sum('firstOrders'),
      gmvFen: sum('gmvFen'),
    },
  };
}

/** A scan of the code's QR seen by Siyu (e.g. a landing page showing it): counted on today's date. */
export async function recordLiveCodeScan(ctx: Ctx, id: string) {
  const code = await findCode(ctx.db, ctx.tenantId, id);
  if (!code) throw notFound('Live code', id);
  await incrementScans(ctx.db, ctx.tenantId, id, dayIn(ctx.clock.now(), await tenantZone(ctx)));
}
