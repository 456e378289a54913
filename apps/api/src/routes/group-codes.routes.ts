import { groupCodeRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** 群活码: group codes (WeCom join ways over the registry's groups) and their statistics. */
export function groupCodeRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.list, ({ ctx, query }) => messaging.listGroupCodes(ctx, query));
  mount(app, rt, r.get, ({ ctx, params }) => messaging.getGroupCode(ctx, params.id));
  // Outside a transaction: WeCom is called first, the row saved after (the join way is removed if that fails).
  mount(app, rt, r.create, ({ ctx, body }) => messaging.createGroupCode(ctx, body), { tx: false });
  mount(app, rt, r.update, ({ ctx, params, body }) => messaging.updateGroupCode(ctx, params.id, body), { tx: false });
  mount(app, rt, r.remove, ({ ctx, params }) => messaging.deleteGroupCode(ctx, params.id), { tx: false });
  mount(app, rt, r.stats, ({ ctx, params, query }) => messaging.groupCodeStats(ctx, params.id, query));
}
