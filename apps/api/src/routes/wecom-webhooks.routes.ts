import * as messaging from '@siyu/core/messaging';
import { AppError, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** WeCom posts small XML or JSON envelopes; 256 KiB is far above any event. */
const BODY_LIMIT = 256 * 1024;

type Params = { tenantId: string };
type Query = { msg_signature?: string; timestamp?: string; nonce?: string; echostr?: string };

const fail = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

function signedOf(q: Query) {
  for (const k of ['msg_signature', 'timestamp', 'nonce'] as const) if (!q[k]) return { missing: k };
  return { msgSignature: q.msg_signature!, timestamp: q.timestamp!, nonce: q.nonce! };
}

/**
 * `/webhooks/wecom/:tenantId` — the callback URL a tenant pastes into WeCom (docs/wecom.md). GET is
 * URL verification (the bare decrypted echostr); POST a delivery (XML or JSON), stored, then answered
 * at once and processed by a job (the welcome path inside the request). A bad signature or ciphertext
 * answers 4xx and stores nothing. Authenticated by the signature, never by a session (R6).
 */
export function wecomWebhookRoutes(app: FastifyInstance, rt: Runtime) {
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    const ctxOf = (tenantId: string) => rt.ctx({ tenantId, actor: { kind: 'system', name: 'wecom-callback' } });
    const run = async (reply: FastifyReply, fn: () => Promise<unknown>) => {
      try {
        return await fn();
      } catch (e) {
        if (e instanceof AppError) return fail(reply, e.status, e.code, e.message);
        throw e;
      }
    };

    raw.get<{ Params: Params; Querystring: Query }>(
      '/webhooks/wecom/:tenantId',
      { schema: { hide: true } },
      (req, reply) =>
        run(reply, async () => {
          const signed = signedOf(req.query);
          if ('missing' in signed) return fail(reply, 400, 'VALIDATION_FAILED', `${signed.missing}: is required`);
          if (!req.query.echostr) return fail(reply, 400, 'VALIDATION_FAILED', 'echostr: is required');
          const plain = await messaging.verifyWecomCallbackUrl(ctxOf(req.params.tenantId), {
            ...signed,
            echostr: req.query.echostr,
          });
          return reply.type('text/plain; charset=utf-8').send(plain);
        }),
    );

    raw.post<{ Params: Params; Querystring: Query }>(
      '/webhooks/wecom/:tenantId',
      { schema: { hide: true } },
      (req, reply) =>
        run(reply, async () => {
          const signed = signedOf(req.query);
          if ('missing' in signed) return fail(reply, 400, 'VALIDATION_FAILED', `${signed.missing}: is required`);
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          await messaging.receiveWecomCallback(ctxOf(req.params.tenantId), signed, body);
          // WeCom wants HTTP 200 within 5 s; an empty body (or "success") acknowledges.
          return reply.type('text/plain; charset=utf-8').send('');
        }),
    );
  });
}
