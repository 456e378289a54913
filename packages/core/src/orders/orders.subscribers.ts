import { addOrderStats, recordEvents } from '../customers';
import { subscriber } from '../platform';

/**
 * The customer side of orders (customers is earlier in the domain order, so orders calls it): a paid
 * order goes on the customer's timeline and into their order count and total spent; completions,
 * cancellations and closes go on the timeline. Each runs once per event (the outbox claims the
 * handler in the same savepoint); the timeline keys make a replay harmless too.
 */
export const ordersSubscribers = [
  subscriber({
    name: 'orders.feed-customer-paid',
    event: 'orders.order.paid',
    async handle(ctx, p) {
      const { accepted } = await recordEvents(ctx, [
        {
          customerId: p.customerId,
          type: 'order.paid',
          properties: { orderId: p.orderId, total: p.total },
          source: 'orders',
          idempotencyKey: `orders:paid:${p.orderId}`,
        },
      ]);
      if (accepted) await addOrderStats(ctx, p.customerId, p.total);
    },
  }),
  ...(['completed', 'cancelled', 'closed'] as const).map((what) =>
    subscriber({
      name: `orders.feed-customer-${what}`,
      event: `orders.order.${what}`,
      async handle(ctx, p) {
        await recordEvents(ctx, [
          {
            customerId: p.customerId,
            type: `order.${what}`,
            properties: { orderId: p.orderId, ...('total' in p ? { total: p.total } : {}) },
            source: 'orders',
            idempotencyKey: `orders:${what}:${p.orderId}`,
          },
        ]);
      },
    }),
  ),
];
