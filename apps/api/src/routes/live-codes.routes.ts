import { liveCodeRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** `/api/admin/live-codes`: 渠道活码 (WeCom contact ways with rotation, caps, schedule, welcome), stats, default welcome. */
export function liveCodeRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.list, ({ ctx, query }) => messaging.listLiveCodes(ctx, query));
  // create, change and delete call WeCom; each runs its own transaction around the call
  mount(app, rt, r.create, ({ ctx, body }) => messaging.createLiveCode(ctx, body), { tx: false });
  mount(app, rt, r.getDefaultWelcome, ({ ctx }) => messaging.getDefaultWelcome(ctx));
  mount(app, rt, r.putDefaultWelcome, ({ ctx, body }) => messaging.setDefaultWelcome(ctx, body), { tx: false });
  mount(app, rt, r.get, ({ ctx, params }) => messaging.getLiveCode(ctx, params.id));
  mount(app, rt, r.update, ({ ctx, params, body }) => messaging.updateLiveCode(ctx, params.id, body), { tx: false });
  mount(app, rt, r.remove, ({ ctx, params }) => messaging.deleteLiveCode(ctx, params.id), { tx: false });
  mount(app, rt, r.stats, ({ ctx, params, query }) => messaging.liveCodeStats(ctx, params.id, query));
}
