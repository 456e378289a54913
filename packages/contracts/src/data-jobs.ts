import { z } from 'zod';
import { idOf, PageQuery, pageOf, Timestamp } from './common';
import { CustomerFilter } from './customers';
import { route } from './routes';

/** Imports and exports of customers: long-running jobs with progress, a per-row error report and files. */
export const DataJobId = idOf('job');
export const DataJobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export const FileFormat = z.enum(['csv', 'xlsx']);
export type FileFormat = z.infer<typeof FileFormat>;

/** Profile fields a column can fill. `phone`, `email` and `unionid` are also identities (dedupe keys). */
export const IMPORT_FIELDS = [
  'name',
  'nickname',
  'gender',
  'birthday',
  'lunarBirthday',
  'province',
  'city',
  'district',
  'email',
  'phone',
  'unionid',
  'avatarUrl',
  'source',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Where a column goes: a profile field; `custom:<key>` (a defined custom field); or
 * `identity:<kind>[:<namespace>]` — `identity:openid:wx123` (openids of app wx123),
 * `identity:wecom_external:<corp id>`, `identity:platform_buyer:<platform>`: these kinds need their
 * namespace (see IDENTITY_NAMESPACES; starting an import without it answers 400 naming `mapping.<column>`).
 */
export const ImportTarget = z.union([
  z.enum(IMPORT_FIELDS),
  z.string().regex(/^custom:[a-z][a-z0-9_]{0,39}$/, 'must be custom:<field key>'),
  z
    .string()
    .regex(
      /^identity:(openid|wecom_external|platform_buyer|shop_account)(:[A-Za-z0-9_.-]{1,80})?$/,
      'must be identity:<kind> or identity:<kind>:<namespace>',
    ),
]);
export type ImportTarget = z.infer<typeof ImportTarget>;
/** Column header (as detected) → target; null or absent: the column is not imported. */
export const ImportMapping = z.record(z.string().max(200), ImportTarget.nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

export const StartImportInput = z.object({
  mapping: ImportMapping,
  /** Existing customers: `fill` sets only empty fields, `overwrite` replaces them with the file's values. */
  update: z.enum(['fill', 'overwrite']).default('fill'),
  /** Source channel of new customers when no column says it. */
  source: z.string().trim().min(1).max(60).default('import'),
  /** Group of the tags that the file names and that do not exist yet. */
  tagGroup: z.string().trim().min(1).max(100).default('导入标签'),
});
export type StartImportInput = z.output<typeof StartImportInput>;

export const DataJob = z.object({
  id: z.string(),
  kind: z.enum(['import', 'export']),
  entity: z.string(),
  status: DataJobStatus,
  fileName: z.string().nullable(),
  format: FileFormat,
  total: z.number().int().nullable().describe('rows in the file (imports) or matching the filter (exports)'),
  processed: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type DataJob = z.infer<typeof DataJob>;

export const ImportJob = DataJob.extend({
  columns: z.array(z.string()).describe('headers of the first row, made unique'),
  sample: z.array(z.array(z.string())).describe('the first rows after the header'),
  suggestedMapping: ImportMapping,
  mapping: ImportMapping.nullable().describe('null until the import is started'),
  stats: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ExportJob = DataJob.extend({
  downloadUrl: z.string().nullable().describe('set when the file is ready'),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const ImportErrorRow = z.object({
  rowNo: z.number().int().describe('row number in the sheet; the header is row 1'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  raw: z.record(z.string(), z.unknown()),
});

export const CreateExportInput = z.object({
  filter: CustomerFilter.default({}),
  format: FileFormat.default('csv'),
});

const ImportId = z.object({ id: DataJobId });
const FileDownload = z.string().describe('the file itself (text/csv or xlsx), as an attachment');

export const dataJobRoutes = {
  uploadImport: route({
    method: 'POST',
    path: '/admin/customer-imports',
    audience: 'admin',
    permission: 'customers.import',
    summary:
      'Upload a CSV or XLSX file as the raw body (content-type text/csv or the xlsx type, at most 50 MB); ' +
      'answers the detected columns and a suggested mapping',
    query: z.object({ fileName: z.string().trim().min(1).max(200) }),
    response: ImportJob,
    status: 201,
  }),
  listImports: route({
    method: 'GET',
    path: '/admin/customer-imports',
    audience: 'admin',
    permission: 'customers.import',
    summary: 'Recent imports, newest first',
    query: PageQuery,
    response: pageOf(ImportJob),
  }),
  startImport: route({
    method: 'POST',
    path: '/admin/customer-imports/:id/start',
    audience: 'admin',
    permission: 'customers.import',
    summary: 'Start an uploaded import with a column mapping; runs as a background job',
    params: ImportId,
    body: StartImportInput,
    response: ImportJob,
  }),
  getImport: route({
    method: 'GET',
    path: '/admin/customer-imports/:id',
    audience: 'admin',
    permission: 'customers.import',
    summary: 'An import and its progress',
    params: ImportId,
    response: ImportJob,
  }),
  importErrors: route({
    method: 'GET',
    path: '/admin/customer-imports/:id/errors',
    audience: 'admin',
    permission: 'customers.import',
    summary: 'The rows that were not imported, with the field and the reason (cursor: the last row number)',
    params: ImportId,
    query: PageQuery,
    response: pageOf(ImportErrorRow),
  }),
  importErrorsCsv: route({
    method: 'GET',
    path: '/admin/customer-imports/:id/errors.csv',
    audience: 'admin',
    permission: 'customers.import',
    summary: 'The error report as CSV: row number, errors, then the original columns (fix and upload again)',
    params: ImportId,
    response: FileDownload,
  }),
  createExport: route({
    method: 'POST',
    path: '/admin/customer-exports',
    audience: 'admin',
    permission: 'customers.export',
    summary: 'Export the customers matching the list filters (within the data scope) as CSV or XLSX, in the background',
    body: CreateExportInput,
    response: ExportJob,
    status: 201,
  }),
  listExports: route({
    method: 'GET',
    path: '/admin/customer-exports',
    audience: 'admin',
    permission: 'customers.export',
    summary: 'Recent exports, newest first',
    query: PageQuery,
    response: pageOf(ExportJob),
  }),
  getExport: route({
    method: 'GET',
    path: '/admin/customer-exports/:id',
    audience: 'admin',
    permission: 'customers.export',
    summary: 'An export and its progress',
    params: ImportId,
    response: ExportJob,
  }),
  downloadExport: route({
    method: 'GET',
    path: '/admin/customer-exports/:id/download',
    audience: 'admin',
    permission: 'customers.export',
    summary: 'The exported file (409 EXPORT_NOT_READY until it is done); audited',
    params: ImportId,
    response: FileDownload,
  }),
};
