import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform';
import { liveCodeScans } from './live-codes.tables';

export async function incrementScans(db: Db, tenantId: string, codeId: string, day: string, n = 1) {
  await db
    .insert(liveCodeScans)
    .values({ tenantId, codeId, day, scans: n })
    .onConflictDoUpdate({
      target: [liveCodeScans.tenantId, liveCodeScans.codeId, liveCodeScans.day],
      set: { scans: sql`${liveCodeScans.scans} + ${n}` },
    });
}

export type DayFigures = {
  day: string;
  adds: number;
  losses: number;
  netAdds: number;
  firstOrders: number;
  gmvFen: number;
};
export type StaffFigures = Omit<DayFigures, 'day'> & { staffId: string | null; wecomUserId: string };

/**
 * Figures of a code between two instants, by calendar day in `tz` or by staff member: adds by add
 * day, losses by loss day, net adds = adds of the day not lost (yet), first orders and GMV by
 * payment day.
 */
export async function statsOf(db: Db, tenantId: string, codeId: string, from: Date, to: Date, tz: string) {
  const f = from.toISOString();
  const t = to.toISOString();
  const byDay = rowsOf<{ day: string; adds: string; losses: string; net: string; firsts: string; gmv: string }>(
    await db.execute(sql`
      with ev as (
        select to_char(added_at at time zone ${tz}, 'YYYY-MM-DD') as day, 1 as adds, 0 as losses,
               case when lost_at is null then 1 else 0 end as net, 0 as firsts, 0::bigint as gmv
          from messaging_live_code_adds
         where tenant_id = ${tenantId} and code_id = ${codeId} and added_at >= ${f}::timestamptz and added_at < ${t}::timestamptz
        union all
        select to_char(lost_at at time zone ${tz}, 'YYYY-MM-DD'), 0, 1, 0, 0, 0
          from messaging_live_code_adds
         where tenant_id = ${tenantId} and code_id = ${codeId} and lost_at >= ${f}::timestamptz and lost_at < ${t}::timestamptz
        union all
        select to_char(paid_at at time zone ${tz}, 'YYYY-MM-DD'), 0, 0, 0, case when "first" then 1 else 0 end, total_fen
          from messaging_live_code_orders
         where tenant_id = ${tenantId} and code_id = ${codeId} and paid_at >= ${f}::timestamptz and paid_at < ${t}::timestamptz
      )
      select day, sum(adds) as adds, sum(losses) as losses, sum(net) as net, sum(firsts) as firsts, sum(gmv) as gmv
        from ev group by day order by day`),
  );
  const byStaff = rowsOf<{
    staff_id: string | null;
    wecom_user_id: string;
    adds: string;
    losses: string;
    net: string;
    firsts: string;
    gmv: string;
  }>(
    await db.execute(sql`
      with ev as (
        select staff_id, wecom_user_id, 1 as adds, 0 as losses, case when lost_at is null then 1 else 0 end as net,
               0 as firsts, 0::bigint as gmv
          from messaging_live_code_adds
         where tenant_id = ${tenantId} and code_id = ${codeId} and added_at >= ${f}::timestamptz and added_at < ${t}::timestamptz
        union all
        select staff_id, wecom_user_id, 0, 1, 0, 0, 0
          from messaging_live_code_adds
         where tenant_id = ${tenantId} and code_id = ${codeId} and lost_at >= ${f}::timestamptz and lost_at < ${t}::timestamptz
        union all
        select staff_id, wecom_user_id, 0, 0, 0, case when "first" then 1 else 0 end, total_fen
          from messaging_live_code_orders
         where tenant_id = ${tenantId} and code_id = ${codeId} and paid_at >= ${f}::timestamptz and paid_at < ${t}::timestamptz
      )
      select staff_id, wecom_user_id, sum(adds) as adds, sum(losses) as losses, sum(net) as net,
             sum(firsts) as firsts, sum(gmv) as gmv
        from ev group by staff_id, wecom_user_id order by sum(adds) desc, wecom_user_id`),
  );
  const fig = (r: { adds: string; losses: string; net: string; firsts: string; gmv: string }) => ({
    adds: Number(r.adds),
    losses: Number(r.losses),
    netAdds: Number(r.net),
    firstOrders: Number(r.firsts),
    gmvFen: Number(r.gmv),
  });
  return {
    days: byDay.map((r): DayFigures => ({ day: r.day, ...fig(r) })),
    staff: byStaff.map((r): StaffFigures => ({ staffId: r.staff_id, wecomUserId: r.wecom_user_id, ...fig(r) })),
  };
}

export async function scansBetween(db: Db, tenantId: string, codeId: string, fromDay: string, toDay: string) {
  const rows = await db
    .select({ day: liveCodeScans.day, scans: liveCodeScans.scans })
    .from(liveCodeScans)
    .where(
      and(
        eq(liveCodeScans.tenantId, tenantId),
        eq(liveCodeScans.codeId, codeId),
        gte(liveCodeScans.day, fromDay),
        lte(liveCodeScans.day, toDay),
      ),
    );
  return new Map(rows.map((r) => [r.day, r.scans]));
}
