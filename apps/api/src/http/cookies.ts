import type { Runtime } from '@siyu/core/platform';
import type { FastifyReply } from 'fastify';

export const ADMIN_COOKIE = 'siyu_admin';
export const SHOP_COOKIE = 'siyu_shop';

export function setSessionCookie(rt: Runtime, reply: FastifyReply, name: string, token: string, expiresAt: Date) {
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: rt.config.secureCookies,
    expires: expiresAt,
  });
}

export const clearSessionCookie = (reply: FastifyReply, name: string) => reply.clearCookie(name, { path: '/' });
