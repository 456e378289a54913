import { customerRoutes as r, shopEventRoutes } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as customers from '@siyu/core/customers';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { SHOP_COOKIE } from '../http/cookies';
import { mount } from '../http/mount';

export function customerRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.list, async ({ ctx, query }) => customers.listCustomers(ctx, query));
  mount(app, rt, r.count, async ({ ctx, query }) => customers.countCustomers(ctx, query));
  mount(app, rt, r.get, async ({ ctx, params }) => customers.getCustomer(ctx, params.id));
  mount(app, rt, r.create, async ({ ctx, body }) => customers.createCustomer(ctx, body));
  mount(app, rt, r.update, async ({ ctx, params, body }) => customers.updateCustomer(ctx, params.id, body));
  mount(app, rt, r.timeline, async ({ ctx, params, query }) => {
    await customers.getVisibleCustomer(ctx, params.id);
    return customers.getTimeline(ctx, params.id, query);
  });
  mount(app, rt, r.addIdentity, async ({ ctx, params, body }) => customers.addIdentity(ctx, params.id, body));
  mount(app, rt, r.removeIdentity, async ({ ctx, params, body }) => customers.removeIdentity(ctx, params.id, body));
  mount(app, rt, r.merge, async ({ ctx, params, body }) =>
    customers.mergeInto(ctx, params.id, body.otherId, body.reason),
  );
  mount(app, rt, r.unmerge, async ({ ctx, params }) => customers.undoMergeOf(ctx, params.id, params.mergeId));
  mount(app, rt, r.addOwner, async ({ ctx, params, body }) => customers.addOwner(ctx, params.id, body));
  mount(app, rt, r.removeOwner, async ({ ctx, params }) => customers.removeOwner(ctx, params.id, params.staffId));
  mount(app, rt, r.transfer, async ({ ctx, body }) => customers.transferCustomers(ctx, body));
  mount(app, rt, r.handover, async ({ ctx, body }) => customers.handoverCustomers(ctx, body));
  mount(app, rt, r.setConsent, async ({ ctx, params, body }) => customers.setConsent(ctx, params.id, body));
  mount(app, rt, r.exportPersonalData, async ({ ctx, params }) => customers.exportPersonalData(ctx, params.id));
  mount(app, rt, r.erase, async ({ ctx, params, body }) => customers.eraseCustomer(ctx, params.id, body.reason));
  mount(app, rt, r.listFields, async ({ ctx }) => customers.listCustomFields(ctx));
  mount(app, rt, r.createField, async ({ ctx, body }) => customers.createCustomField(ctx, body));
  mount(app, rt, r.updateField, async ({ ctx, params, body }) => customers.updateCustomField(ctx, params.id, body));
  mount(app, rt, r.deleteField, async ({ ctx, params }) => customers.deleteCustomField(ctx, params.id));
  mount(app, rt, r.ingestEvents, async ({ ctx, body }) => customers.ingestAdminEvents(ctx, body.events), { tx: false });

  // Tracking is public; only a logged-in shopper's events (with the session's CSRF token) are kept.
  mount(
    app,
    rt,
    shopEventRoutes.track,
    async ({ ctx, req, body }) => {
      const shopper = await access.authenticateShopper(ctx, req.cookies[SHOP_COOKIE]).catch(() => null);
      const trusted = shopper && req.headers['x-csrf-token'] === shopper.csrfToken;
      const account = trusted ? { id: shopper.account.id, phone: shopper.account.phone } : null;
      return customers.ingestShopEvents(ctx, account, body.events);
    },
    { tx: false },
  );
}
