import { adminOrderRoutes as r } from '@siyu/contracts';
import * as orders from '@siyu/core/orders';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** The admin console's orders: list, detail, changes before payment, shipping, statistics, settings. */
export function orderRoutes(app: FastifyInstance, rt: Runtime) {
  mount(app, rt, r.list, ({ ctx, query }) => orders.listOrders(ctx, query));
  mount(app, rt, r.export, async ({ ctx, query, reply }) => {
    const csv = await orders.exportOrders(ctx, query);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="orders.csv"`);
    return csv as never;
  });
  mount(app, rt, r.stats, ({ ctx, query }) => orders.dailyStats(ctx, query));
  mount(app, rt, r.settings, ({ ctx }) => orders.getOrderSettings(ctx));
  mount(app, rt, r.updateSettings, ({ ctx, body }) => orders.updateOrderSettings(ctx, body));
  mount(app, rt, r.get, ({ ctx, params }) => orders.adminOrder(ctx, params.id));
  mount(app, rt, r.changeAddress, async ({ ctx, params, body }) => {
    await orders.changeAddress(ctx, params.id, body.address, body.reason);
    return orders.adminOrder(ctx, params.id);
  });
  mount(app, rt, r.adjustPrice, async ({ ctx, params, body }) => {
    await orders.adjustPrice(ctx, params.id, body.adjustment, body.reason);
    return orders.adminOrder(ctx, params.id);
  });
  mount(
    app,
    rt,
    r.cancel,
    async ({ ctx, params, body }) => {
      await orders.endUnpaid(ctx, params.id, 'cancelled', { reason: body.reason });
      return orders.adminOrder(ctx, params.id);
    },
    { tx: false }, // the payment is closed with the provider before the stock is released
  );
  mount(app, rt, r.ship, async ({ ctx, params, body }) => {
    await orders.shipOrder(ctx, params.id, body);
    return orders.adminOrder(ctx, params.id);
  });
  mount(app, rt, r.deliver, async ({ ctx, params }) => {
    await orders.deliverOrder(ctx, params.id);
    return orders.adminOrder(ctx, params.id);
  });
  mount(app, rt, r.addRemark, async ({ ctx, params, body }) => {
    await orders.addRemark(ctx, params.id, body.text);
    return orders.adminOrder(ctx, params.id);
  });
}
