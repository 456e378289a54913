import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fenToYuanText, formatFen, formatFenRange, parseYuan } from './money';

describe('catalog money', () => {
  it('parses yuan text to exact fen without float errors', () => {
    assert.equal(parseYuan('19.99'), 1999);
    assert.equal(parseYuan('0.29'), 29);
    assert.equal(parseYuan('1.005'), undefined);
    assert.equal(parseYuan('12.3'), 1230);
    assert.equal(parseYuan('12.'), 1200);
    assert.equal(parseYuan(' ¥1,234.56 '), 123456);
    assert.equal(parseYuan('0'), 0);
    assert.equal(parseYuan(''), null);
    assert.equal(parseYuan('-1'), undefined);
    assert.equal(parseYuan('abc'), undefined);
    assert.equal(parseYuan('100000000'), 100_000_000_00);
    assert.equal(parseYuan('100000000.01'), undefined);
    for (let fen = 0; fen < 100_000; fen += 7) assert.equal(parseYuan(fenToYuanText(fen)), fen);
  });
  it('formats fen as ¥ with two decimals', () => {
    assert.equal(formatFen(1230), '¥12.30');
    assert.equal(formatFen(5), '¥0.05');
    assert.equal(formatFen(123456789), '¥1,234,567.89');
    assert.equal(formatFen(-250), '-¥2.50');
    assert.equal(fenToYuanText(1999), '19.99');
    assert.equal(fenToYuanText(null), '');
    assert.equal(formatFenRange(1200, 1800), '¥12.00 – ¥18.00');
    assert.equal(formatFenRange(1200, 1200), '¥12.00');
  });
});
