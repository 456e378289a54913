import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownerOfNewTenant } from '../testing';
import { seedDemoCatalog } from './seed-catalog';

describe('demo catalog', () => {
  it('seeds 150 products in 10 categories with SKUs and stock in the stores, findable in the shop; once', async () => {
    const { rt, agent, tenant } = await ownerOfNewTenant();
    for (const name of ['静安寺店', '徐汇滨江店', '陆家嘴店'])
      assert.equal((await agent.post('/api/admin/org-units', { kind: 'store', name })).statusCode, 201);
    const loaded = await seedDemoCatalog(rt, tenant.slug);
    assert.deepEqual(
      { ...loaded, stockRows: loaded!.stockRows > 1000 },
      { categories: 10, products: 150, skus: 345, stockRows: true },
    );
    assert.equal(await seedDemoCatalog(rt, tenant.slug), null, 'a second run adds nothing');

    const cats = (await agent.get('/api/admin/catalog/categories')).data.items;
    assert.equal(cats.length, 10);
    const latte = (await agent.get(`/api/admin/catalog/products?q=${encodeURIComponent('燕麦拿铁')}`)).data.items[0];
    const detail = (await agent.get(`/api/admin/catalog/products/${latte.id}`)).data;
    assert.deepEqual(
      detail.skus.map((s: { specText: string }) => s.specText),
      ['中杯 / 冰', '中杯 / 热', '大杯 / 冰', '大杯 / 热'],
    );
    assert.ok(detail.stock.onHand > 0);
    const low = (await agent.get('/api/admin/catalog/stock/low?limit=200')).data.items;
    assert.ok(low.length > 0, 'some stock runs low');
    const shop = `/api/shop/t/${tenant.slug}/catalog`;
    const found = (await agent.get(`${shop}/search?q=natie`)).data.items.map((p: { title: string }) => p.title);
    assert.ok(found.includes('燕麦拿铁') && found.includes('生椰拿铁'), found.join());
    const list = (await agent.get(`${shop}/products?sort=sales`)).data;
    assert.equal(list.items.length, 20);
    assert.ok(list.nextCursor);
    // drawn pictures, uploaded like an operator's: every product has a cover with its WebP variants
    assert.ok(list.items.every((p: { cover: unknown }) => p.cover));
    const thumb = await agent.get(list.items[0].cover.thumbUrl);
    assert.deepEqual([thumb.statusCode, thumb.headers['content-type']], [200, 'image/webp']);
    assert.ok(cats.every((c: { icon: unknown }) => c.icon));
  });
});
