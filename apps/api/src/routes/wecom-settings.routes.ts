import { wecomSettingsRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { mount } from '../http/mount';

/** `/api/admin/settings/wecom`: the tenant's WeCom app and callback keys (secret write-only), test, generator. */
export function wecomSettingsRoutes(app: FastifyInstance, rt: Runtime) {
  const publicUrl = rt.config.publicUrl;
  mount(app, rt, r.get, ({ ctx }) => messaging.wecomSettingsView(ctx, publicUrl));
  mount(app, rt, r.update, ({ ctx, body }) => messaging.updateWecomSettings(ctx, body, { publicUrl }), { tx: false });
  // Outside a transaction: the test calls WeCom.
  mount(app, rt, r.test, ({ ctx }) => messaging.testWecomSettings(ctx), { tx: false });
  mount(app, rt, r.generate, async () => messaging.newCallbackSecrets(), { tx: false });
}
