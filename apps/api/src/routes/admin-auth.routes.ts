import { adminRoutes as r } from '@siyu/contracts';
import * as access from '@siyu/core/access';
import { inTransaction, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { ADMIN_COOKIE, clearSessionCookie, setSessionCookie } from '../http/cookies';
import { mount } from '../http/mount';

export function adminAuthRoutes(app: FastifyInstance, rt: Runtime) {
  // Login counts attempts (rate limits) even when it fails, so it commits piecewise.
  mount(
    app,
    rt,
    r.login,
    async ({ body, client, reply }) => {
      const s = await access.loginStaff(rt.db, rt.clock, rt.limiter, body, client);
      setSessionCookie(rt, reply, ADMIN_COOKIE, s.session.token, s.session.expiresAt);
      return access.describeStaffSession(rt.db, s.tenantId, s.staffId, s.session.csrfToken);
    },
    { tx: false },
  );

  mount(
    app,
    rt,
    r.logout,
    async ({ req, reply }) => {
      await access.closeSession(rt.db, req.cookies[ADMIN_COOKIE]!);
      clearSessionCookie(reply, ADMIN_COOKIE);
      return { ok: true as const };
    },
    { tx: false },
  );

  mount(app, rt, r.me, async ({ staff }) =>
    access.describeStaffSession(rt.db, staff!.tenantId, staff!.staffId, staff!.csrfToken),
  );

  mount(app, rt, r.changePassword, async ({ ctx, body }) => access.changeOwnPassword(ctx, body));

  mount(app, rt, r.getInvite, async ({ params }) => access.describeInvite(rt.db, rt.clock, params.token));

  mount(
    app,
    rt,
    r.acceptInvite,
    async ({ ctx, body, client, reply }) => {
      const s = await inTransaction(ctx, (tx) => access.acceptInvite(tx.db, tx.clock, body, client));
      setSessionCookie(rt, reply, ADMIN_COOKIE, s.session.token, s.session.expiresAt);
      return access.describeStaffSession(rt.db, s.tenantId, s.staffId, s.session.csrfToken);
    },
    { tx: false },
  );
}
