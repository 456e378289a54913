/**
 * DEMO MODE ONLY: the owned-channel sandboxes. `/sandbox/sms/aliyun/` and `/sandbox/sms/tencent/`
 * speak Alibaba Cloud's and Tencent Cloud's SendSms (signatures checked as the real services do) with
 * keys generated at every start; a local SMTP server on 127.0.0.1 takes the mails. The demo tenant's
 * SMS and email settings point at them (marked sandbox); `/sandbox/sms/messages` and
 * `/sandbox/mail/messages` show what was "delivered".
 */
import { randomBytes } from 'node:crypto';
import * as access from '@siyu/core/access';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { DEMO } from './seed';

export const SMS_SANDBOX_PATH = '/sandbox/sms';
export const MAIL_SANDBOX_PATH = '/sandbox/mail';
const SIGN_NAME = '思域商城';

/** The demo's approved templates (the sandbox knows them as a provider would after approval). */
export const DEMO_SMS_TEMPLATES = [
  {
    key: 'verify_code',
    name: '验证码',
    code: 'SMS_100001',
    params: ['code'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' variable syntax
    text: '您的验证码为${code}，5分钟内有效。',
    marketing: false,
  },
  {
    key: 'order_shipped',
    name: '发货通知',
    code: 'SMS_100002',
    params: ['name', 'order'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' variable syntax
    text: '${name}您好，订单${order}已发货，请留意查收。',
    marketing: false,
  },
  {
    key: 'promo',
    name: '会员活动',
    code: 'SMS_100003',
    params: ['name', 'offer'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' variable syntax
    text: '${name}您好，会员专享${offer}，本周有效。回T退订',
    marketing: true,
  },
];

export type DemoOwned = {
  sms: messaging.SmsSandbox;
  smtp: messaging.SmtpSandbox;
  /** Points a tenant's SMS (Aliyun protocol) and email at the sandboxes at `baseUrl` (where this API listens). */
  configureTenant(tenantId: string, baseUrl: string, provider?: 'aliyun' | 'tencent'): Promise<void>;
};

const wired = new WeakMap<FastifyInstance, DemoOwned>();
export const demoOwnedOf = (app: FastifyInstance) => wired.get(app) ?? null;

export async function wireDemoOwnedChannels(app: FastifyInstance, rt: Runtime) {
  if (rt.config.mode !== 'demo') return null;
  const keys = {
    aliyun: { keyId: `LTAI${randomBytes(8).toString('hex')}`, secret: randomBytes(15).toString('base64url') },
    tencent: { keyId: `AKID${randomBytes(16).toString('hex')}`, secret: randomBytes(16).toString('hex') },
  };
  const sdkAppId = '1400000001';
  const templates = DEMO_SMS_TEMPLATES.map((t) => ({ code: t.code, text: t.text, params: t.params }));
  const sms = messaging.createSmsSandbox({
    clock: rt.clock,
    accounts: [
      { provider: 'aliyun', keyId: keys.aliyun.keyId, secret: keys.aliyun.secret, signNames: [SIGN_NAME], templates },
      {
        provider: 'tencent',
        keyId: keys.tencent.keyId,
        secret: keys.tencent.secret,
        sdkAppId,
        signNames: [SIGN_NAME],
        templates: templates.map((t) => ({ ...t, code: t.code.replace('SMS_', '') })),
      },
    ],
  });
  const smtp = await messaging.startSmtpSandbox({ now: () => rt.clock.now() });
  app.addHook('onClose', () => smtp.close());

  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    for (const p of ['aliyun', 'tencent'])
      raw.post(`${SMS_SANDBOX_PATH}/${p}/`, { schema: { hide: true } }, async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const out = sms.handle({ method: req.method, path: req.url, headers: req.headers, body });
        return reply
          .code(out.status)
          .headers(out.headers ?? {})
          .send(out.body);
      });
    raw.get<{ Querystring: { phone?: string } }>(
      `${SMS_SANDBOX_PATH}/messages`,
      { schema: { hide: true } },
      async (req) => ({
        items: sms.messages({ phone: req.query.phone }),
      }),
    );
    raw.get<{ Querystring: { to?: string } }>(
      `${MAIL_SANDBOX_PATH}/messages`,
      { schema: { hide: true } },
      async (req) => ({
        items: smtp.mails({ to: req.query.to }),
      }),
    );
  });

  const configureTenant = async (tenantId: string, baseUrl: string, provider: 'aliyun' | 'tencent' = 'aliyun') => {
    const ctx = rt.ctx({ tenantId, actor: { kind: 'system', name: 'demo' } });
    await messaging.saveSandboxSmsSettings(ctx, {
      provider,
      keyId: keys[provider].keyId,
      keySecret: keys[provider].secret,
      ...(provider === 'tencent' ? { sdkAppId } : {}),
      endpoint: `${baseUrl}${SMS_SANDBOX_PATH}/${provider}/`,
      signName: SIGN_NAME,
      templates:
        provider === 'aliyun'
          ? DEMO_SMS_TEMPLATES
          : DEMO_SMS_TEMPLATES.map((t) => ({ ...t, code: t.code.replace('SMS_', '') })),
    });
    await messaging.saveSandboxEmailSettings(ctx, {
      host: smtp.host,
      port: smtp.port,
      fromAddress: `shop@${DEMO.slug}.demo.siyu`,
      fromName: SIGN_NAME,
    });
  };

  const demo = await access.getTenantBySlug(rt.db, DEMO.slug).catch(() => null);
  if (demo) await configureTenant(demo.id, rt.config.publicUrl);
  const out = { sms, smtp, configureTenant };
  wired.set(app, out);
  return out;
}
