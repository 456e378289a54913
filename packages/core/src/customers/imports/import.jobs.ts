/**
 * The import job: streams the stored file, checks each row, resolves chunks of 1,000 rows in one
 * transaction each (progress is written with every chunk), reports bad rows and keeps going. A retry
 * starts over, which is safe: importing the same rows again changes nothing.
 */
import { type Ctx, inTransaction, type JobDef } from '../../platform';
import {
  addJobErrors,
  type DataJobRow,
  fileStore,
  finishDataJob,
  getDataJob,
  type Progress,
  reportProgress,
  type RowError,
  startDataJob,
} from '../../platform/data-jobs';
import { findFieldDefs } from './import.repo';
import type { ImportParams } from './import.service';
import { compilePlan, convertRow, type ImportRow, type Plan, rawOf } from './mapping';
import { isBlank, readRows, type SheetRow } from './read-rows';
import { type BatchOptions, type Outcome, resolveCustomersBatch } from './resolve-batch';
import { estimateRows } from './row-count';
import { warmSearchTokens } from './search-tokens';

export const CHUNK = 1000;

type Run = {
  ctx: Ctx;
  job: DataJobRow;
  plan: Plan;
  opts: BatchOptions;
  progress: Progress & { total: number | null };
  stats: { created: number; updated: number; unchanged: number };
};

const toBatch = (r: ImportRow, source: string) => ({
  identities: r.identities,
  attributes: r.attributes,
  custom: r.custom,
  tags: r.tags,
  source: r.source ?? source,
});

type ErrorRow = { rowNo: number; errors: RowError[]; raw: Record<string, unknown> };
type Prepared = { chunk: SheetRow[]; good: ImportRow[]; errors: ErrorRow[] };

/** Checks the rows of a chunk (no database work: it overlaps with the previous chunk's writes). */
function prepare(plan: Plan, chunk: SheetRow[]): Prepared {
  const good: ImportRow[] = [];
  const errors: ErrorRow[] = [];
  for (const r of chunk) {
    const c = convertRow(plan, r.rowNo, r.cells);
    if ('row' in c) good.push(c.row);
    else errors.push({ rowNo: r.rowNo, errors: c.errors, raw: rawOf(plan.columns, r.cells) });
  }
  warmSearchTokens(good);
  return { chunk, good, errors };
}

function tally(run: Run, p: Prepared, outcomes: Outcome[]) {
  const { progress, stats } = run;
  for (const o of outcomes) stats[o.outcome]++;
  progress.processed += p.chunk.length;
  progress.succeeded += outcomes.length;
  progress.failed += p.errors.length;
  if (progress.total !== null && progress.processed > progress.total) progress.total = progress.processed;
}

/** One transaction per chunk: its customers, its error rows and the progress, together. */
async function write(run: Run, p: Prepared) {
  const { ctx, job, opts } = run;
  const source = (job.params as ImportParams).source ?? 'import';
  const inputs = p.good.map((r) => toBatch(r, source));
  const before = { progress: { ...run.progress }, stats: { ...run.stats } };
  try {
    await inTransaction(ctx, async (tx) => {
      const outcomes = inputs.length ? await resolveCustomersBatch(tx, inputs, opts) : [];
      tally(run, p, outcomes);
      await addJobErrors(tx, job.id, p.errors);
      await reportProgress(tx, job.id, run.progress);
    });
  } catch (e) {
    Object.assign(run, before); // the counts of the rolled back attempt
    // A row the database refuses must not sink its chunk: resolve one by one and report the refused.
    ctx.log.warn({ err: e, jobId: job.id }, 'import chunk failed; retrying its rows one by one');
    const outcomes: Outcome[] = [];
    for (const [i, r] of p.good.entries()) {
      try {
        outcomes.push(...(await inTransaction(ctx, (tx) => resolveCustomersBatch(tx, [inputs[i]!], opts))));
      } catch (err) {
        const cells = p.chunk.find((c) => c.rowNo === r.rowNo)?.cells ?? [];
        const message = (err as Error).message.slice(0, 300);
        p.errors.push({ rowNo: r.rowNo, errors: [{ field: 'row', message }], raw: rawOf(run.plan.columns, cells) });
      }
    }
    tally(run, p, outcomes);
    await inTransaction(ctx, async (tx) => {
      await addJobErrors(tx, job.id, p.errors);
      await reportProgress(tx, job.id, run.progress);
    });
  }
}

async function runImport(ctx: Ctx, job: DataJobRow) {
  const p = job.params as ImportParams;
  const store = fileStore();
  const plan = compilePlan(p.columns, p.mapping ?? {}, await findFieldDefs(ctx.db, ctx.tenantId));
  const estimate = await estimateRows(await store.open(job.inputPath!), p.format);
  const run: Run = {
    ctx,
    job,
    plan,
    opts: { update: p.update ?? 'fill', tagGroup: p.tagGroup ?? '导入标签', addedBy: job.id },
    progress: { total: estimate === null ? null : Math.max(0, estimate - 1), processed: 0, succeeded: 0, failed: 0 },
    stats: { created: 0, updated: 0, unchanged: 0 },
  };
  await reportProgress(ctx, job.id, run.progress);
  let header = true;
  let chunk: SheetRow[] = [];
  let writing: Promise<void> = Promise.resolve(); // one chunk in the database while the next is read
  const flush = async () => {
    const prepared = prepare(plan, chunk);
    chunk = [];
    await writing;
    writing = write(run, prepared);
    writing.catch(() => {}); // handled when awaited; not an unhandled rejection meanwhile
  };
  for await (const r of readRows(await store.open(job.inputPath!), p.format)) {
    if (isBlank(r.cells)) continue;
    if (header) {
      header = false;
      continue;
    }
    chunk.push(r);
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length) await flush();
  await writing;
  run.progress.total = run.progress.processed;
  await reportProgress(ctx, job.id, run.progress);
  return run;
}

export const importJob: JobDef = {
  retryLimit: 2,
  async handle(env) {
    const { tenantId, jobId } = env.data as { tenantId: string; jobId: string };
    const ctx = env.ctxFor(tenantId);
    const job = await getDataJob(ctx, jobId, 'import', 'customers').catch(() => null);
    if (!job || job.status === 'done') return; // deleted, or delivered twice
    await startDataJob(ctx, jobId);
    const started = ctx.clock.now().getTime();
    try {
      const { progress, stats } = await runImport(ctx, job);
      await finishDataJob(ctx, jobId, { status: 'done', params: { stats } });
      await ctx.audit({
        action: 'customer_import.finish',
        entityType: 'data_job',
        entityId: jobId,
        summary: `Imported ${job.fileName}: ${progress.succeeded} rows (${stats.created} new customers, ${stats.updated} updated, ${stats.unchanged} unchanged), ${progress.failed} rejected`,
        changes: { ...stats, failed: progress.failed, ms: ctx.clock.now().getTime() - started },
      });
    } catch (e) {
      await finishDataJob(ctx, jobId, { status: 'failed', error: (e as Error).message });
      throw e;
    }
  },
};
