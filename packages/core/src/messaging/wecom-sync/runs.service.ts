/**
 * Sync runs: an admin starts one (staff, customers or tags), the job `messaging.wecom-sync` executes
 * it; the nightly schedule runs staff → tags → customers for every tenant that synced before. A run
 * that fails is retried by the queue and continues where it stopped (customers: the stored position).
 */
import type { WecomSyncRun } from '@siyu/contracts';
import { conflict, type Ctx, type JobDef, newId, notFound } from '../../platform';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import { runCustomerSync } from './customer-sync.service';
import { addRunErrors, bump } from './run-progress.repo';
import { runStaffSync } from './staff-sync.service';
import { importCorpTags } from './tag-sync.service';
import { findRun, insertRun, listRunRows, openRun, type RunRow, tenantsThatSynced, updateRun } from './wecom-sync.repo';

export const WECOM_SYNC_JOB = 'messaging.wecom-sync';
export const WECOM_NIGHTLY_SYNC_JOB = 'messaging.wecom-sync-nightly';
type What = RunRow['what'];
const NEXT_AT_NIGHT: Partial<Record<What, What>> = { staff: 'tags', tags: 'customers' };

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const toRun = (r: RunRow): WecomSyncRun => ({
  id: r.id,
  what: r.what,
  trigger: r.trigger,
  status: r.status,
  total: r.total,
  done: r.done,
  failed: r.failed,
  stats: r.stats,
  errors: r.errors,
  position: {
    members: r.position.members?.length ?? null,
    batch: r.position.batch ?? null,
    cursor: r.position.cursor ?? null,
  },
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  startedAt: iso(r.startedAt),
  finishedAt: iso(r.finishedAt),
});

async function latestCustomersRun(ctx: Ctx) {
  const rows = await listRunRows(ctx.db, ctx.tenantId, 20);
  return rows.find((r) => r.what === 'customers') ?? null;
}

/**
 * Starts a run (409 WECOM_NOT_CONFIGURED without settings). A run of that kind in progress is answered
 * instead of a second one; a failed customers run is resumed from its position.
 */
export async function startWecomSync(ctx: Ctx, what: What, trigger: 'manual' | 'schedule' = 'manual') {
  const client = await tenantWecomClient(ctx);
  if (!client) throw conflict('WECOM_NOT_CONFIGURED', 'Connect WeCom first (企业微信设置)');
  const open = await openRun(ctx.db, ctx.tenantId, what);
  if (open) return toRun(open);
  if (what === 'customers') {
    const last = await latestCustomersRun(ctx);
    if (last?.status === 'failed' && last.corpId === client.corpId) {
      await updateRun(ctx.db, ctx.tenantId, last.id, { status: 'queued', error: null, finishedAt: null });
      await ctx.enqueue(WECOM_SYNC_JOB, { tenantId: ctx.tenantId, runId: last.id });
      return toRun((await findRun(ctx.db, ctx.tenantId, last.id))!);
    }
  }
  const now = ctx.clock.now();
  const row = {
    tenantId: ctx.tenantId,
    id: newId('wsr', now),
    what,
    trigger,
    status: 'queued' as const,
    corpId: client.corpId,
    total: null,
    done: 0,
    failed: 0,
    stats: {},
    errors: [],
    position: {},
    error: null,
    createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  };
  await insertRun(ctx.db, row);
  await ctx.enqueue(WECOM_SYNC_JOB, { tenantId: ctx.tenantId, runId: row.id });
  if (trigger === 'manual')
    await ctx.audit({
      action: 'messaging.wecom_sync.start',
      entityType: 'wecom_sync',
      entityId: row.id,
      summary: `Started a WeCom ${what} sync`,
    });
  return toRun(row);
}

export async function getWecomSyncRun(ctx: Ctx, id: string) {
  const row = await findRun(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Sync run', id);
  return toRun(row);
}

export async function listWecomSyncRuns(ctx: Ctx) {
  return { items: (await listRunRows(ctx.db, ctx.tenantId, 20)).map(toRun) };
}

/**
 * Executes (or continues) a run. `maxPages` (customers) stops early, leaving the run `running` at its
 * stored position, as an interrupted process would. Throws after recording a failure (the queue retries).
 */
export async function executeWecomSyncRun(ctx: Ctx, runId: string, opts: { maxPages?: number } = {}) {
  const run = await findRun(ctx.db, ctx.tenantId, runId);
  if (!run || run.status === 'done') return run ? toRun(run) : null;
  await updateRun(ctx.db, ctx.tenantId, runId, {
    status: 'running',
    error: null,
    startedAt: run.startedAt ?? ctx.clock.now(),
  });
  try {
    const client = await tenantWecomClient(ctx);
    if (!client) throw new Error('WeCom is not configured any more');
    if (run.what === 'customers') {
      const r = await runCustomerSync(ctx, runId, client, opts);
      const now = (await findRun(ctx.db, ctx.tenantId, runId))!;
      if (!r.finished) return toRun(now);
      await updateRun(ctx.db, ctx.tenantId, runId, { total: now.done + now.failed });
    } else if (run.what === 'staff') {
      const stats = await runStaffSync(ctx, run, client);
      await updateRun(ctx.db, ctx.tenantId, runId, { stats });
    } else {
      const r = await importCorpTags(ctx, client, (n) => bump(ctx, runId, { done: n }));
      await updateRun(ctx.db, ctx.tenantId, runId, { stats: r.stats, total: r.total, failed: r.errors.length });
      if (r.errors.length) await addRunErrors(ctx, runId, r.errors);
    }
    await updateRun(ctx.db, ctx.tenantId, runId, { status: 'done', finishedAt: ctx.clock.now() });
    const next = run.trigger === 'schedule' ? NEXT_AT_NIGHT[run.what] : undefined;
    if (next) await startWecomSync(ctx, next, 'schedule');
    return toRun((await findRun(ctx.db, ctx.tenantId, runId))!);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await updateRun(ctx.db, ctx.tenantId, runId, {
      status: 'failed',
      error: message.slice(0, 2000),
      finishedAt: ctx.clock.now(),
    });
    throw err;
  }
}

export const wecomSyncRunJobs: Record<string, JobDef> = {
  [WECOM_SYNC_JOB]: {
    retryLimit: 3,
    async handle({ data, ctxFor }) {
      await executeWecomSyncRun(ctxFor(String(data.tenantId)), String(data.runId));
    },
  },
  /** 03:00 Asia/Shanghai: staff, then tags, then customers, for tenants that synced before. */
  [WECOM_NIGHTLY_SYNC_JOB]: {
    cron: '0 19 * * *',
    async handle({ db, ctxFor, log }) {
      for (const tenantId of await tenantsThatSynced(db)) {
        try {
          await startWecomSync(ctxFor(tenantId), 'staff', 'schedule');
        } catch (err) {
          log.warn({ err, tenantId }, 'nightly WeCom sync not started');
        }
      }
    },
  },
};
