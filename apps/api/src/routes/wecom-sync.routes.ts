import { wecomSyncRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** `/api/admin/wecom/members` (staff ↔ WeCom member links) and `/api/admin/wecom/sync` (runs with progress). */
export function wecomSyncRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.members, ({ ctx }) => messaging.listWecomMembers(ctx));
  mount(app, rt, r.link, ({ ctx, params, body }) => messaging.linkWecomMember(ctx, params.userid, body.staffId));
  mount(app, rt, r.start, ({ ctx, body }) => messaging.startWecomSync(ctx, body.what));
  mount(app, rt, r.runs, ({ ctx }) => messaging.listWecomSyncRuns(ctx));
  mount(app, rt, r.run, ({ ctx, params }) => messaging.getWecomSyncRun(ctx, params.id));
}
