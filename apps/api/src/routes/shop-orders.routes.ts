import { shopOrderRoutes as r } from '@siyu/contracts';
import * as customers from '@siyu/core/customers';
import * as orders from '@siyu/core/orders';
import type { Ctx, Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { keepStatus, mount, type RouteRequest } from '../http/mount';

type Shopper = RouteRequest<typeof r.cart>['shopper'];
/** The customer behind the shop session (created and linked on first use). */
const customerOf = (ctx: Ctx, shopper: Shopper) =>
  customers.customerOfShopAccount(ctx, { id: shopper!.account.id, phone: shopper!.account.phone });

/** The storefront's cart, address book, checkout and orders (a logged-in shopper's own). */
export function shopOrderRoutes(app: FastifyInstance, rt: Runtime) {
  // Work that calls a payment provider commits piecewise (the provider must never wait on our locks).
  const noTx = { tx: false };

  mount(app, rt, r.cart, async ({ ctx, shopper }) => orders.getCart(ctx, await customerOf(ctx, shopper)));
  mount(app, rt, r.addToCart, async ({ ctx, shopper, body }) =>
    orders.addToCart(ctx, await customerOf(ctx, shopper), body),
  );
  mount(app, rt, r.updateCartItem, async ({ ctx, shopper, params, body }) =>
    orders.updateCartItem(ctx, await customerOf(ctx, shopper), params.skuId, body),
  );
  mount(app, rt, r.removeCartItem, async ({ ctx, shopper, params }) =>
    orders.removeCartItem(ctx, await customerOf(ctx, shopper), params.skuId),
  );
  mount(app, rt, r.quoteGuestCart, ({ ctx, body }) => orders.quoteGuestCart(ctx, body.items));
  mount(app, rt, r.mergeGuestCart, async ({ ctx, shopper, body }) =>
    orders.mergeGuestCart(ctx, await customerOf(ctx, shopper), body.items),
  );

  mount(app, rt, r.addresses, async ({ ctx, shopper }) => orders.listAddresses(ctx, await customerOf(ctx, shopper)));
  mount(app, rt, r.createAddress, async ({ ctx, shopper, body }) =>
    orders.createAddress(ctx, await customerOf(ctx, shopper), body),
  );
  mount(app, rt, r.updateAddress, async ({ ctx, shopper, params, body }) =>
    orders.updateAddress(ctx, await customerOf(ctx, shopper), params.id, body),
  );
  mount(app, rt, r.deleteAddress, async ({ ctx, shopper, params }) =>
    orders.deleteAddress(ctx, await customerOf(ctx, shopper), params.id),
  );
  mount(app, rt, r.pickupStores, ({ ctx }) => orders.pickupStores(ctx));

  mount(app, rt, r.preview, async ({ ctx, shopper, body }) =>
    orders.previewCheckout(ctx, await customerOf(ctx, shopper), body),
  );
  mount(
    app,
    rt,
    r.placeOrder,
    async ({ ctx, shopper, body, reply }) => {
      const placed = await orders.placeOrder(ctx, await customerOf(ctx, shopper), body);
      if (!placed.created) keepStatus(reply, 200);
      return placed.order;
    },
    noTx,
  );
  mount(app, rt, r.orders, async ({ ctx, shopper, query }) =>
    orders.myOrders(ctx, await customerOf(ctx, shopper), query),
  );
  mount(app, rt, r.orderCounts, async ({ ctx, shopper }) => orders.myOrderCounts(ctx, await customerOf(ctx, shopper)));
  mount(app, rt, r.order, async ({ ctx, shopper, params }) =>
    orders.orderById(ctx, params.id, await customerOf(ctx, shopper)),
  );
  mount(
    app,
    rt,
    r.pay,
    async ({ ctx, shopper, params, body }) => orders.payOrder(ctx, await customerOf(ctx, shopper), params.id, body),
    noTx,
  );
  mount(
    app,
    rt,
    r.cancel,
    async ({ ctx, shopper, params }) => {
      const customerId = await customerOf(ctx, shopper);
      await orders.endUnpaid(ctx, params.id, 'cancelled', { customerId, reason: 'cancelled by the shopper' });
      return orders.orderById(ctx, params.id, customerId);
    },
    noTx,
  );
  mount(app, rt, r.buyAgain, async ({ ctx, shopper, params }) =>
    orders.buyAgain(ctx, await customerOf(ctx, shopper), params.id),
  );
  mount(app, rt, r.confirmReceipt, async ({ ctx, shopper, params }) => {
    const customerId = await customerOf(ctx, shopper);
    await orders.confirmReceipt(ctx, params.id, customerId);
    return orders.orderById(ctx, params.id, customerId);
  });
}
