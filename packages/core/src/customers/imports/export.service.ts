/**
 * Customer exports: the list's filters, within the requester's data scope (kept with the job, so the
 * background run sees what they may see), written as CSV or XLSX to the file store, with progress.
 * Phone and email are masked without customers.pii, as in the list. Creating and downloading are audited.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { CustomerFilter, ExportJob, FileFormat } from '@siyu/contracts';
import { stringify } from 'csv-stringify';
import { excel } from './excel';
import { getSettings, orgUnitSummaries, staffSummaries } from '../../access';
import { type Actor, conflict, type Ctx, type JobDef, makeCtx, type Scope } from '../../platform';
import {
  createDataJob,
  type DataJobRow,
  fileStore,
  finishDataJob,
  getDataJob,
  jobFileKey,
  reportProgress,
  startDataJob,
} from '../../platform/data-jobs';
import { maskEmail, maskPhoneNumber } from '../profiles/dto';
import { tagsOfCustomers } from '../profiles/profiles.repo';
import { filterCondition } from '../profiles/visibility';
import { countMatching, type ExportRow, pageMatching } from './export.repo';
import { findFieldDefs } from './import.repo';
import { getOwnJob, listOwnJobs, toDataJob } from './import.service';

export const EXPORT_JOB = 'customers.export';
const PAGE = 1000;

type ExportParams = {
  format: FileFormat;
  filter: CustomerFilter;
  actor: Extract<Actor, { kind: 'staff' }>;
  scope: Scope;
};

export function toExportJob(r: DataJobRow): ExportJob {
  const ready = r.status === 'done' && !!r.resultPath;
  return { ...toDataJob(r), downloadUrl: ready ? `/api/admin/customer-exports/${r.id}/download` : null };
}

export async function createExport(
  ctx: Ctx,
  input: { filter: CustomerFilter; format: FileFormat },
): Promise<ExportJob> {
  if (ctx.actor.kind !== 'staff') throw new Error('exports are made by staff');
  const params: ExportParams = { format: input.format, filter: input.filter, actor: ctx.actor, scope: ctx.scope };
  const job = await createDataJob(ctx, { kind: 'export', entity: 'customers', params });
  await ctx.enqueue(EXPORT_JOB, { tenantId: ctx.tenantId, jobId: job.id });
  await ctx.audit({
    action: 'customer_export.create',
    entityType: 'data_job',
    entityId: job.id,
    summary: `Exported customers as ${input.format.toUpperCase()}`,
    changes: { filter: input.filter },
  });
  return toExportJob(job);
}

export const getExport = async (ctx: Ctx, id: string) => toExportJob(await getOwnJob(ctx, id, 'export'));

export async function listExports(ctx: Ctx, q: { cursor?: string; limit: number }) {
  const page = await listOwnJobs(ctx, 'export', q);
  return { items: page.items.map(toExportJob), nextCursor: page.nextCursor };
}

/** The finished file; 409 while it is being made. Audited: who took which data out. */
export async function openExportDownload(
  ctx: Ctx,
  id: string,
): Promise<{ fileName: string; format: FileFormat; stream: Readable }> {
  const job = await getOwnJob(ctx, id, 'export');
  if (job.status !== 'done' || !job.resultPath)
    throw conflict('EXPORT_NOT_READY', `Export ${id} is ${job.status}; download it when it is done`, {
      status: job.status,
    });
  const format = (job.params as ExportParams).format;
  const stream = await fileStore().open(job.resultPath);
  await ctx.audit({
    action: 'customer_export.download',
    entityType: 'data_job',
    entityId: id,
    summary: `Downloaded the customer export (${job.succeeded} customers)`,
  });
  const stamp = (job.finishedAt ?? job.createdAt).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `customers-${stamp}.${format}`, format, stream };
}

const GENDER = { male: '男', female: '女', unknown: '未知' } as const;
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

/** Headers an import maps back (姓名, 手机号, 性别, 生日, 标签…), then the custom fields by label. */
async function rowWriter(ctx: Ctx, pii: boolean) {
  const defs = await findFieldDefs(ctx.db, ctx.tenantId);
  const { timeZone } = await getSettings(ctx);
  const fmt = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const time = (d: Date | null) => (d ? fmt.format(d) : '');
  const header = [
    '客户ID',
    '姓名',
    '昵称',
    '性别',
    '手机号',
    '邮箱',
    '生日',
    '农历生日',
    '省份',
    '城市',
    '区县',
    '来源渠道',
    '阶段',
    '标签',
    '归属员工',
    '门店',
    '订单数',
    '累计消费(元)',
    '最近活跃',
    '创建时间',
    ...defs.map((d) => d.label),
  ];
  async function rows(page: ExportRow[]) {
    const ids = page.map((r) => r.id);
    const [tagRows, staff, stores] = await Promise.all([
      tagsOfCustomers(ctx.db, ctx.tenantId, ids),
      staffSummaries(
        ctx,
        page.map((r) => r.primaryOwnerId).filter((x): x is string => !!x),
      ),
      orgUnitSummaries(
        ctx,
        page.map((r) => r.storeId).filter((x): x is string => !!x),
      ),
    ]);
    const tagsBy = new Map<string, string[]>();
    for (const t of tagRows) tagsBy.set(t.customerId, [...(tagsBy.get(t.customerId) ?? []), t.name]);
    return page.map((r) => [
      r.id,
      r.name ?? '',
      r.nickname ?? '',
      GENDER[r.gender],
      r.phone ? (pii ? r.phone : maskPhoneNumber(r.phone)) : '',
      r.email ? (pii ? r.email : maskEmail(r.email)) : '',
      r.birthday ?? '',
      r.lunarBirthday ?? '',
      r.province ?? '',
      r.city ?? '',
      r.district ?? '',
      r.sourceChannel ?? '',
      r.stage,
      (tagsBy.get(r.id) ?? []).join(','),
      r.primaryOwnerId ? (staff.get(r.primaryOwnerId)?.name ?? '') : '',
      r.storeId ? (stores.get(r.storeId)?.name ?? '') : '',
      r.orderCount,
      yuan(r.totalSpent),
      time(r.lastActiveAt),
      time(r.createdAt),
      ...defs.map((d) => {
        const v = r.custom[d.key];
        return Array.isArray(v) ? v.join(',') : v == null ? '' : String(v);
      }),
    ]);
  }
  return { header, rows };
}

/** A sink for rows in the format: `add` respects back-pressure; `done` waits for the stored file. */
async function sinkFor(format: FileFormat, key: string) {
  const pass = new PassThrough();
  const stored = fileStore().put(key, pass);
  if (format === 'csv') {
    const csv = stringify({ bom: true });
    csv.pipe(pass);
    return {
      add: async (row: unknown[]) => {
        if (!csv.write(row)) await new Promise((r) => csv.once('drain', r));
      },
      done: async () => {
        csv.end();
        return stored;
      },
    };
  }
  const ExcelJS = await excel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('客户');
  return {
    add: async (row: unknown[]) => ws.addRow(row).commit(),
    done: async () => {
      ws.commit();
      await wb.commit();
      return stored;
    },
  };
}

async function runExport(ctx: Ctx, job: DataJobRow, p: ExportParams) {
  const where = await filterCondition(ctx, p.filter);
  const total = await countMatching(ctx.db, where);
  const progress = { total, processed: 0, succeeded: 0, failed: 0 };
  await reportProgress(ctx, job.id, progress);
  const pii = p.actor.permissions.includes('customers.pii');
  const writer = await rowWriter(ctx, pii);
  const key = jobFileKey(ctx.tenantId, job.id, `customers.${p.format}`);
  const sink = await sinkFor(p.format, key);
  await sink.add(writer.header);
  let before: string | null = null;
  for (;;) {
    const page = await pageMatching(ctx.db, where, before, PAGE);
    for (const row of await writer.rows(page)) await sink.add(row);
    progress.processed += page.length;
    progress.succeeded += page.length;
    await reportProgress(ctx, job.id, progress);
    if (page.length < PAGE) break;
    before = page.at(-1)!.id;
  }
  await sink.done();
  return { key, progress };
}

export const exportJob: JobDef = {
  retryLimit: 2,
  async handle(env) {
    const { tenantId, jobId } = env.data as { tenantId: string; jobId: string };
    const system = env.ctxFor(tenantId);
    const job = await getDataJob(system, jobId, 'export', 'customers').catch(() => null);
    if (!job || job.status === 'done') return;
    const p = job.params as ExportParams;
    // The requester's identity and data scope, as they were when they asked.
    const ctx = makeCtx({
      tenantId,
      actor: p.actor,
      scope: p.scope,
      db: env.db,
      clock: env.clock,
      log: env.log,
      ip: null,
    });
    await startDataJob(system, jobId);
    try {
      const { key, progress } = await runExport(ctx, job, p);
      await finishDataJob(system, jobId, { status: 'done', resultPath: key });
      await system.audit({
        action: 'customer_export.finish',
        entityType: 'data_job',
        entityId: jobId,
        summary: `Customer export ready: ${progress.succeeded} customers (${p.format.toUpperCase()})`,
      });
    } catch (e) {
      await finishDataJob(system, jobId, { status: 'failed', error: (e as Error).message });
      throw e;
    }
  },
};
