import { ORDER_LIMITS } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as orders from '@siyu/core/orders';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';

const NOTIFICATION_LIMIT = ORDER_LIMITS.notificationBytes;

/**
 * `/webhooks`: messages from providers, authenticated by their signatures, never by a session (R6).
 * The body stays raw bytes: signatures cover the exact bytes.
 */
export function webhookRoutes(app: FastifyInstance, rt: Runtime) {
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: NOTIFICATION_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    raw.post<{ Params: { tenantSlug: string; provider: string } }>(
      '/webhooks/payments/:tenantSlug/:provider',
      { schema: { hide: true } },
      async (req, reply) => {
        const lookup = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'payment-notification' } });
        const tenant = await access.shopTenant(lookup, req.params.tenantSlug).catch(() => null);
        const ctx = tenant
          ? rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'payment-notification' } })
          : null;
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const ack = ctx ? await orders.handlePaymentNotification(ctx, req.params.provider, body, req.headers) : null;
        if (!ack) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such shop or provider' } });
        return reply.code(ack.status).headers(ack.headers).send(ack.body);
      },
    );
  });
}
