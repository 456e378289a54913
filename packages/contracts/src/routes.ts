import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Audience = 'admin' | 'shop' | 'public' | 'dev';

/**
 * One HTTP route, described once: the API registers it (validation, OpenAPI),
 * the UIs call it with typed input and output, and the bad-input test walks it.
 */
export type RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  /** Fastify-style path with `:param` placeholders, under /api. */
  path: string;
  audience: Audience;
  summary: string;
  /** Permission key the staff member must hold (admin audience). */
  permission?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** HTTP status of a success (200 unless said). */
  status?: 200 | 201 | 204;
};

export const route = <
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodType,
>(
  def: RouteDef<P, Q, B, R>,
) => def;

export type Input<D> =
  D extends RouteDef<infer P, infer Q, infer B, z.ZodType>
    ? ([P] extends [z.ZodNever] ? unknown : { params: z.input<P> }) &
        ([Q] extends [z.ZodNever] ? unknown : { query?: z.input<Q> }) &
        ([B] extends [z.ZodNever] ? unknown : { body: z.input<B> })
    : never;
export type Output<D> = D extends RouteDef<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

/** Fills `:param` placeholders of a route path. */
export const fillPath = (path: string, params: Record<string, string | number> = {}) =>
  path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(String(v));
  });
