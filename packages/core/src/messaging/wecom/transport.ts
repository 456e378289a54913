/**
 * Sends one endpoint call: validates the request with its schema, adds the access_token, maps
 * `errcode` to a `WecomError`; on 40014/42001 drops the token, fetches a new one and retries once;
 * on 45009/45033/-1 retries with exponential backoff (a network failure is not retried here: a write
 * may have landed; the caller's job retries); checks the answer's shape.
 */
import type { z } from 'zod';
import { type Clock, systemClock } from '../../platform';
import type { Endpoint } from './endpoint';
import {
  type MediaFile,
  type MediaType,
  UPLOAD_MEDIA_PATH,
  type UploadedMedia,
  uploadMediaResponse,
} from './media.endpoints';
import { errorFromErrcode, WecomError } from './errors';
import { WECOM_LIMITS } from './limits';
import { getToken } from './org.endpoints';
import { type AccessTokenStore, sharedAccessTokens, tokenKey } from './tokens';

export const WECOM_BASE_URL = 'https://qyapi.weixin.qq.com';

export type WecomClientConfig = {
  corpId: string;
  /** The secret of a self-built app listed under 客户联系 → 可调用接口的应用. */
  secret: string;
  /** Default https://qyapi.weixin.qq.com; the sandbox's URL in demo mode and tests. */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Defaults to the process-wide store, shared by every client of the same corp and secret. */
  tokens?: AccessTokenStore;
  timeoutMs?: number;
  /** Backoff waits go through here (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
};

export type WecomTransport = {
  call<Req, Res>(ep: Endpoint<Req, Res>, input: Req): Promise<Res>;
  /** media/upload: the file as multipart/form-data in the part `media` (doc 90253). */
  upload(type: MediaType, file: MediaFile): Promise<UploadedMedia>;
  accessToken(): Promise<string>;
  tokenKey: string;
};

/** Answers where WeCom refused the call (so nothing happened): safe to repeat, even for writes. */
const AUTO_RETRIED = new Set(['RATE_LIMITED', 'BUSY']);
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function fieldError(path: string, issues: z.core.$ZodIssue[]): WecomError {
  const first = issues[0];
  const field = first?.path.join('.') || '(body)';
  return new WecomError('INVALID_INPUT', `${path}: ${field}: ${first?.message ?? 'invalid'}`, { path });
}

type Wire = { baseUrl: string; doFetch: typeof fetch; timeoutMs: number };

/** One HTTP exchange: HTTP 200 with errcode 0 gives the JSON; anything else a `WecomError`. */
async function sendOnce(w: Wire, method: 'GET' | 'POST', path: string, query: Record<string, unknown>, body?: unknown) {
  const url = new URL(w.baseUrl + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  let res: Response;
  try {
    res = await w.doFetch(url, {
      method,
      headers: body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(w.timeoutMs),
    });
  } catch (e) {
    throw new WecomError('UNAVAILABLE', `${path}: ${e instanceof Error ? e.message : 'network error'}`, { path });
  }
  const text = await res.text().catch(() => '');
  if (res.status !== 200) {
    throw new WecomError('UNAVAILABLE', `${path}: HTTP ${res.status}`, { path, httpStatus: res.status });
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new WecomError('MALFORMED_RESPONSE', `${path}: the answer is not JSON`, { path });
  }
  const errcode = Number(json.errcode ?? 0);
  if (errcode !== 0) throw errorFromErrcode(errcode, String(json.errmsg ?? ''), path);
  return json;
}

export function createWecomTransport(config: WecomClientConfig): WecomTransport {
  const baseUrl = (config.baseUrl ?? WECOM_BASE_URL).replace(/\/+$/, '');
  const doFetch = config.fetch ?? fetch;
  const clock = config.clock ?? systemClock;
  const tokens = config.tokens ?? sharedAccessTokens;
  const sleep = config.sleep ?? realSleep;
  const retry = config.retry ?? WECOM_LIMITS.retry;
  const timeoutMs = config.timeoutMs ?? WECOM_LIMITS.http.timeoutMs;
  const key = tokenKey(baseUrl, config.corpId, config.secret);

  const wire: Wire = { baseUrl, doFetch, timeoutMs };
  const send = (method: 'GET' | 'POST', path: string, query: Record<string, unknown>, body?: unknown) =>
    sendOnce(wire, method, path, query, body);

  const fetchToken = async () => {
    const out = getToken.response.safeParse(
      await send('GET', getToken.path, { corpid: config.corpId, corpsecret: config.secret }),
    );
    if (!out.success) throw new WecomError('MALFORMED_RESPONSE', `${getToken.path}: unexpected answer`);
    return { accessToken: out.data.access_token, expiresInSeconds: out.data.expires_in };
  };
  const accessToken = () => tokens.get(key, fetchToken, clock);

  /** One attempt with a token; a stale token is replaced and the call repeated once. */
  async function withToken(method: 'GET' | 'POST', path: string, query: Record<string, unknown>, body?: unknown) {
    const token = await accessToken();
    try {
      return await send(method, path, { ...query, access_token: token }, body);
    } catch (e) {
      if (!(e instanceof WecomError) || e.code !== 'TOKEN_EXPIRED' || e.errcode === 41001) throw e;
      tokens.invalidate(key, token);
      return send(method, path, { ...query, access_token: await accessToken() }, body);
    }
  }

  /** One call with the answer checked against `response`; refusals that changed nothing retried with backoff. */
  async function exchange<Res>(
    path: string,
    response: z.ZodType<Res>,
    send: () => Promise<Record<string, unknown>>,
  ): Promise<Res> {
    for (let attempt = 0; ; attempt++) {
      try {
        const out = response.safeParse(await send());
        if (!out.success) {
          const issue = out.error.issues[0];
          throw new WecomError('MALFORMED_RESPONSE', `${path}: ${issue?.path.join('.')}: ${issue?.message}`, { path });
        }
        return out.data;
      } catch (e) {
        if (!(e instanceof WecomError) || !AUTO_RETRIED.has(e.code) || attempt >= retry.attempts) throw e;
        const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
        await sleep(Math.round(delay * (0.5 + Math.random() / 2)));
      }
    }
  }

  async function call<Req, Res>(ep: Endpoint<Req, Res>, input: Req): Promise<Res> {
    const parsed = ep.request.safeParse(input);
    if (!parsed.success) throw fieldError(ep.path, parsed.error.issues);
    const query = ep.method === 'GET' ? (parsed.data as Record<string, unknown>) : {};
    const body = ep.method === 'POST' ? parsed.data : undefined;
    return exchange(ep.path, ep.response, () => withToken(ep.method, ep.path, query, body));
  }

  function upload(type: MediaType, file: MediaFile): Promise<UploadedMedia> {
    const form = () => {
      const f = new FormData();
      f.append('media', new Blob([new Uint8Array(file.data)], { type: file.contentType }), file.filename);
      return f;
    };
    return exchange(UPLOAD_MEDIA_PATH, uploadMediaResponse, () =>
      withToken('POST', UPLOAD_MEDIA_PATH, { type }, form()),
    );
  }

  return { call, upload, accessToken, tokenKey: key };
}
