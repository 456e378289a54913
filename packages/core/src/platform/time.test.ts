import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayIn, startOfDayIn, zoneOffsetMs } from './time';

describe('tenant time zones', () => {
  it('Shanghai days start at 16:00 UTC the day before', () => {
    assert.equal(zoneOffsetMs('Asia/Shanghai', new Date('2026-06-01T00:00:00Z')), 8 * 3600_000);
    assert.equal(startOfDayIn('2026-06-01', 'Asia/Shanghai').toISOString(), '2026-05-31T16:00:00.000Z');
    assert.equal(dayIn(new Date('2026-05-31T18:00:00Z'), 'Asia/Shanghai'), '2026-06-01');
  });

  it('handles daylight saving days', () => {
    assert.equal(startOfDayIn('2026-03-08', 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(startOfDayIn('2026-03-09', 'America/New_York').toISOString(), '2026-03-09T04:00:00.000Z');
    assert.equal(startOfDayIn('2026-07-01', 'UTC').toISOString(), '2026-07-01T00:00:00.000Z');
  });
});
