import { ownedChannelRoutes as r } from '@siyu/contracts';
import * as messaging from '@siyu/core/messaging';
import { type Ctx, inTransaction, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { mount } from '../http/mount';

/**
 * Owned channels: SMS and SMTP settings (secrets write-only) with test sends and the sent-messages log
 * (admin, settings permission); the public unsubscribe page of email links (GET shows, POST opts out;
 * RFC 8058 one-click POSTs there); and `/webhooks/sms/:tenantId/replies/:token`, where a provider
 * pushes SMS replies so that "T" opts the sender out (the token in the URL authenticates the push).
 */
export function messagingSettingsRoutes(app: FastifyInstance, rt: Runtime) {
  const opts = { publicUrl: rt.config.publicUrl };
  mount(app, rt, r.getSms, ({ ctx }) => messaging.smsSettingsView(ctx, opts.publicUrl));
  // Own transaction: the cached senders are dropped after the commit.
  mount(app, rt, r.updateSms, ({ ctx, body }) => messaging.updateSmsSettings(ctx, body, opts), { tx: false });
  // Outside a transaction: the test talks to the provider.
  mount(app, rt, r.testSms, ({ ctx, body }) => messaging.testSms(ctx, body), { tx: false });
  mount(app, rt, r.getEmail, ({ ctx }) => messaging.emailSettingsView(ctx));
  mount(app, rt, r.updateEmail, ({ ctx, body }) => messaging.updateEmailSettings(ctx, body), { tx: false });
  mount(app, rt, r.testEmail, ({ ctx, body }) => messaging.testEmail(ctx, body), { tx: false });
  mount(app, rt, r.messages, ({ ctx, query }) => messaging.listOwnedMessages(ctx, query));
  app.register(async (raw) => publicRoutes(raw, rt));
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:6px;border:0;background:#1677ff;color:#fff;cursor:pointer}</style></head>
<body>${body}</body></html>`;

const html = (reply: FastifyReply, status: number, title: string, body: string) =>
  reply.code(status).header('content-type', 'text/html; charset=utf-8').send(page(title, body));

const NOT_FOUND =
  '<h1>链接无效 / Invalid link</h1><p>此退订链接无效或已过期。<br>This unsubscribe link is invalid or has expired.</p>';

type Params = { tenantId: string; token: string };

function publicRoutes(raw: FastifyInstance, rt: Runtime) {
  raw.removeAllContentTypeParsers();
  raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
  const ctxOf = (tenantId: string, name: string): Ctx => rt.ctx({ tenantId, actor: { kind: 'system', name } });

  raw.get<{ Params: Params }>('/unsubscribe/:tenantId/:token', { schema: { hide: true } }, async (req, reply) => {
    const ok = await messaging
      .checkUnsubscribeLink(ctxOf(req.params.tenantId, 'unsubscribe'), req.params.token)
      .catch(() => null);
    if (!ok) return html(reply, 404, '退订 / Unsubscribe', NOT_FOUND);
    return html(
      reply,
      200,
      '退订 / Unsubscribe',
      `<h1>退订邮件 / Unsubscribe</h1><p>确认后将不再收到本店的营销邮件。<br>You will no longer receive marketing emails from this shop.</p>
<form method="post"><button type="submit" autofocus>确认退订 / Unsubscribe</button></form>`,
    );
  });

  raw.post<{ Params: Params }>('/unsubscribe/:tenantId/:token', { schema: { hide: true } }, async (req, reply) => {
    const ctx = ctxOf(req.params.tenantId, 'unsubscribe');
    const done = await inTransaction(ctx, (tx) => messaging.unsubscribeByLink(tx, req.params.token)).catch(() => null);
    if (!done) return html(reply, 404, '退订 / Unsubscribe', NOT_FOUND);
    return html(
      reply,
      200,
      '已退订 / Unsubscribed',
      '<h1>已退订 / Unsubscribed</h1><p>您已退订。<br>You have been unsubscribed.</p>',
    );
  });

  raw.post<{ Params: Params }>(
    '/webhooks/sms/:tenantId/replies/:token',
    { schema: { hide: true } },
    async (req, reply) => {
      const replies = repliesOf(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      if (!replies)
        return reply
          .code(400)
          .send({ error: { code: 'BAD_BODY', message: 'Expected the JSON reply push of Aliyun or Tencent Cloud' } });
      const ctx = ctxOf(req.params.tenantId, 'sms-reply');
      const done = await inTransaction(ctx, (tx) => messaging.handleSmsReplies(tx, req.params.token, replies)).catch(
        () => null,
      );
      if (!done) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such reply endpoint' } });
      // Tencent Cloud expects {result:0, errmsg}, Alibaba Cloud {code:0, msg}.
      return reply.send({ result: 0, errmsg: 'OK', code: 0, msg: '成功', ...done });
    },
  );
}

/** Tencent pushes one object {mobile, text}; Aliyun an array of {phone_number, content}. */
function repliesOf(body: Buffer): messaging.SmsReply[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: messaging.SmsReply[] = [];
  for (const item of items.slice(0, 1000)) {
    const o = (item ?? {}) as Record<string, unknown>;
    const phone = o.mobile ?? o.phone_number;
    const text = o.text ?? o.content;
    if (typeof phone !== 'string' || typeof text !== 'string') return null;
    out.push({ phone, text });
  }
  return out;
}
