/**
 * DEMO MODE ONLY: the WeChat Pay API v3 sandbox served by the API itself under /sandbox/wechatpay,
 * with a merchant key pair and APIv3 key generated at every start, and the demo tenant's WeChat Pay
 * provider pointed at it. The sandbox speaks the real protocol (signed requests and answers, AES-GCM
 * notifications), so payments go through the same verification code as production.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as access from '@siyu/core/access';
import * as orders from '@siyu/core/orders';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { alipayCashier } from './alipay-cashier';
import { sandboxCashier } from './sandbox-cashier';
import { DEMO } from './seed';

export const SANDBOX_PATH = '/sandbox/wechatpay';
export const ALIPAY_SANDBOX_PATH = '/sandbox/alipay';
const ALIPAY_APP_ID = '2021000000000001';
const MCHID = '1900000109';
const APPID = 'wxsiyudemo0000001';
const SERIAL = 'SIYU_DEMO_MERCHANT_SERIAL';

export type DemoPayments = {
  sandbox: orders.WechatPaySandbox;
  alipay: orders.AlipaySandbox;
  mchid: string;
  /** Gives a tenant a WeChat Pay provider talking to the sandbox at `baseUrl` (where this API listens). */
  configureTenant(tenantId: string, slug: string, baseUrl: string): void;
};

const wired = new WeakMap<FastifyInstance, DemoPayments>();
/** The sandbox of an app built in demo mode (tests drive the buyer's side through it). */
export const demoPaymentsOf = (app: FastifyInstance) => wired.get(app) ?? null;

export async function wireDemoPayments(app: FastifyInstance, rt: Runtime) {
  if (rt.config.mode !== 'demo') return null;
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const apiV3Key = randomBytes(16).toString('hex'); // 32 characters
  const sandbox = orders.createWechatPaySandbox({
    clock: rt.clock,
    merchants: [{ mchid: MCHID, serial: SERIAL, publicKey: merchant.publicKey, apiV3Key }],
    basePath: SANDBOX_PATH,
    cashierUrl: `${rt.config.publicUrl}${SANDBOX_PATH}/cashier`,
  });
  const alipayApp = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = orders.createAlipaySandbox({
    clock: rt.clock,
    apps: [{ appId: ALIPAY_APP_ID, publicKey: alipayApp.publicKey }],
  });
  const configureTenant = (tenantId: string, slug: string, baseUrl: string) =>
    orders.setTenantPayments(tenantId, {
      providers: [
        orders.createWechatPayProvider({
          mchid: MCHID,
          appid: APPID,
          merchantPrivateKey: merchant.privateKey,
          merchantSerial: SERIAL,
          apiV3Key,
          platformKeys: [{ serial: sandbox.platformSerial, key: sandbox.platformPublicKey }],
          baseUrl: `${baseUrl}${SANDBOX_PATH}`,
          clock: rt.clock,
        }),
        orders.createAlipayProvider({
          appId: ALIPAY_APP_ID,
          appPrivateKey: alipayApp.privateKey,
          alipayPublicKey: alipay.alipayPublicKey,
          gatewayUrl: `${baseUrl}${ALIPAY_SANDBOX_PATH}/gateway.do`,
          clock: rt.clock,
        }),
      ],
      notifyUrl: (provider) => `${baseUrl}/webhooks/payments/${slug}/${provider}`,
    });

  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    sandboxCashier(raw, { path: `${SANDBOX_PATH}/cashier`, sandbox, mchid: MCHID });
    alipayCashier(raw, { path: ALIPAY_SANDBOX_PATH, sandbox: alipay });
    raw.all(`${SANDBOX_PATH}/*`, { schema: { hide: true } }, async (req, reply) => {
      const out = await sandbox.handle({
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      });
      return reply.code(out.status).headers(out.headers).send(out.body);
    });
  });

  const demo = await access.getTenantBySlug(rt.db, DEMO.slug).catch(() => null);
  if (demo) configureTenant(demo.id, demo.slug, rt.config.publicUrl);
  const wiredPayments = { sandbox, alipay, mchid: MCHID, configureTenant };
  wired.set(app, wiredPayments);
  return wiredPayments;
}
