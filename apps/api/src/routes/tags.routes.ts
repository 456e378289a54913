import { tagRoutes as r } from '@siyu/contracts';
import * as customers from '@siyu/core/customers';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** Tag groups, tags, tagging customers and relationships (one by one and in bulk), tag rules. */
export function tagRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.listGroups, async ({ ctx }) => customers.listTagGroups(ctx));
  mount(app, rt, r.createGroup, async ({ ctx, body }) => customers.createTagGroup(ctx, body));
  mount(app, rt, r.updateGroup, async ({ ctx, params, body }) => customers.updateTagGroup(ctx, params.id, body));
  mount(app, rt, r.deleteGroup, async ({ ctx, params }) => customers.deleteTagGroup(ctx, params.id));

  mount(app, rt, r.listTags, async ({ ctx, query }) => customers.listTags(ctx, query));
  mount(app, rt, r.createTag, async ({ ctx, body }) => customers.createTag(ctx, body));
  mount(app, rt, r.updateTag, async ({ ctx, params, body }) => customers.updateTag(ctx, params.id, body));
  mount(app, rt, r.deleteTag, async ({ ctx, params }) => customers.deleteTag(ctx, params.id));

  mount(app, rt, r.customerTags, async ({ ctx, params }) => customers.listCustomerTags(ctx, params.id));
  mount(app, rt, r.changeCustomerTags, async ({ ctx, params, body }) =>
    customers.changeCustomerTags(ctx, params.id, body),
  );
  mount(app, rt, r.changeOwnerTags, async ({ ctx, params, body }) =>
    customers.changeOwnerTags(ctx, params.id, params.staffId, body),
  );
  mount(app, rt, r.tagHistory, async ({ ctx, params, query }) => customers.getTagHistory(ctx, params.id, query));
  mount(app, rt, r.bulkTags, async ({ ctx, body }) => customers.bulkTagCustomers(ctx, body));

  mount(app, rt, r.listRules, async ({ ctx }) => customers.listTagRules(ctx));
  mount(app, rt, r.getRule, async ({ ctx, params }) => customers.getTagRule(ctx, params.id));
  mount(app, rt, r.createRule, async ({ ctx, body }) => customers.createTagRule(ctx, body));
  mount(app, rt, r.updateRule, async ({ ctx, params, body }) => customers.updateTagRule(ctx, params.id, body));
  mount(app, rt, r.deleteRule, async ({ ctx, params }) => customers.deleteTagRule(ctx, params.id));
  mount(app, rt, r.runRule, async ({ ctx, params }) => customers.runTagRule(ctx, params.id));
  mount(app, rt, r.previewRule, async ({ ctx, body }) => customers.previewTagRule(ctx, body.condition));
}
