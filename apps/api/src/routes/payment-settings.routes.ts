import { paymentSettingsRoutes as r } from '@siyu/contracts';
import * as orders from '@siyu/core/orders';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** A tenant's WeChat Pay and Alipay merchant settings: secrets write-only, a local and online key test. */
export function paymentSettingsRoutes(app: FastifyInstance, rt: Runtime) {
  const opts = { publicUrl: rt.config.publicUrl };
  mount(app, rt, r.get, ({ ctx }) => orders.getPaymentSettings(ctx, opts));
  // Own transaction: the cached providers are dropped after the commit.
  mount(app, rt, r.update, ({ ctx, body }) => orders.updatePaymentSettings(ctx, body, opts), { tx: false });
  // Outside a transaction: the online check calls the provider.
  mount(app, rt, r.test, ({ ctx, body }) => orders.testPaymentSettings(ctx, body), { tx: false });
}
