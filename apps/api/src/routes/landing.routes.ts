import { landingRoutes as r, shopLandingRoutes as s } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/**
 * 落地页 landing pages: staff manage them (channels.read / channels.write) with stats and a QR of the
 * public address; visitors (public, no login) read a published page, the nearest store's code to
 * their position, and record their visit (once a day; rate limited per IP).
 */
export function landingRoutes(app: FastifyInstance, rt: Runtime) {
  const opts = { publicUrl: rt.config.publicUrl };
  const deps = { limiter: rt.limiter };
  mount(app, rt, r.list, ({ ctx, query }) => messaging.listLandingPages(ctx, query, opts));
  mount(app, rt, r.create, ({ ctx, body }) => messaging.createLandingPage(ctx, body, opts));
  mount(app, rt, r.get, ({ ctx, params }) => messaging.getLandingPage(ctx, params.id, opts));
  mount(app, rt, r.update, ({ ctx, params, body }) => messaging.updateLandingPage(ctx, params.id, body, opts));
  mount(app, rt, r.remove, ({ ctx, params }) => messaging.deleteLandingPage(ctx, params.id));
  mount(app, rt, r.stats, ({ ctx, params, query }) => messaging.landingStats(ctx, params.id, query));
  mount(app, rt, r.qr, async ({ ctx, params, reply }) => {
    const qr = await messaging.landingQrSvg(ctx, params.id, opts);
    reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-disposition', `inline; filename="${qr.fileName}"`)
      .header('x-content-type-options', 'nosniff');
    return Buffer.from(qr.svg) as never;
  });

  mount(app, rt, s.page, ({ ctx, params }) => messaging.publicLandingPage(ctx, params.page));
  mount(app, rt, s.nearest, ({ ctx, params, query }) =>
    messaging.nearestLandingCode(ctx, deps, params.page, { lat: query.lat, lng: query.lng }),
  );
  // Not in one transaction: the rate-limit hit counts even when the request fails.
  mount(app, rt, s.visit, ({ ctx, params, body }) => messaging.recordLandingVisit(ctx, deps, params.page, body), {
    tx: false,
  });
}
