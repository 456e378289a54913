/** Progress of a sync run: counters and the first errors, written in the caller's transaction. */
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform';
import { wecomSyncRuns } from './wecom-sync.tables';

/** Errors kept per run (the counters count them all). */
export const RUN_ERRORS_KEPT = 50;

export async function bump(
  ctx: Ctx,
  runId: string,
  d: { done?: number; failed?: number; stats?: Record<string, number> },
) {
  const stats = Object.entries(d.stats ?? {}).reduce(
    (acc, [k, v]) =>
      sql`jsonb_set(${acc}, ${`{${k}}`}::text[], to_jsonb(coalesce((${wecomSyncRuns.stats}->>${k})::int, 0) + ${v}::int))`,
    sql`${wecomSyncRuns.stats}`,
  );
  await ctx.db
    .update(wecomSyncRuns)
    .set({
      done: sql`${wecomSyncRuns.done} + ${d.done ?? 0}::int`,
      failed: sql`${wecomSyncRuns.failed} + ${d.failed ?? 0}::int`,
      stats,
    })
    .where(and(eq(wecomSyncRuns.tenantId, ctx.tenantId), eq(wecomSyncRuns.id, runId)));
}

export async function addRunErrors(ctx: Ctx, runId: string, errors: { item: string; message: string }[]) {
  const add = JSON.stringify(errors.map((e) => ({ item: e.item, message: e.message.slice(0, 500) })));
  await ctx.db
    .update(wecomSyncRuns)
    .set({
      errors: sql`(select coalesce(jsonb_agg(e), '[]'::jsonb) from (select e from jsonb_array_elements(${wecomSyncRuns.errors} || ${add}::jsonb) e limit ${RUN_ERRORS_KEPT}) x)`,
    })
    .where(and(eq(wecomSyncRuns.tenantId, ctx.tenantId), eq(wecomSyncRuns.id, runId)));
}
