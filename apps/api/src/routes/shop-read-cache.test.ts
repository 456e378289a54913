import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCacheStats } from '@siyu/core/platform';
import { Agent, ownerOfNewTenant } from '../testing';
import { ok } from './tags.fixtures';

describe('storefront reads over HTTP with the read cache', () => {
  it('answers repeated reads with the same body and ETag, 304 on revalidation, and the new body after a change', async () => {
    for (let i = 0; i < 100 && !readCacheStats().enabled; i++) await new Promise((r) => setTimeout(r, 20));
    const { agent: admin, app, tenant } = await ownerOfNewTenant();
    const coffee = ok(await admin.post('/api/admin/catalog/categories', { name: '咖啡' }), 201);
    const latte = ok(
      await admin.post('/api/admin/catalog/products', {
        title: '燕麦拿铁',
        categoryId: coffee.id,
        status: 'on_sale',
        skus: [{ price: 2800 }],
      }),
      201,
    );
    const anon = new Agent(app);
    const url = `/api/shop/t/${tenant.slug}/catalog/products/${latte.id}`;
    const first = await anon.get(url);
    const second = await anon.get(url);
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['content-type']), /application\/json/);
    assert.ok(first.headers.etag);
    assert.equal(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    const again = await anon.request('GET', url, undefined, { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    ok(await admin.patch(`/api/admin/catalog/products/${latte.id}`, { title: '燕麦拿铁 大杯' }));
    const changed = await anon.request('GET', url, undefined, { 'if-none-match': String(first.headers.etag) });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.data.title, '燕麦拿铁 大杯');
    assert.notEqual(changed.headers.etag, first.headers.etag);
  });
});
