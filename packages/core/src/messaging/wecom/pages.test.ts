/** Cursor paging for sync jobs, against the sandbox: every item once, and resuming from a stored cursor. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { testClock } from '../../platform';
import { createWecomClient, type WecomClient } from './client';
import { generateCallbackSecrets } from './crypto';
import { customerPages, groupPages, memberIdPages, pagesOf } from './pages';
import { createWecomSandbox } from './sandbox/sandbox';
import { sandboxFetch } from './sandbox/sandbox-http';
import { createAccessTokenStore } from './tokens';

const CORP = 'wwpages000000001';
const clock = testClock('2026-03-02T02:00:00Z');
const sandbox = createWecomSandbox({
  clock,
  corps: [
    {
      corpId: CORP,
      secrets: ['s'],
      ...generateCallbackSecrets(),
      staff: [
        { userid: 'zhangsan', name: '张三' },
        { userid: 'lisi', name: '李四' },
      ],
    },
  ],
});
let wecom: WecomClient;

const collect = async <T>(pages: AsyncGenerator<{ items: T[]; next: string | undefined }>) => {
  const out: { items: T[]; next: string | undefined }[] = [];
  for await (const p of pages) out.push(p);
  return out;
};

before(async () => {
  wecom = createWecomClient({
    corpId: CORP,
    secret: 's',
    baseUrl: 'http://wecom.sandbox',
    fetch: sandboxFetch(sandbox),
    clock,
    tokens: createAccessTokenStore(),
  });
  const way = await wecom.contactWays.add({ type: 2, scene: 2, user: ['zhangsan', 'lisi'] });
  for (let i = 0; i < 240; i++) await sandbox.simulate.scan(CORP, way.config_id);
  for (let i = 0; i < 3; i++) await sandbox.simulate.createGroup(CORP, 'zhangsan', `群${i}`);
});

describe('cursor pages', () => {
  it('walks every customer of the given members once, 100 a page', async () => {
    const pages = await collect(customerPages(wecom, ['zhangsan', 'lisi']));
    assert.deepEqual(
      pages.map((p) => p.items.length),
      [100, 100, 40],
    );
    const ids = new Set(
      pages.flatMap((p) => p.items.map((i) => `${i.follow_info.userid}/${i.external_contact.external_userid}`)),
    );
    assert.equal(ids.size, 240);
    assert.equal(pages.at(-1)?.next, undefined);
  });

  it('resumes from a stored cursor', async () => {
    const first = await customerPages(wecom, ['zhangsan', 'lisi']).next();
    assert.ok(!first.done && first.value.next);
    const rest = await collect(customerPages(wecom, ['zhangsan', 'lisi'], first.value.next));
    assert.deepEqual(
      rest.map((p) => p.items.length),
      [100, 40],
    );
  });

  it('lists groups and member ids, and refuses an empty or oversized member batch', async () => {
    assert.equal((await collect(groupPages(wecom))).flatMap((p) => p.items).length, 3);
    assert.equal((await collect(groupPages(wecom, undefined, ['lisi']))).flatMap((p) => p.items).length, 0);
    assert.deepEqual(
      (await collect(memberIdPages(wecom))).flatMap((p) => p.items.map((m) => m.userid)),
      ['zhangsan', 'lisi'],
    );
    assert.throws(() => customerPages(wecom, []), RangeError);
    assert.throws(
      () =>
        customerPages(
          wecom,
          Array.from({ length: 101 }, (_, i) => `u${i}`),
        ),
      RangeError,
    );
  });

  it('stops on an empty next cursor', async () => {
    const calls: (string | undefined)[] = [];
    const pages = await collect(
      pagesOf(async (cursor) => {
        calls.push(cursor);
        return cursor ? { items: [2], next: '' } : { items: [1], next: 'c1' };
      }),
    );
    assert.deepEqual(calls, [undefined, 'c1']);
    assert.deepEqual(
      pages.map((p) => p.items),
      [[1], [2]],
    );
  });
});
