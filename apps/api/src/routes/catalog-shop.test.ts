import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, ownerOfNewTenant } from '../testing';
import { ok } from './tags.fixtures';

const PRODUCTS = '/api/admin/catalog/products';

async function shop() {
  const o = await ownerOfNewTenant();
  const a = o.agent;
  const base = `/api/shop/t/${o.tenant.slug}/catalog`;
  const coffee = ok(await a.post('/api/admin/catalog/categories', { name: '咖啡' }), 201);
  const store = ok(await a.post('/api/admin/org-units', { kind: 'store', name: '国贸店' }), 201);
  const make = async (title: string, status: string, price = 2000) =>
    ok(await a.post(PRODUCTS, { title, categoryId: coffee.id, status, skus: [{ price }] }), 201);
  const latte = await make('燕麦拿铁', 'on_sale', 2800);
  const americano = await make('冰美式', 'on_sale', 1800);
  const draft = await make('拿铁草稿', 'draft');
  const off = await make('拿铁下架', 'off_sale');
  ok(
    await a.post('/api/admin/catalog/stock/adjustments', {
      reason: 'purchase',
      lines: [{ skuId: latte.skus[0].id, locationId: store.id, delta: 5 }],
    }),
  );
  return { ...o, base, coffee, latte, americano, draft, off, anon: new Agent(o.app) };
}

describe('shop catalog API', () => {
  it('shows on-sale products only: list, detail, categories; drafts and off-sale are 404', async () => {
    const { base, anon, latte, draft, off, coffee } = await shop();
    const list = ok(await anon.get(`${base}/products?sort=price_asc`));
    assert.deepEqual(
      list.items.map((p: { title: string }) => p.title),
      ['冰美式', '燕麦拿铁'],
    );
    assert.equal(list.nextCursor, null);
    const inStock = ok(await anon.get(`${base}/products?inStock=true`)).items;
    assert.deepEqual(
      inStock.map((p: { id: string }) => p.id),
      [latte.id],
    );
    const detail = ok(await anon.get(`${base}/products/${latte.id}`));
    assert.deepEqual(
      [detail.inStock, detail.skus[0].available, detail.skus[0].price, detail.categoryName],
      [true, 5, 2800, '咖啡'],
    );
    assert.equal(detail.skus[0].cost, undefined, 'costs stay in the admin');
    for (const hidden of [draft.id, off.id])
      assert.equal((await anon.get(`${base}/products/${hidden}`)).statusCode, 404);
    const cats = ok(await anon.get(`${base}/categories`)).items;
    assert.deepEqual(
      cats.map((c: { id: string; productCount: number }) => [c.id, c.productCount]),
      [[coffee.id, 2]],
    );
    assert.equal((await anon.get('/api/shop/t/no-such-shop/catalog/products')).statusCode, 404);
  });

  it('searches by Chinese, pinyin and initials; no match suggests best sellers; a shopper search is recorded', async () => {
    const { base, anon, app, tenant, agent } = await shop();
    for (const q of ['拿铁', 'natie', 'nt', '燕麦'])
      assert.deepEqual(
        ok(await anon.get(`${base}/search?q=${encodeURIComponent(q)}`)).items.map((p: { title: string }) => p.title),
        ['燕麦拿铁'],
        q,
      );
    const none = ok(await anon.get(`${base}/search?q=${encodeURIComponent('披萨')}`));
    assert.deepEqual([none.items, none.suggestions.map((p: { title: string }) => p.title)], [[], ['燕麦拿铁']]);
    assert.equal((await anon.get(`${base}/search?q=`)).statusCode, 400);

    const shopper = new Agent(app);
    const phone = `137${String(Date.now()).slice(-8)}`;
    await shopper.post(`/api/shop/t/${tenant.slug}/auth/sms-code`, { phone });
    const code = (await shopper.get(`/api/dev/sms?phone=${phone}`)).data.items[0].code;
    ok(await shopper.post(`/api/shop/t/${tenant.slug}/auth/sms-login`, { phone, code }));
    // Without the session's x-csrf-token (as when another site embeds the URL) the search is not recorded.
    ok(await shopper.get(`${base}/search?q=${encodeURIComponent('燕麦')}`));
    ok(
      await shopper.request('GET', `${base}/search?q=${encodeURIComponent('拿铁')}`, undefined, {
        'x-csrf-token': shopper.csrf!,
      }),
    );
    const customers = ok(await agent.get(`/api/admin/customers?q=${phone}`)).items;
    assert.equal(customers.length, 1);
    const tl = ok(await agent.get(`/api/admin/customers/${customers[0].id}/timeline?types=search.performed`)).items;
    assert.deepEqual(
      tl.map((e: { properties: { q: string; results: number } }) => [e.properties.q, e.properties.results]),
      [['拿铁', 1]],
    );
  });
});
