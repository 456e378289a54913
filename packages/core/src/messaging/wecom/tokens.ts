/**
 * access_token cache per (API base URL, corp, secret): a token is reused until its expiry minus a
 * margin; concurrent callers share one fetch (single flight); a token WeCom reports as invalid or
 * expired (40014/42001) is dropped once — only if it is still the cached one, so many callers failing
 * with the same token cause one refresh, not many.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform';
import { WECOM_LIMITS } from './limits';

export type FetchedToken = { accessToken: string; expiresInSeconds: number };
export type TokenFetcher = () => Promise<FetchedToken>;

type Entry = { token: string; refreshAt: number };

export type AccessTokenStore = {
  /** The cached token, or one fresh fetch shared by every concurrent caller. */
  get(key: string, fetcher: TokenFetcher, clock: Clock): Promise<string>;
  /** Drops `token` if it is still the one cached under `key`. */
  invalidate(key: string, token: string): void;
  /** How many fetches each key has made (for tests and the sandbox page). */
  fetches(key: string): number;
};

export function createAccessTokenStore(marginMs: number = WECOM_LIMITS.accessToken.refreshMarginMs): AccessTokenStore {
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Promise<string>>();
  const counts = new Map<string, number>();

  function refresh(key: string, fetcher: TokenFetcher, clock: Clock): Promise<string> {
    const running = inflight.get(key);
    if (running) return running;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const p = fetcher()
      .then(({ accessToken, expiresInSeconds }) => {
        const ttl = Math.max(0, expiresInSeconds * 1000 - marginMs);
        cache.set(key, { token: accessToken, refreshAt: clock.now().getTime() + ttl });
        return accessToken;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  }

  return {
    async get(key, fetcher, clock) {
      const hit = cache.get(key);
      if (hit && clock.now().getTime() < hit.refreshAt) return hit.token;
      return refresh(key, fetcher, clock);
    },
    invalidate(key, token) {
      if (cache.get(key)?.token === token) cache.delete(key);
    },
    fetches: (key) => counts.get(key) ?? 0,
  };
}

/** The process-wide store every client uses unless given its own. */
export const sharedAccessTokens: AccessTokenStore = createAccessTokenStore();

/** The cache key: the secret is hashed so it never sits in a map key or a log line. */
export const tokenKey = (baseUrl: string, corpId: string, secret: string) =>
  `${baseUrl}|${corpId}|${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`;
