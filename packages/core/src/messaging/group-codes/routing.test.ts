import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RoutingGroup, routeCode } from './routing';

const groups = (...gs: [string, number, ('active' | 'dismissed')?][]) =>
  new Map<string, RoutingGroup>(
    gs.map(([chatId, memberCount, status]) => [chatId, { chatId, memberCount, status: status ?? 'active' }]),
  );
const code = (chatIds: string[], memberCap: number, autoCreate = false) => ({
  chatIds,
  memberCap,
  autoCreate,
  activeChatIds: [],
});

describe('group code routing', () => {
  it('puts the groups under the cap on the join way, in order, at most five', () => {
    const g = groups(['a', 200], ['b', 10], ['c', 0], ['d', 1], ['e', 2], ['f', 3], ['g', 4]);
    assert.deepEqual(routeCode(code(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 200), g), {
      activeChatIds: ['b', 'c', 'd', 'e', 'f'],
      routing: 'open',
    });
  });

  it('moves past groups at the code’s own cap and dismissed or unknown groups', () => {
    const g = groups(['a', 50], ['b', 49, 'dismissed'], ['c', 49]);
    assert.deepEqual(routeCode(code(['a', 'x', 'b', 'c'], 50), g), { activeChatIds: ['c'], routing: 'open' });
  });

  it('keeps the last group when all are full: open with auto-create (WeCom makes a room), full without', () => {
    const g = groups(['a', 3], ['b', 5]);
    assert.deepEqual(routeCode(code(['a', 'b'], 3, true), g), { activeChatIds: ['b'], routing: 'open' });
    assert.deepEqual(routeCode(code(['a', 'b'], 3, false), g), { activeChatIds: ['b'], routing: 'full' });
  });

  it('keeps what is applied when no group is left at all', () => {
    const g = groups(['a', 1, 'dismissed']);
    assert.deepEqual(routeCode({ ...code(['a'], 10), activeChatIds: ['a'] }, g), {
      activeChatIds: ['a'],
      routing: 'full',
    });
  });
});
