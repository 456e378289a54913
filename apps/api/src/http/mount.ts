import { createHash } from 'node:crypto';
import { ErrorBody, type RouteDef } from '@siyu/contracts';
import { authenticateShopper, authenticateStaff, shopTenant, type StaffAuth } from '@siyu/core/access';
import { type Ctx, forbidden, inTransaction, notFound, type Runtime } from '@siyu/core/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ADMIN_COOKIE, SHOP_COOKIE } from './cookies';

type In<S> = [NonNullable<S>] extends [z.ZodType] ? z.output<NonNullable<S>> : undefined;
type TenantRow = Awaited<ReturnType<typeof shopTenant>>;

export type RouteRequest<D extends RouteDef> = {
  params: In<D['params']>;
  query: In<D['query']>;
  body: In<D['body']>;
  /** Bound to the tenant (admin: the session's; shop: the slug's); a transaction for admin writes. */
  ctx: Ctx;
  staff: StaffAuth | null;
  shopper: Awaited<ReturnType<typeof authenticateShopper>> | null;
  tenant: TenantRow | null;
  client: { ip: string | null; userAgent: string | null };
  req: FastifyRequest;
  reply: FastifyReply;
};

export type Handler<D extends RouteDef> = (r: RouteRequest<D>) => Promise<z.input<D['response']>>;

const KEEP = Symbol('keepStatus');
/** Answers with `status` instead of the route's success status (e.g. 200 for an idempotent repeat of a 201). */
export function keepStatus(reply: FastifyReply, status: 200 | 201) {
  reply.code(status);
  (reply as unknown as Record<symbol, boolean>)[KEEP] = true;
}

/**
 * A response body serialised once per immutable (deep-frozen, from the read cache) result, with its
 * ETag: cache hits skip validation and JSON, and a browser's revalidation gets a 304.
 */
type Prepared = { body: Buffer; etag: string };

function prepare(def: RouteDef, result: object, seen: WeakMap<object, Prepared>): Prepared {
  let p = seen.get(result);
  if (!p) {
    const body = Buffer.from(JSON.stringify(def.response.encode(result)));
    p = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    seen.set(result, p);
  }
  return p;
}

const PUBLIC = { kind: 'system', name: 'public' } as const;
const ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function checkCsrf(req: FastifyRequest, expected: string) {
  if (!WRITE.has(req.method)) return;
  if (req.headers['x-csrf-token'] !== expected)
    throw forbidden('Missing or wrong x-csrf-token header; read csrfToken from the session');
}

/**
 * Registers one contract route: request and response validation from its zod schemas,
 * authentication of its audience, CSRF for cookie-authenticated writes, the permission check,
 * and a transaction around admin writes (unless `tx: false`, for work that must commit piecewise).
 */
export function mount<D extends RouteDef>(
  app: FastifyInstance,
  rt: Runtime,
  def: D,
  handler: Handler<D>,
  opts: { tx?: boolean } = {},
) {
  const path = `/api${def.path}`;
  const prepared = new WeakMap<object, Prepared>();
  app.route({
    method: def.method,
    url: path,
    schema: {
      summary: def.summary,
      tags: [def.audience],
      ...(def.params && { params: def.params }),
      ...(def.query && { querystring: def.query }),
      ...(def.body && { body: def.body }),
      response: { [def.status ?? 200]: def.response, ...ERRORS },
    },
    handler: async (req, reply) => {
      const client = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
      let staff: StaffAuth | null = null;
      let shopper: RouteRequest<D>['shopper'] = null;
      let tenant: TenantRow | null = null;
      let ctx: Ctx;
      const slug = (req.params as { slug?: string } | undefined)?.slug;
      if (def.audience === 'dev' && rt.config.mode !== 'demo') throw notFound('Route');
      if (slug) tenant = await shopTenant(rt.ctx({ tenantId: '', actor: PUBLIC }), slug);
      if (def.audience === 'admin') {
        staff = await authenticateStaff(rt.db, rt.clock, req.cookies[ADMIN_COOKIE]);
        checkCsrf(req, staff.csrfToken);
        if (def.permission && !staff.permissions.includes(def.permission)) throw forbidden();
        ctx = rt.ctx({
          tenantId: staff.tenantId,
          actor: { kind: 'staff', id: staff.staffId, name: staff.staffName, permissions: staff.permissions },
          scope: staff.scope,
          ip: client.ip,
        });
      } else {
        ctx = rt.ctx({ tenantId: tenant?.id ?? '', actor: PUBLIC, ip: client.ip });
        if (def.audience === 'shop') {
          shopper = await authenticateShopper(ctx, req.cookies[SHOP_COOKIE]);
          checkCsrf(req, shopper.csrfToken);
          ctx = rt.ctx({ tenantId: ctx.tenantId, actor: { kind: 'shopper', id: shopper.account.id }, ip: client.ip });
        }
      }
      const run = (c: Ctx) =>
        handler({
          params: req.params as never,
          query: req.query as never,
          body: req.body as never,
          ctx: c,
          staff,
          shopper,
          tenant,
          client,
          req,
          reply,
        });
      const result = WRITE.has(def.method) && opts.tx !== false ? await inTransaction(ctx, run) : await run(ctx);
      if (!(reply as unknown as Record<symbol, boolean>)[KEEP]) reply.code(def.status ?? 200);
      if (result && typeof result === 'object' && Object.isFrozen(result)) {
        const p = prepare(def, result, prepared);
        reply.header('etag', p.etag).header('cache-control', 'no-cache');
        if (req.headers['if-none-match'] === p.etag) return reply.code(304).send();
        return reply.header('content-type', 'application/json; charset=utf-8').send(p.body);
      }
      return result as unknown;
    },
  });
}
