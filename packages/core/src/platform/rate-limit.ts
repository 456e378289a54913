import { sql } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Db } from './db';
import { tooManyRequests } from './errors';
import type { Window } from './limits';
import { rateLimits } from './platform.tables';

export type RateLimiter = {
  /** Counts one hit on `key` in the current window; returns whether it is allowed. */
  hit(key: string, w: Window): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Forgets `key` in the current window (after a successful login). */
  reset(key: string, w: Window): Promise<void>;
};

const windowStart = (now: Date, w: Window) =>
  new Date(Math.floor(now.getTime() / (w.windowSeconds * 1000)) * w.windowSeconds * 1000);
const retryAfter = (now: Date, w: Window) =>
  Math.max(1, Math.ceil((windowStart(now, w).getTime() + w.windowSeconds * 1000 - now.getTime()) / 1000));

/** Fixed windows in PostgreSQL (one upsert per hit); used when Redis is not configured. */
export function pgRateLimiter(db: Db, clock: Clock): RateLimiter {
  return {
    async hit(key, w) {
      const now = clock.now();
      const start = windowStart(now, w);
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: start, count: 1, expiresAt: new Date(start.getTime() + w.windowSeconds * 1000) })
        .onConflictDoUpdate({
          target: [rateLimits.key, rateLimits.windowStart],
          set: { count: sql`${rateLimits.count} + 1` },
        })
        .returning({ count: rateLimits.count });
      const allowed = (row?.count ?? 1) <= w.max;
      return { allowed, retryAfterSeconds: allowed ? 0 : retryAfter(now, w) };
    },
    async reset(key, w) {
      await db
        .delete(rateLimits)
        .where(sql`${rateLimits.key} = ${key} and ${rateLimits.windowStart} = ${windowStart(clock.now(), w)}`);
    },
  };
}

type RedisLike = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  del(k: string): Promise<unknown>;
};

const INCR_WITH_TTL =
  "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

/** Fixed windows in Redis (INCR and PEXPIRE in one Lua call); used when REDIS_URL is set. */
export function redisRateLimiter(redis: RedisLike, clock: Clock, prefix = 'siyu:rl:'): RateLimiter {
  const k = (key: string, w: Window) => `${prefix}${key}:${windowStart(clock.now(), w).getTime()}`;
  return {
    async hit(key, w) {
      const now = clock.now();
      const rk = k(key, w);
      const count = Number(await redis.eval(INCR_WITH_TTL, 1, rk, w.windowSeconds * 1000));
      const allowed = count <= w.max;
      return { allowed, retryAfterSeconds: allowed ? 0 : retryAfter(now, w) };
    },
    async reset(key, w) {
      await redis.del(k(key, w));
    },
  };
}

/** Hits every window; throws 429 with the longest wait when any is exceeded. */
export async function enforce(limiter: RateLimiter, hits: [string, Window][], message?: string) {
  let wait = 0;
  for (const [key, w] of hits) {
    const r = await limiter.hit(key, w);
    if (!r.allowed) wait = Math.max(wait, r.retryAfterSeconds);
  }
  if (wait > 0) throw tooManyRequests(wait, message);
}

export const deleteExpiredRateLimits = (db: Db, now: Date) =>
  db.delete(rateLimits).where(sql`${rateLimits.expiresAt} < ${now}`);
