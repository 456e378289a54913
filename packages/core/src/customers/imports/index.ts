/** customers/imports: public surface of this aggregate (re-exported by customers/index.ts). */
import type { Registry } from '../../platform';
import { EXPORT_JOB, exportJob } from './export.service';
import { importJob } from './import.jobs';
import { IMPORT_JOB } from './import.service';

export { assignPrimaryOwners } from './backfill';
export { createExport, getExport, listExports, openExportDownload } from './export.service';
export { getImport, importErrors, importErrorsCsv, listImports, startImport, uploadImport } from './import.service';
export { UPLOAD_TYPES } from './read-rows';
export { type BatchInput, type Outcome, resolveCustomersBatch } from './resolve-batch';

/** Jobs and subscribers of this aggregate. */
export const importsRegistry: Partial<Registry> = {
  jobs: { [IMPORT_JOB]: importJob, [EXPORT_JOB]: exportJob },
};
