import { groupRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** 客户群: the groups registry (list, detail with members, tags), group tags, the sync from WeCom. */
export function groupRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.list, ({ ctx, query }) => messaging.listGroups(ctx, query));
  mount(app, rt, r.get, ({ ctx, params }) => messaging.getGroup(ctx, params.id));
  mount(app, rt, r.setTags, ({ ctx, params, body }) => messaging.setGroupTags(ctx, params.id, body));
  mount(app, rt, r.listTags, ({ ctx }) => messaging.listGroupTags(ctx));
  mount(app, rt, r.createTag, ({ ctx, body }) => messaging.createGroupTag(ctx, body));
  mount(app, rt, r.updateTag, ({ ctx, params, body }) => messaging.updateGroupTag(ctx, params.id, body));
  mount(app, rt, r.deleteTag, ({ ctx, params }) => messaging.deleteGroupTag(ctx, params.id));
  mount(app, rt, r.startSync, ({ ctx }) => messaging.startGroupSync(ctx, 'manual'), { tx: false });
  mount(app, rt, r.latestSync, ({ ctx }) => messaging.latestGroupSync(ctx));
  mount(app, rt, r.getSync, ({ ctx, params }) => messaging.getGroupSync(ctx, params.id));
}
