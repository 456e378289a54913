import { dataJobRoutes as r } from '@siyu/contracts';
import * as customers from '@siyu/core/customers';
import { badRequest, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { mount } from '../http/mount';

/** Largest upload: a 100k-row customer sheet is about 10 MB as CSV, less as XLSX. */
export const UPLOAD_LIMIT = 50 * 1024 * 1024;

const attachment = (reply: FastifyReply, fileName: string, type: string) =>
  reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dataJobRoutes(app: FastifyInstance, rt: Runtime) {
  // The upload takes the file as the raw body, whatever its type; its content decides (see uploadImport).
  app.register(async (raw) => {
    raw.addHook('onRoute', (route) => {
      route.bodyLimit = UPLOAD_LIMIT; // the app's 1 MB limit would win over the parser's
    });
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    mount(raw, rt, r.uploadImport, async ({ ctx, query, req }) => {
      if (!Buffer.isBuffer(req.body))
        throw badRequest('NO_FILE', `Send ${query.fileName} as the request body (content-type text/csv or ${XLSX})`);
      return customers.uploadImport(ctx, {
        fileName: query.fileName,
        body: req.body,
        contentType: req.headers['content-type'],
      });
    });
  });
  mount(app, rt, r.listImports, ({ ctx, query }) => customers.listImports(ctx, query));
  mount(app, rt, r.startImport, ({ ctx, params, body }) => customers.startImport(ctx, params.id, body));
  mount(app, rt, r.getImport, ({ ctx, params }) => customers.getImport(ctx, params.id));
  mount(app, rt, r.importErrors, ({ ctx, params, query }) => customers.importErrors(ctx, params.id, query));
  mount(app, rt, r.importErrorsCsv, async ({ ctx, params, reply }) => {
    const { fileName, stream } = await customers.importErrorsCsv(ctx, params.id);
    attachment(reply, fileName, 'text/csv; charset=utf-8');
    return stream as never;
  });
  mount(app, rt, r.createExport, ({ ctx, body }) => customers.createExport(ctx, body));
  mount(app, rt, r.listExports, ({ ctx, query }) => customers.listExports(ctx, query));
  mount(app, rt, r.getExport, ({ ctx, params }) => customers.getExport(ctx, params.id));
  mount(app, rt, r.downloadExport, async ({ ctx, params, reply }) => {
    const { fileName, format, stream } = await customers.openExportDownload(ctx, params.id);
    attachment(reply, fileName, format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
    return stream as never;
  });
}
