import { ErrorBody, fillPath, type Input, type Output, type RouteDef } from '@siyu/contracts';

/** A failed API call: the HTTP status and the `{"error":{code,message,details}}` body. */
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
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The CSRF token of the current session, from the login / me / accept-invite answers.
// Kept in memory only; a reload asks /auth/me again.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | undefined;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Called on any 401 from a non-public route (the app drops the session and shows the login page). */
export const setUnauthorizedHandler = (fn: () => void) => {
  unauthorizedHandler = fn;
};

// The input may be left out when nothing in it is required (e.g. `call(adminRoutes.me)`).
type CallArgs<D> = Partial<Input<D>> extends Input<D> ? [input?: Input<D>] : [input: Input<D>];
type LooseInput = { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };

/** Calls one route of the contract: `call(adminRoutes.listStaff, { query: { q } })`. */
export async function call<D extends RouteDef>(def: D, ...args: CallArgs<D>): Promise<Output<D>> {
  const input = (args[0] ?? {}) as LooseInput;
  const url = `/api${fillPath(def.path, input.params)}${queryString(input.query)}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = def.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  if (def.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(url, {
      method: def.method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(input.body ?? {}) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : 'Network error');
  }

  const data = await readJson(res);
  if (!res.ok) {
    const err = toApiError(res, data);
    if (res.status === 401 && def.audience !== 'public') unauthorizedHandler?.();
    throw err;
  }
  if (data && typeof data === 'object' && typeof (data as { csrfToken?: unknown }).csrfToken === 'string') {
    csrfToken = (data as { csrfToken: string }).csrfToken;
  }
  if (import.meta.env.DEV && data !== undefined) {
    const parsed = def.response.safeParse(data);
    if (!parsed.success)
      console.warn(`Response of ${def.method} ${def.path} does not match the contract`, parsed.error);
  }
  return data as Output<D>;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(key, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(res: Response, data: unknown): ApiError {
  const body = ErrorBody.safeParse(data);
  if (body.success) {
    const { code, message, details } = body.data.error;
    return new ApiError(res.status, code, message, details);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`, data);
}
