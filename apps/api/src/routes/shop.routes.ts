import { devRoutes, shopRoutes as r } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import * as messaging from '@siyu/core/messaging';
import { listDevSms, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { clearSessionCookie, SHOP_COOKIE, setSessionCookie } from '../http/cookies';
import { mount } from '../http/mount';

/** The storefront's account routes. Codes and attempts must count even when a request fails: no wrapping tx. */
export function shopRoutes(app: FastifyInstance, rt: Runtime) {
  // Codes go through the tenant's SMS settings (messaging); access only knows the SmsProvider seam.
  const sms = messaging.tenantSmsProvider(
    { mode: rt.config.mode, ctx: (tenantId) => rt.ctx({ tenantId, actor: { kind: 'system', name: 'shop-sms' } }) },
    rt.sms,
  );
  const deps = { limiter: rt.limiter, sms };
  const noTx = { tx: false };

  mount(app, rt, r.storefront, async ({ tenant }) => ({
    slug: tenant!.slug,
    brandName: tenant!.brandName,
    logoUrl: tenant!.logoUrl,
    smsSandboxUrl: rt.config.mode === 'demo' ? `/shop/t/${tenant!.slug}/dev/sms` : null,
  }));

  mount(
    app,
    rt,
    r.sendSmsCode,
    async ({ ctx, tenant, body, client }) =>
      access.sendSmsCode(ctx, deps, tenant!, body.phone, body.purpose, client.ip),
    noTx,
  );

  mount(
    app,
    rt,
    r.loginWithSms,
    async ({ ctx, tenant, body, client, reply }) => {
      const s = await access.loginWithSms(ctx, deps, tenant!, body, client);
      setSessionCookie(rt, reply, SHOP_COOKIE, s.session.token, s.session.expiresAt);
      return { account: s.account, csrfToken: s.session.csrfToken, registered: s.registered };
    },
    noTx,
  );

  mount(
    app,
    rt,
    r.loginWithPassword,
    async ({ ctx, tenant, body, client, reply }) => {
      const s = await access.loginWithPassword(ctx, deps, tenant!, body, client);
      setSessionCookie(rt, reply, SHOP_COOKIE, s.session.token, s.session.expiresAt);
      return { account: s.account, csrfToken: s.session.csrfToken };
    },
    noTx,
  );

  mount(
    app,
    rt,
    r.resetPassword,
    async ({ ctx, tenant, body, client, reply }) => {
      const s = await access.resetPasswordWithSms(ctx, deps, tenant!, body, client);
      setSessionCookie(rt, reply, SHOP_COOKIE, s.session.token, s.session.expiresAt);
      return { account: s.account, csrfToken: s.session.csrfToken };
    },
    noTx,
  );

  mount(
    app,
    rt,
    r.logout,
    async ({ req, reply }) => {
      await access.closeSession(rt.db, req.cookies[SHOP_COOKIE]!);
      clearSessionCookie(reply, SHOP_COOKIE);
      return { ok: true as const };
    },
    noTx,
  );

  mount(app, rt, r.me, async ({ shopper }) => ({
    account: access.toShopAccount(shopper!.account),
    csrfToken: shopper!.csrfToken,
  }));
  mount(app, rt, r.updateProfile, async ({ ctx, shopper, body }) =>
    access.updateProfile(ctx, shopper!.account.id, body),
  );
  mount(app, rt, r.setPassword, async ({ ctx, shopper, body }) =>
    access.setShopPassword(ctx, shopper!.account.id, body),
  );

  // Demo mode only (mount answers 404 otherwise): the dev SMS provider's outbox.
  mount(app, rt, devRoutes.listSms, async ({ query }) => ({ items: await listDevSms(rt.db, query) }));
}
