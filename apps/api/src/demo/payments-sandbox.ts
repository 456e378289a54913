/**
 * DEMO MODE ONLY: the WeChat Pay API v3 sandbox served by the API itself under /sandbox/wechatpay
 * (and Alipay's under /sandbox/alipay), with merchant keys generated at every start and written into
 * the demo tenant's payment settings (the store every process reads), marked as sandbox settings. The sandbox speaks the real protocol (signed requests and answers, AES-GCM
 * notifications), so payments go through the same verification code as production.
 */
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
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
const APPID = 'wx5179d0e0c0ffee01';
const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';

const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();

export type DemoPayments = {
  sandbox: orders.WechatPaySandbox;
  alipay: orders.AlipaySandbox;
  mchid: string;
  /** Stores payment settings for a tenant pointing at the sandboxes at `baseUrl` (where this API listens). */
  configureTenant(tenantId: string, baseUrl: string): Promise<void>;
};

const wired = new WeakMap<FastifyInstance, DemoPayments>();
/** The sandbox of an app built in demo mode (tests drive the buyer's side through it). */
export const demoPaymentsOf = (app: FastifyInstance) => wired.get(app) ?? null;

export async function wireDemoPayments(app: FastifyInstance, rt: Runtime) {
  if (rt.config.mode !== 'demo') return null;
  const merchant = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const apiV3Key = randomBytes(16).toString('hex'); // 32 characters
  const sandbox = orders.createWechatPaySandbox({
    clock: rt.clock,
    merchants: [{ mchid: MCHID, serial: SERIAL, publicKey: merchant.publicKey, apiV3Key }],
    basePath: SANDBOX_PATH,
    cashierUrl: `${rt.config.publicUrl}${SANDBOX_PATH}/cashier`,
  });
  const alipayApp = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const alipay = orders.createAlipaySandbox({
    clock: rt.clock,
    apps: [{ appId: ALIPAY_APP_ID, publicKey: alipayApp.publicKey }],
  });
  /** Writes the sandbox settings into the tenant's payment settings (sealed like a merchant's own keys). */
  const configureTenant = (tenantId: string, baseUrl: string) =>
    orders.saveSandboxPaymentSettings(rt.ctx({ tenantId, actor: { kind: 'system', name: 'demo' } }), {
      wechatpay: {
        mchid: MCHID,
        appid: APPID,
        merchantSerial: SERIAL,
        merchantPrivateKey: merchant.privateKey,
        apiV3Key,
        platformKeys: [{ serial: sandbox.platformSerial, key: pem(sandbox.platformPublicKey) }],
        baseUrl: `${baseUrl}${SANDBOX_PATH}`,
      },
      alipay: {
        appId: ALIPAY_APP_ID,
        appPrivateKey: alipayApp.privateKey,
        alipayPublicKey: pem(alipay.alipayPublicKey),
        gatewayUrl: `${baseUrl}${ALIPAY_SANDBOX_PATH}/gateway.do`,
      },
      notifyUrlBase: baseUrl,
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
  if (demo) await configureTenant(demo.id, rt.config.publicUrl);
  const wiredPayments = { sandbox, alipay, mchid: MCHID, configureTenant };
  wired.set(app, wiredPayments);
  return wiredPayments;
}
