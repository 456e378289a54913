import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addProblem, moved } from './hot-words-api';

describe('hot words editor', () => {
  it('moves a word one place and leaves the ends alone', () => {
    assert.deepEqual(moved(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
    assert.deepEqual(moved(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
    assert.deepEqual(moved(['a', 'b'], 0, -1), ['a', 'b']);
    assert.deepEqual(moved(['a', 'b'], 1, 1), ['a', 'b']);
  });

  it('says why a word cannot be added', () => {
    assert.equal(addProblem(['拿铁'], '  ', 10, 20), 'catalog.hotWords.errEmpty');
    assert.equal(addProblem(['Latte'], ' latte ', 10, 20), 'catalog.hotWords.errTaken');
    assert.equal(addProblem([], 'x'.repeat(21), 10, 20), 'catalog.hotWords.errLong');
    assert.equal(addProblem(['a', 'b'], 'c', 2, 20), 'catalog.hotWords.errFull');
    assert.equal(addProblem(['拿铁'], ' 美式 ', 10, 20), null);
  });
});
