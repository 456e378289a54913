import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Runtime } from '@siyu/core/platform';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { wireDemoPayments } from './demo/payments-sandbox';
import { seedDemoGroupsOnListen } from './demo/seed-groups';
import { seedDemoLandingOnListen } from './demo/seed-landing';
import { seedDemoLiveCodesOnListen } from './demo/seed-live-codes';
import { wireDemoOwnedChannels } from './demo/sms-sandbox';
import { wireDemoWecom } from './demo/wecom-sandbox';
import { installErrorHandler } from './http/errors';
import { rejectNulBytes } from './http/nul-bytes';
import { serveSpa } from './http/static';
import { adminAuthRoutes } from './routes/admin-auth.routes';
import { adminOrgRoutes } from './routes/admin-org.routes';
import { adminStaffRoutes } from './routes/admin-staff.routes';
import { catalogRoutes } from './routes/catalog.routes';
import { customerRoutes } from './routes/customers.routes';
import { dataJobRoutes } from './routes/data-jobs.routes';
import { followUpRoutes } from './routes/follow-ups.routes';
import { groupCodeRoutes } from './routes/group-codes.routes';
import { groupRoutes } from './routes/groups.routes';
import { healthRoutes } from './routes/health.routes';
import { landingRoutes } from './routes/landing.routes';
import { liveCodeQrRoutes } from './routes/live-code-qr.routes';
import { liveCodeRoutes } from './routes/live-codes.routes';
import { messagingSettingsRoutes } from './routes/messaging-settings.routes';
import { tagRoutes } from './routes/tags.routes';
import { orderRoutes } from './routes/orders.routes';
import { paymentSettingsRoutes } from './routes/payment-settings.routes';
import { shopRoutes } from './routes/shop.routes';
import { shopCatalogRoutes } from './routes/shop-catalog.routes';
import { shopOrderRoutes } from './routes/shop-orders.routes';
import { webhookRoutes } from './routes/webhooks.routes';
import { wecomSandboxAdminRoutes } from './routes/wecom-sandbox-admin.routes';
import { wecomSettingsRoutes } from './routes/wecom-settings.routes';
import { wecomSyncRoutes } from './routes/wecom-sync.routes';
import { wecomWebhookRoutes } from './routes/wecom-webhooks.routes';

/** The HTTP application: read this file as the table of contents of the API. */
export async function buildApp(
  rt: Runtime,
  opts: { logger?: boolean; serveFrontends?: boolean; sandboxStateFile?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: rt.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: rt.config.mode === 'production',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  rejectNulBytes(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Siyu API', version: '0.1.0', description: 'Private-domain operations platform (私域运营平台)' },
      components: {
        securitySchemes: {
          adminSession: { type: 'apiKey', in: 'cookie', name: 'siyu_admin' },
          shopSession: { type: 'apiKey', in: 'cookie', name: 'siyu_shop' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  healthRoutes(app, rt); //          GET /api/health, GET /api/openapi.json
  adminAuthRoutes(app, rt); //       /api/admin/auth/*: login, logout, me, password, invites
  adminStaffRoutes(app, rt); //      /api/admin/staff
  adminOrgRoutes(app, rt); //        /api/admin/{permissions,roles,org-units,settings,audit-log}
  customerRoutes(app, rt); //        /api/admin/customers, /customer-fields, /customer-events; shop events
  tagRoutes(app, rt); //             /api/admin/tag-groups, /tags, /tag-rules, customer tagging
  followUpRoutes(app, rt); //        /api/admin notes, follow-ups, tasks, notifications
  dataJobRoutes(app, rt); //         /api/admin imports and exports with progress
  catalogRoutes(app, rt); //         /api/admin/catalog: categories, products and SKUs, images, stock and its ledger
  orderRoutes(app, rt); //           /api/admin/orders: list, detail, address/price before payment, ship, deliver, remarks, stats, settings
  paymentSettingsRoutes(app, rt); // /api/admin/settings/payments: WeChat Pay / Alipay merchant keys (sealed), key test
  messagingSettingsRoutes(app, rt); // /api/admin/settings/{sms,email} (+ test), /owned-messages; /unsubscribe/*; /webhooks/sms/*/replies
  groupRoutes(app, rt); //            /api/admin/groups (客户群: list, detail, tags, sync from WeCom), /api/admin/group-tags
  groupCodeRoutes(app, rt); //        /api/admin/group-codes: 群活码 CRUD (WeCom join ways), stats per group
  liveCodeRoutes(app, rt); //         /api/admin/live-codes: 渠道活码 CRUD (WeCom contact ways), stats, default welcome
  liveCodeQrRoutes(app, rt); //       /api/admin/live-codes/:id/qr: the code as a branded PNG/SVG print file
  wecomSettingsRoutes(app, rt); //  /api/admin/settings/wecom (+ test, generate-callback-secrets): app secret and EncodingAESKey sealed
  wecomSyncRoutes(app, rt); //      /api/admin/wecom/members (staff ↔ WeCom member links), /api/admin/wecom/sync (staff, customers, tags runs with progress)
  wecomSandboxAdminRoutes(app, rt); // /api/admin/wecom-sandbox (demo mode only): the sandbox corp's state, confirm a pending mass send
  shopRoutes(app, rt); //            /api/shop/t/:slug/*, /api/dev/sms (demo only)
  shopCatalogRoutes(app, rt); //     /api/shop/t/:slug/catalog: categories, products, search, images
  webhookRoutes(app, rt); //         /webhooks/payments/:tenantSlug/:provider: raw body, signature checked
  wecomWebhookRoutes(app, rt); //   /webhooks/wecom/:tenantId: WeCom callbacks (URL verification, deliveries stored then processed)
  shopOrderRoutes(app, rt); //       /api/shop/t/:slug: cart, addresses, pick-up stores, checkout, orders, pay, cancel
  landingRoutes(app, rt); //        /api/admin/landing-pages (+ stats, qr); /api/shop/t/:slug/landing/:page (+ nearest, visits)

  await wireDemoPayments(app, rt); // demo mode only: /sandbox/wechatpay (WeChat Pay v3 sandbox) + the demo tenant's provider
  await wireDemoOwnedChannels(app, rt); // demo mode only: /sandbox/sms (Aliyun + Tencent SendSms sandbox), local SMTP sandbox, /sandbox/mail
  await wireDemoWecom(app, rt, { stateFile: opts.sandboxStateFile }); //    demo mode only: /sandbox/wecom (WeCom API sandbox + simulated client) for the demo corp
  seedDemoLiveCodesOnListen(app, rt); // demo mode only: the demo tenant's live codes (their contact ways again in the fresh sandbox)
  seedDemoGroupsOnListen(app, rt); // demo mode only: the demo tenant's customer groups and group code (put back into the fresh sandbox)
  seedDemoLandingOnListen(app, rt); // demo mode only: the demo tenant's landing pages (nearest store, coupon) once its live codes exist

  if (opts.serveFrontends) {
    await serveSpa(app, 'admin');
    await serveSpa(app, 'shop');
    app.get('/', (_req, reply) => reply.redirect('/admin/'));
  }
  return app;
}
