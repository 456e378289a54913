/**
 * Long-running imports and exports of any domain: a `data_jobs` row with progress the UI polls, a
 * per-row error report, and the files, kept in a FileStore (local disk now; S3 later, same interface).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { loadConfig } from './config';
import type { Ctx } from './context';
import type { Db } from './db';
import { notFound } from './errors';
import { newId } from './ids';
import { dataJobErrors, dataJobs } from './platform.tables';

// ---------- files ----------

/** Where job files live. Keys are `<tenant>/<job>/<name>`: relative, no `..`. */
export type FileStore = {
  put(key: string, data: Buffer | Readable): Promise<{ size: number }>;
  /** A stream of the file; rejects with a 404 when it is not there. */
  open(key: string): Promise<Readable>;
  size(key: string): Promise<number | null>;
  /** Removes every file under a prefix (a job's folder). */
  removeAll(prefix: string): Promise<void>;
};

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

function checkKey(key: string) {
  if (!SAFE_KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.'))
    throw new Error(`bad file key ${JSON.stringify(key)}`);
  return key;
}

/** Files under `root` on the local disk (`<SIYU_DATA_DIR>/files`). */
export function localFileStore(root: string): FileStore {
  const full = (key: string) => path.join(root, checkKey(key));
  return {
    async put(key, data) {
      const file = full(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.part`;
      if (Buffer.isBuffer(data)) await fs.promises.writeFile(tmp, data);
      else await pipeline(data, fs.createWriteStream(tmp));
      await fs.promises.rename(tmp, file);
      return { size: (await fs.promises.stat(file)).size };
    },
    async open(key) {
      const file = full(key);
      if (!fs.existsSync(file)) throw notFound('File', key.split('/').at(-1));
      return fs.createReadStream(file);
    },
    async size(key) {
      return fs.promises.stat(full(key)).then(
        (s) => s.size,
        () => null,
      );
    },
    async removeAll(prefix) {
      await fs.promises.rm(full(prefix), { recursive: true, force: true });
    },
  };
}

let store: FileStore | null = null;

/** The process's file store: `<SIYU_DATA_DIR>/files`, the same directory the runtime's config names. */
export function fileStore(): FileStore {
  store ??= localFileStore(path.join(loadConfig().dataDir, 'files'));
  return store;
}

/** Replaces the file store (object storage, once there is an adapter). */
export function setFileStore(s: FileStore) {
  store = s;
}

export const jobFileKey = (tenantId: string, jobId: string, name: string) => `${tenantId}/${jobId}/${name}`;

// ---------- jobs ----------

export type DataJobRow = typeof dataJobs.$inferSelect;
export type JobKind = DataJobRow['kind'];
export type RowError = { field: string; message: string };
export type Progress = { total?: number | null; processed: number; succeeded: number; failed: number };

export async function createDataJob(
  ctx: Ctx,
  input: {
    kind: JobKind;
    entity: string;
    fileName?: string | null;
    inputPath?: string | null;
    params?: Record<string, unknown>;
    id?: string;
  },
): Promise<DataJobRow> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(dataJobs)
    .values({
      tenantId: ctx.tenantId,
      id: input.id ?? newId('job', now),
      kind: input.kind,
      entity: input.entity,
      status: 'queued',
      fileName: input.fileName ?? null,
      inputPath: input.inputPath ?? null,
      params: input.params ?? {},
      createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
      createdAt: now,
    })
    .returning();
  return row!;
}

/** A job of this tenant (and kind and entity) — or 404, also for other tenants' ids. */
export async function getDataJob(ctx: Ctx, id: string, kind: JobKind, entity: string): Promise<DataJobRow> {
  const [row] = await ctx.db
    .select()
    .from(dataJobs)
    .where(
      and(
        eq(dataJobs.tenantId, ctx.tenantId),
        eq(dataJobs.id, id),
        eq(dataJobs.kind, kind),
        eq(dataJobs.entity, entity),
      ),
    );
  if (!row) throw notFound(kind === 'import' ? 'Import' : 'Export', id);
  return row;
}

/** Newest first; only those `createdBy` created, when given. */
export async function listDataJobs(
  ctx: Ctx,
  kind: JobKind,
  entity: string,
  q: { cursor?: string; limit: number },
  createdBy: string | null = null,
) {
  const rows = await ctx.db
    .select()
    .from(dataJobs)
    .where(
      and(
        eq(dataJobs.tenantId, ctx.tenantId),
        eq(dataJobs.kind, kind),
        eq(dataJobs.entity, entity),
        createdBy ? eq(dataJobs.createdBy, createdBy) : undefined,
        q.cursor ? lt(dataJobs.id, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(dataJobs.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

type JobPatch = Partial<
  Pick<
    DataJobRow,
    | 'status'
    | 'inputPath'
    | 'resultPath'
    | 'params'
    | 'total'
    | 'processed'
    | 'succeeded'
    | 'failed'
    | 'error'
    | 'startedAt'
    | 'finishedAt'
  >
>;

export async function updateDataJob(db: Db, tenantId: string, id: string, patch: JobPatch) {
  await db
    .update(dataJobs)
    .set(patch)
    .where(and(eq(dataJobs.tenantId, tenantId), eq(dataJobs.id, id)));
}

/** Marks the job running from scratch (a retried job starts over: its work must be idempotent). */
export async function startDataJob(ctx: Ctx, id: string) {
  await ctx.db.delete(dataJobErrors).where(and(eq(dataJobErrors.tenantId, ctx.tenantId), eq(dataJobErrors.jobId, id)));
  await updateDataJob(ctx.db, ctx.tenantId, id, {
    status: 'running',
    startedAt: ctx.clock.now(),
    finishedAt: null,
    error: null,
    total: null,
    processed: 0,
    succeeded: 0,
    failed: 0,
  });
}

export const reportProgress = (ctx: Ctx, id: string, p: Progress) =>
  updateDataJob(ctx.db, ctx.tenantId, id, {
    ...(p.total !== undefined ? { total: p.total } : {}),
    processed: p.processed,
    succeeded: p.succeeded,
    failed: p.failed,
  });

/** Ends the job: `done` (with counters merged into params when given) or `failed` with a message. */
export async function finishDataJob(
  ctx: Ctx,
  id: string,
  end: { status: 'done' | 'failed'; error?: string; resultPath?: string; params?: Record<string, unknown> },
) {
  await ctx.db
    .update(dataJobs)
    .set({
      status: end.status,
      error: end.error?.slice(0, 2000) ?? null,
      finishedAt: ctx.clock.now(),
      ...(end.resultPath ? { resultPath: end.resultPath } : {}),
      ...(end.params ? { params: sql`${dataJobs.params} || ${JSON.stringify(end.params)}::jsonb` } : {}),
    })
    .where(and(eq(dataJobs.tenantId, ctx.tenantId), eq(dataJobs.id, id)));
}

/** Adds rows to the job's error report (a row reported again replaces its entry). */
export async function addJobErrors(
  ctx: Ctx,
  jobId: string,
  rows: { rowNo: number; errors: RowError[]; raw: Record<string, unknown> }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500).map((r) => ({ tenantId: ctx.tenantId, jobId, ...r }));
    await ctx.db
      .insert(dataJobErrors)
      .values(part)
      .onConflictDoUpdate({
        target: [dataJobErrors.tenantId, dataJobErrors.jobId, dataJobErrors.rowNo],
        set: { errors: sql`excluded.errors`, raw: sql`excluded.raw` },
      });
  }
}

/** The error report in row order, from after row `afterRow`. */
export async function listJobErrors(ctx: Ctx, jobId: string, q: { afterRow?: number; limit: number }) {
  const rows = await ctx.db
    .select({ rowNo: dataJobErrors.rowNo, errors: dataJobErrors.errors, raw: dataJobErrors.raw })
    .from(dataJobErrors)
    .where(
      and(
        eq(dataJobErrors.tenantId, ctx.tenantId),
        eq(dataJobErrors.jobId, jobId),
        q.afterRow !== undefined ? gt(dataJobErrors.rowNo, q.afterRow) : undefined,
      ),
    )
    .orderBy(asc(dataJobErrors.rowNo))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? String(items.at(-1)?.rowNo) : null };
}

/** Every error row, in order, a page at a time (for the CSV report). */
export async function* allJobErrors(ctx: Ctx, jobId: string) {
  let afterRow: number | undefined;
  for (;;) {
    const page = await listJobErrors(ctx, jobId, { afterRow, limit: 1000 });
    yield* page.items;
    if (!page.nextCursor) return;
    afterRow = Number(page.nextCursor);
  }
}
