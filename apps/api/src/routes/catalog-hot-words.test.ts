import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, loginAs, ownerOfNewTenant } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';

const HOT = '/api/admin/catalog/hot-words';
const DAY = 86_400_000;

async function shop() {
  const o = await ownerOfNewTenant();
  const a = o.agent;
  const base = `/api/shop/t/${o.tenant.slug}/catalog`;
  const coffee = ok(await a.post('/api/admin/catalog/categories', { name: '咖啡' }), 201);
  for (const title of ['燕麦拿铁', '冰美式'])
    ok(
      await a.post('/api/admin/catalog/products', {
        title,
        categoryId: coffee.id,
        status: 'on_sale',
        skus: [{ price: 2000 }],
      }),
      201,
    );
  const anon = new Agent(o.app);
  const search = async (q: string, times = 1) => {
    for (let i = 0; i < times; i++) ok(await anon.get(`${base}/search?q=${encodeURIComponent(q)}`));
  };
  const shopWords = async () => ok(await anon.get(`${base}/hot-words`)).items;
  return { ...o, a, base, anon, search, shopWords };
}

const put = (a: Agent, words: unknown) => a.request('PUT', HOT, { words });

describe('catalog hot words API', () => {
  it('keeps the operator list in order, validates it, and fills the shop list with searched keywords that found something', async () => {
    const { a, search, shopWords } = await shop();
    assert.deepEqual(ok(await a.get(HOT)), { words: [], popular: [] });
    assert.deepEqual(await shopWords(), []);

    expectInvalid(await put(a, ['拿铁', '  拿铁 ']), 'words.1');
    expectInvalid(await put(a, ['Latte', 'latte']), 'words.1');
    expectInvalid(await put(a, ['这是一个超过二十个字符的非常非常长的热搜词啊']), 'words.0');
    expectInvalid(await put(a, ['']), 'words.0');
    expectInvalid(
      await put(
        a,
        Array.from({ length: 11 }, (_, i) => `词${i}`),
      ),
      'words',
    );
    const saved = ok(await put(a, [' 新品 ', '拿铁']));
    assert.deepEqual(saved.words, ['新品', '拿铁']);

    await search('natie', 3);
    await search(' 冰美式 ', 2);
    await search('NT'); // counted as nt
    await search('没有这个商品', 5); // found nothing: never a hot word
    await search('拿铁'); // already an operator word: listed once
    const admin = ok(await a.get(HOT));
    assert.deepEqual(admin.popular, [
      { word: 'natie', searches: 3 },
      { word: '冰美式', searches: 2 },
      { word: 'nt', searches: 1 },
      { word: '拿铁', searches: 1 },
    ]);
    assert.deepEqual(await shopWords(), [
      { word: '新品', source: 'operator' },
      { word: '拿铁', source: 'operator' },
      { word: 'natie', source: 'popular' },
      { word: '冰美式', source: 'popular' },
      { word: 'nt', source: 'popular' },
    ]);

    // reorder, then remove all: the shop shows what shoppers search
    assert.deepEqual(ok(await put(a, ['拿铁', '新品'])).words, ['拿铁', '新品']);
    assert.deepEqual(ok(await put(a, [])).words, []);
    assert.deepEqual(
      (await shopWords()).map((w: { word: string }) => w.word),
      ['natie', '冰美式', 'nt', '拿铁'],
    );
  });

  it('counts the last 7 days only', async () => {
    const { clock, search, shopWords, a } = await shop();
    await search('拿铁', 2);
    assert.deepEqual(
      (await shopWords()).map((w: { word: string }) => w.word),
      ['拿铁'],
    );
    clock.advance(6 * DAY);
    await search('美式');
    assert.deepEqual(
      ok(await a.get(HOT)).popular.map((p: { word: string }) => p.word),
      ['拿铁', '美式'],
    );
    clock.advance(1 * DAY + 3_600_000);
    assert.deepEqual(
      (await shopWords()).map((w: { word: string }) => w.word),
      ['美式'],
    );
  });

  it('keeps tenants apart and needs catalog.manage to change the list', async () => {
    const one = await shop();
    const two = await shop();
    ok(await put(one.a, ['拿铁']));
    await one.search('冰美式', 2);
    assert.deepEqual(ok(await two.a.get(HOT)), { words: [], popular: [] });
    assert.deepEqual(await two.shopWords(), []);
    ok(await put(two.a, ['蛋糕']));
    assert.deepEqual(ok(await one.a.get(HOT)).words, ['拿铁']);
    assert.deepEqual(
      (await one.shopWords()).map((w: { word: string }) => w.word),
      ['拿铁', '冰美式'],
    );
    // the other tenant's slug shows the other tenant's words
    assert.deepEqual(
      (await one.anon.get(`${two.base}/hot-words`)).data.items.map((w: { word: string }) => w.word),
      ['蛋糕'],
    );

    const roles = ok(await one.a.get('/api/admin/roles')).items;
    const analyst = roles.find((r: { key: string }) => r.key === 'analyst');
    const email = `analyst-${one.tenant.slug}@x.test`;
    ok(
      await one.a.post('/api/admin/staff', {
        name: '分析师',
        email,
        roleIds: [analyst.id],
        orgUnitIds: [],
        mode: 'password',
        password: 'role-pass-123',
      }),
      201,
    );
    const viewer = await loginAs(one.app, email, 'role-pass-123');
    assert.deepEqual(ok(await viewer.get(HOT)).words, ['拿铁']);
    expectError(await put(viewer, ['美式']), 403, 'FORBIDDEN');
    assert.equal((await new Agent(one.app).get(HOT)).statusCode, 401);
  });
});
