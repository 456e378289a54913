import { ErrorBody, fillPath, type Input, type Output, type RouteDef, shopRoutes } from '@siyu/contracts';
import type { z } from 'zod';

/** One field problem, as the API lists them in `details` of a 400 answer. */
export type FieldIssue = { path: string; message: string };

/** Any failed call: an HTTP error answer, a network failure (status 0) or input refused before sending. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Seconds to wait after a 429, when the API says. */
  get retryAfterSeconds(): number | undefined {
    const d = this.details as { retryAfterSeconds?: unknown } | undefined;
    return typeof d?.retryAfterSeconds === 'number' ? d.retryAfterSeconds : undefined;
  }

  /**
   * Field problems of a 400, with the path reduced to the field name (`body.phone` → `phone`).
   * The API sends `details: {issues: [{path, message}]}`; a bare list is accepted too.
   */
  get fieldIssues(): FieldIssue[] {
    const list: unknown = Array.isArray(this.details)
      ? this.details
      : (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(list)) return [];
    return list.flatMap((d: unknown) => {
      const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
      if (typeof message !== 'string') return [];
      const parts = Array.isArray(path) ? path.map(String) : String(path ?? '').split(/[./]/);
      return [{ path: parts.filter(Boolean).at(-1) ?? '', message }];
    });
  }
}

// The CSRF token of the shop session lives in memory only: it comes with every login answer and with
// GET me (which the app calls on start), and goes out as `x-csrf-token` on every request (reads that
// record something, like a search on the shopper's timeline, record it only when the header is there).
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

// Told when a shopper-only route answers 401 (the session expired or was ended elsewhere), so the app
// can forget the cached session and RequireLogin can send the shopper to log in again.
let onUnauthorized: (slug: string) => void = () => {};
export const setUnauthorizedHandler = (handler: (slug: string) => void) => {
  onUnauthorized = handler;
};

type AnyInput = { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };

const toQueryString = (query: Record<string, unknown> | undefined) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
};

const zodIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

async function send(def: RouteDef, input: AnyInput, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`/api${fillPath(def.path, input.params)}${toQueryString(input.query)}`, {
      method: def.method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e));
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  const json: unknown = await res.json().catch(() => null);
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code, message, details);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/** The API answers a missing or stale `x-csrf-token` with 403 FORBIDDEN and a message naming the header. */
const isCsrfRejection = (e: ApiError) => e.status === 403 && /csrf/i.test(`${e.code} ${e.message}`);

/**
 * Calls one route of the contract: `call(shopRoutes.me, { params: { slug } })`.
 * The body is checked (and defaulted) with the route's zod schema before it is sent; a refused body
 * throws the same ApiError a 400 from the server would. A stale CSRF token is refreshed once from GET me.
 */
export async function call<D extends RouteDef>(def: D, routeInput: Input<D>): Promise<Output<D>> {
  const input = (routeInput ?? {}) as AnyInput;
  let body: unknown;
  if (def.body) {
    const checked = def.body.safeParse(input.body ?? {});
    if (!checked.success) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'invalid input', { issues: zodIssues(checked.error) });
    }
    body = checked.data;
  }
  let res = await send(def, input, body);
  if (!res.ok) {
    const error = await errorOf(res);
    const slug = input.params?.slug;
    if (error.status === 401 && def.audience === 'shop' && slug !== undefined && def.method !== 'GET') {
      onUnauthorized(String(slug));
    }
    if (!isCsrfRejection(error) || slug === undefined || def.method === 'GET') throw error;
    await refreshSession(String(slug));
    res = await send(def, input, body);
    if (!res.ok) throw await errorOf(res);
  }
  return (await readBody(def, res)) as Output<D>;
}

async function readBody(def: RouteDef, res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const json: unknown = await res.json().catch(() => undefined);
  const checked = def.response.safeParse(json);
  if (checked.success) return checked.data;
  // Contract drift: keep the page working, but make it loud for developers and browser tests.
  console.error(`response of ${def.method} ${def.path} does not match the contract`, checked.error.issues);
  return json;
}

/**
 * GET me: the current shopper, or null when not logged in (401). Keeps the CSRF token fresh.
 */
export async function refreshSession(slug: string) {
  try {
    const session = await call(shopRoutes.me, { params: { slug } });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}
