import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { testClock } from './clock';
import { testRuntime } from '../testing';
import { pgRateLimiter, type RateLimiter, redisRateLimiter } from './rate-limit';

const W = { max: 3, windowSeconds: 60 };

async function behavesAsFixedWindow(limiter: RateLimiter, clock: ReturnType<typeof testClock>) {
  const key = `k-${randomBytes(4).toString('hex')}`;
  for (let i = 0; i < 3; i++) assert.equal((await limiter.hit(key, W)).allowed, true);
  const denied = await limiter.hit(key, W);
  assert.equal(denied.allowed, false);
  assert.equal(denied.retryAfterSeconds, 50, 'clock sits 10 s into the minute');
  clock.advance(50_000);
  assert.equal((await limiter.hit(key, W)).allowed, true, 'a new window starts');
  await limiter.reset(key, W);
  for (let i = 0; i < 3; i++) assert.equal((await limiter.hit(key, W)).allowed, true, 'reset forgets the window');
}

describe('rate limits', () => {
  it('PostgreSQL fixed windows count, deny with retry-after, and reset', async () => {
    const { rt } = await testRuntime();
    const clock = testClock('2026-03-01T08:00:10Z');
    await behavesAsFixedWindow(pgRateLimiter(rt.db, clock), clock);
  });

  it('Redis fixed windows behave the same', async (t) => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    try {
      await redis.connect();
    } catch {
      t.skip('no Redis on 127.0.0.1:6379');
      return;
    }
    try {
      const clock = testClock('2026-03-01T08:00:10Z');
      await behavesAsFixedWindow(redisRateLimiter(redis, clock, `siyu-test:${randomBytes(4).toString('hex')}:`), clock);
    } finally {
      redis.disconnect();
    }
  });
});
