import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from './ids';

describe('newId', () => {
  it('is the prefix, 10 chars of time and 16 random chars in Crockford base32', () => {
    assert.match(newId('cus'), /^cus_[0-9a-hjkmnp-tv-z]{26}$/);
    assert.equal(newId('x', new Date(0)).slice(2, 12), '0000000000');
  });

  it('sorts by creation time across milliseconds', () => {
    const a = newId('x', new Date('2026-01-01T00:00:00.001Z'));
    const b = newId('x', new Date('2026-01-01T00:00:00.002Z'));
    assert.ok(a < b);
  });

  it('sorts by creation also within one millisecond (one injected clock time), and never repeats', () => {
    const at = new Date('2026-05-01T08:00:00Z');
    const ids = Array.from({ length: 20_000 }, () => newId('ord', at));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('does not count up by one: successive ids of one millisecond differ by a random step', () => {
    const at = new Date('2026-05-01T08:00:00Z');
    const steps = new Set<string>();
    let prev = newId('x', at);
    for (let i = 0; i < 50; i++) {
      const next = newId('x', at);
      steps.add(next.slice(-4));
      assert.ok(next > prev);
      prev = next;
    }
    assert.ok(steps.size > 40, 'the low characters vary');
  });
});
