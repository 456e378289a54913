import { liveCodeQrRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import { conflict, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { mount } from '../http/mount';

/**
 * A `fetch` that answers URLs on this server's own public URL in process (app.inject) — in the demo a
 * code's `qr_code` is an image the sandbox serves here, and the public URL (a proxy, a phone-reachable
 * address) may not be reachable from the server itself — and everything else over the network.
 */
export function sameServerFetch(app: FastifyInstance, publicUrl: string): typeof fetch {
  const own = `${publicUrl.replace(/\/+$/, '')}/`;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(own)) return fetch(input, init);
    const res = await app.inject({ method: 'GET', url: `/${url.slice(own.length)}` });
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/octet-stream') },
    });
  }) as typeof fetch;
}

/** Headers of a file download named `fileName` (ASCII fallback and the UTF-8 name); answer the bytes after. */
export const fileHeaders = (reply: FastifyReply, file: { fileName: string; contentType: string }) =>
  reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'private, max-age=300');

/**
 * `GET /api/admin/live-codes/:id/qr`: the live code's QR as a PNG or SVG file of a print size with
 * the brand logo. Group codes reuse `messaging.qrCodeFile` with their join way's `qr_code`.
 */
export function liveCodeQrRoutes(app: FastifyInstance, rt: Runtime) {
  const qrFetch = sameServerFetch(app, rt.config.publicUrl);
  mount(app, rt, r.download, async ({ ctx, params, query, reply }) => {
    const code = await messaging.getLiveCode(ctx, params.id);
    if (!code.qrCodeUrl)
      throw conflict(
        'LIVE_CODE_NO_QR',
        'This live code has no WeCom QR code yet (WeCom refused it or it is not applied)',
      );
    const file = await messaging.qrCodeFile(
      ctx,
      { imageUrl: code.qrCodeUrl, format: query.format, size: query.size, logo: query.logo, baseName: code.name },
      { fetch: qrFetch },
    );
    fileHeaders(reply, file);
    return file.body as never;
  });
}
