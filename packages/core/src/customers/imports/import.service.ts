/**
 * Customer imports, step by step: upload (the file is stored; its columns and a suggested mapping
 * come back), start with a mapping (a background job), poll the progress, read the error report.
 */
import { Readable } from 'node:stream';
import type { DataJob, ImportJob, ImportMapping, StartImportInput } from '@siyu/contracts';
import { stringify } from 'csv-stringify';
import { badRequest, conflict, type Ctx, notFound } from '../../platform';
import {
  allJobErrors,
  createDataJob,
  type DataJobRow,
  fileStore,
  getDataJob,
  jobFileKey,
  listDataJobs,
  listJobErrors,
  updateDataJob,
} from '../../platform/data-jobs';
import { findFieldDefs } from './import.repo';
import { compilePlan, suggestMapping } from './mapping';
import { detectFormat, peek, UPLOAD_TYPES } from './read-rows';

export const IMPORT_JOB = 'customers.import';
const ENTITY = 'customers';

export type ImportParams = {
  format: 'csv' | 'xlsx';
  columns: string[];
  sample: string[][];
  suggestedMapping: ImportMapping;
  mapping?: ImportMapping;
  update?: StartImportInput['update'];
  source?: string;
  tagGroup?: string;
  stats?: { created: number; updated: number; unchanged: number };
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDataJob(r: DataJobRow): DataJob {
  return {
    id: r.id,
    kind: r.kind,
    entity: r.entity,
    status: r.status,
    fileName: r.fileName,
    format: (r.params.format as 'csv' | 'xlsx' | undefined) ?? 'csv',
    total: r.total,
    processed: r.processed,
    succeeded: r.succeeded,
    failed: r.failed,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

export function toImportJob(r: DataJobRow): ImportJob {
  const p = r.params as ImportParams;
  return {
    ...toDataJob(r),
    columns: p.columns ?? [],
    sample: p.sample ?? [],
    suggestedMapping: p.suggestedMapping ?? {},
    mapping: p.mapping ?? null,
    stats: p.stats ?? { created: 0, updated: 0, unchanged: 0 },
  };
}

/** Staff whose data scope is not the whole tenant see only the jobs they created (files hold data). */
export async function getOwnJob(ctx: Ctx, id: string, kind: 'import' | 'export') {
  const job = await getDataJob(ctx, id, kind, ENTITY);
  const mine = ctx.actor.kind !== 'staff' || ctx.scope.kind === 'all' || job.createdBy === ctx.actor.id;
  if (!mine) throw notFound(kind === 'import' ? 'Import' : 'Export', id); // as for an unknown id
  return job;
}

export async function listOwnJobs(ctx: Ctx, kind: 'import' | 'export', q: { cursor?: string; limit: number }) {
  const onlyMine = ctx.actor.kind === 'staff' && ctx.scope.kind !== 'all' ? ctx.actor.id : null;
  return listDataJobs(ctx, kind, ENTITY, q, onlyMine);
}

/** Stores the file and reads its header: 400 naming the file when it is not a readable CSV or XLSX. */
export async function uploadImport(
  ctx: Ctx,
  input: { fileName: string; body: Buffer; contentType?: string },
): Promise<ImportJob> {
  const { fileName, body } = input;
  if (!body.length) throw badRequest('EMPTY_FILE', `${fileName} is empty`);
  const type = input.contentType?.split(';')[0]?.trim().toLowerCase();
  const format = !type || UPLOAD_TYPES.includes(type) ? detectFormat(body, fileName) : null;
  if (!format)
    throw badRequest(
      'UNSUPPORTED_FILE',
      `${fileName} is not a CSV or XLSX file (save it from Excel as .xlsx or .csv)`,
      {
        fileName,
      },
    );
  let head: Awaited<ReturnType<typeof peek>>;
  try {
    head = await peek(Readable.from([body]), format);
  } catch (e) {
    throw badRequest(
      'UNREADABLE_FILE',
      `${fileName} could not be read as ${format.toUpperCase()}: ${(e as Error).message}`,
      {
        fileName,
      },
    );
  }
  if (!head.columns.length) throw badRequest('EMPTY_FILE', `${fileName} has no header row`, { fileName });
  const defs = await findFieldDefs(ctx.db, ctx.tenantId);
  const params: ImportParams = {
    format,
    columns: head.columns,
    sample: head.sample,
    suggestedMapping: suggestMapping(head.columns, defs),
  };
  const job = await createDataJob(ctx, { kind: 'import', entity: ENTITY, fileName, params });
  const inputPath = jobFileKey(ctx.tenantId, job.id, `input.${format}`);
  await updateDataJob(ctx.db, ctx.tenantId, job.id, { inputPath });
  await fileStore().put(inputPath, body);
  await ctx.audit({
    action: 'customer_import.upload',
    entityType: 'data_job',
    entityId: job.id,
    summary: `Uploaded ${fileName} for a customer import (${head.columns.length} columns)`,
  });
  return toImportJob({ ...job, inputPath });
}

/** Starts an uploaded import with a mapping (checked against the columns and custom fields). */
export async function startImport(ctx: Ctx, id: string, input: StartImportInput): Promise<ImportJob> {
  const job = await getOwnJob(ctx, id, 'import');
  const p = job.params as ImportParams;
  if (job.status !== 'queued' || p.mapping)
    throw conflict('IMPORT_STARTED', `Import ${id} was started already; upload the file again to import it again`);
  compilePlan(p.columns, input.mapping, await findFieldDefs(ctx.db, ctx.tenantId));
  const params: ImportParams = {
    ...p,
    mapping: input.mapping,
    update: input.update,
    source: input.source,
    tagGroup: input.tagGroup,
  };
  await updateDataJob(ctx.db, ctx.tenantId, id, { params });
  await ctx.enqueue(IMPORT_JOB, { tenantId: ctx.tenantId, jobId: id });
  const mapped = Object.entries(input.mapping).filter(([, t]) => t);
  await ctx.audit({
    action: 'customer_import.start',
    entityType: 'data_job',
    entityId: id,
    summary: `Started the import of ${job.fileName} (${mapped.length} columns mapped, ${input.update} existing customers)`,
    changes: { mapping: Object.fromEntries(mapped) },
  });
  return toImportJob({ ...job, params });
}

export async function getImport(ctx: Ctx, id: string) {
  return toImportJob(await getOwnJob(ctx, id, 'import'));
}

export async function listImports(ctx: Ctx, q: { cursor?: string; limit: number }) {
  const page = await listOwnJobs(ctx, 'import', q);
  return { items: page.items.map(toImportJob), nextCursor: page.nextCursor };
}

export async function importErrors(ctx: Ctx, id: string, q: { cursor?: string; limit: number }) {
  await getOwnJob(ctx, id, 'import');
  const after = q.cursor && /^\d+$/.test(q.cursor) ? Number(q.cursor) : undefined;
  return listJobErrors(ctx, id, { afterRow: after, limit: q.limit });
}

/** The error report as CSV (UTF-8 with BOM, so Excel shows Chinese): row, errors, original columns. */
export async function importErrorsCsv(ctx: Ctx, id: string): Promise<{ fileName: string; stream: Readable }> {
  const job = await getOwnJob(ctx, id, 'import');
  const columns = (job.params as ImportParams).columns ?? [];
  const out = stringify({ bom: true });
  out.write(['行号 row', '错误 errors', ...columns]);
  (async () => {
    for await (const e of allJobErrors(ctx, id)) {
      const line = [String(e.rowNo), e.errors.map((x) => `${x.field}: ${x.message}`).join('; ')];
      if (!out.write([...line, ...columns.map((c) => String(e.raw[c] ?? ''))]))
        await new Promise((r) => out.once('drain', r));
    }
    out.end();
  })().catch((err) => out.destroy(err as Error));
  const base = (job.fileName ?? 'import').replace(/\.[^.]*$/, '');
  return { fileName: `${base}-errors.csv`, stream: out };
}
