import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createTestTenant, testRuntime } from '../testing';
import { inTransaction } from './context';
import { cached, invalidate, READ_CACHE, readCacheStats } from './read-cache';

const { rt, clock } = await testRuntime();

/** A loader that counts its calls and answers with the count. */
function counter() {
  let n = 0;
  return { load: async () => ({ n: ++n }), calls: () => n };
}

/** On PostgreSQL the listener connects asynchronously; until then the cache is bypassed. */
async function cacheReady() {
  for (let i = 0; i < 100 && !readCacheStats().enabled; i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(readCacheStats().enabled, 'the read cache is enabled once its listener is connected');
}

describe('read cache', () => {
  it('serves a frozen entry until one of its tags is invalidated after a commit', async () => {
    await cacheReady();
    const { ctx } = await createTestTenant(rt);
    const c = counter();
    const first = await cached(ctx, 'k', ['a'], c.load);
    assert.equal(first.n, 1);
    assert.ok(Object.isFrozen(first));
    assert.equal(await cached(ctx, 'k', ['a'], c.load), first, 'the same object while current');
    await invalidate(ctx, ['b']);
    assert.equal((await cached(ctx, 'k', ['a'], c.load)).n, 1, 'another tag leaves it');
    await inTransaction(ctx, async (tx) => {
      await invalidate(tx, ['a']);
      assert.equal((await cached(ctx, 'k', ['a'], c.load)).n, 1, 'not before the commit');
    });
    assert.equal((await cached(ctx, 'k', ['a'], c.load)).n, 2, 'after the commit it is read again');
    await invalidate(ctx, ['*']);
    assert.equal((await cached(ctx, 'k', ['a'], c.load)).n, 3, '* is every entry of the tenant');
  });

  it('drops nothing when the writing transaction rolls back', async () => {
    await cacheReady();
    const { ctx } = await createTestTenant(rt);
    const c = counter();
    await cached(ctx, 'k', ['a'], c.load);
    await assert.rejects(
      inTransaction(ctx, async (tx) => {
        await invalidate(tx, ['a']);
        throw new Error('rolled back');
      }),
    );
    assert.equal((await cached(ctx, 'k', ['a'], c.load)).n, 1);
  });

  it('does not keep a value read while a write committed', async () => {
    await cacheReady();
    const { ctx } = await createTestTenant(rt);
    let n = 0;
    const racing = () =>
      cached(ctx, 'k', ['a'], async () => {
        n++;
        if (n === 1) await invalidate(ctx, ['a']); // a write commits while the first read runs
        return { n };
      });
    assert.equal((await racing()).n, 1);
    assert.equal((await racing()).n, 2, 'the first value was not kept');
    assert.equal((await racing()).n, 2);
  });

  it('keeps tenants apart and bypasses reads inside a transaction', async () => {
    await cacheReady();
    const a = await createTestTenant(rt);
    const b = await createTestTenant(rt);
    const c = counter();
    await cached(a.ctx, 'k', [], c.load);
    assert.equal((await cached(b.ctx, 'k', [], c.load)).n, 2, 'same key, other tenant');
    await invalidate(a.ctx, ['*']);
    assert.equal((await cached(b.ctx, 'k', [], c.load)).n, 2, "a's writes leave b's entries");
    await inTransaction(a.ctx, (tx) => cached(tx, 'k', [], c.load));
    assert.equal(c.calls(), 3, 'a transaction reads the database');
  });

  it('expires entries after the maximum age', async () => {
    await cacheReady();
    const { ctx } = await createTestTenant(rt);
    const c = counter();
    await cached(ctx, 'k', [], c.load);
    clock.advance(READ_CACHE.maxAgeMs + 1);
    assert.equal((await cached(ctx, 'k', [], c.load)).n, 2);
  });

  it('hears other processes through NOTIFY (PostgreSQL)', async (t) => {
    if (rt.database.engine !== 'postgres') return t.skip('the embedded engine has one process');
    await cacheReady();
    const { ctx, tenantId } = await createTestTenant(rt);
    const c = counter();
    await cached(ctx, 'k', ['a'], c.load);
    const other = new pg.Client({ connectionString: rt.config.databaseUrl });
    await other.connect();
    await other.query('select pg_notify($1, $2)', [
      READ_CACHE.channel,
      JSON.stringify({ o: 'another-process', t: [`${tenantId}|a`] }),
    ]);
    await other.end();
    let n = 1;
    for (let i = 0; i < 100 && n === 1; i++) {
      await new Promise((r) => setTimeout(r, 10));
      n = (await cached(ctx, 'k', ['a'], c.load)).n;
    }
    assert.equal(n, 2, 'the entry was dropped when the notification arrived');
  });
});
