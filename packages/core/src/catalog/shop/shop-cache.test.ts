import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inTransaction, readCacheStats } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { category, product, store } from '../catalog.fixtures';
import { updateCategory } from '../categories/categories.service';
import { bulkSetStatus, updateProduct } from '../products/products.service';
import { releaseStock, reserveStock } from '../stock/reservations.service';
import { adjustStock } from '../stock/stock.service';
import { searchProducts, shopCategories, shopProduct, shopProducts } from './shop-catalog.service';

const { rt } = await testRuntime();

async function setup() {
  for (let i = 0; i < 100 && !readCacheStats().enabled; i++) await new Promise((r) => setTimeout(r, 20));
  const { ctx } = await createTestTenant(rt);
  const coffee = await category(ctx, '咖啡');
  const shop = await store(ctx, '静安店');
  const latte = await product(ctx, coffee.id, { title: '燕麦拿铁', price: 2800 });
  const sku = latte.skus[0]!.id;
  await inTransaction(ctx, (tx) =>
    adjustStock(tx, {
      reason: 'purchase',
      reference: null,
      note: null,
      lines: [{ skuId: sku, locationId: shop.id, delta: 2 }],
    }),
  );
  return { ctx, coffee, latte, sku };
}

const list = (ctx: Parameters<typeof shopProducts>[0]) => shopProducts(ctx, { sort: 'newest' });

describe('the storefront read cache', () => {
  it('serves repeated reads from memory and shows a product change on the next read', async () => {
    const { ctx, latte } = await setup();
    const page = await shopProduct(ctx, latte.id);
    assert.equal(await shopProduct(ctx, latte.id), page, 'a hit is the same immutable object');
    const cards = await list(ctx);
    assert.equal(await list(ctx), cards);
    await inTransaction(ctx, (tx) => updateProduct(tx, latte.id, { title: '燕麦拿铁（新）' }));
    assert.equal((await shopProduct(ctx, latte.id)).title, '燕麦拿铁（新）');
    assert.equal((await list(ctx)).items[0]!.title, '燕麦拿铁（新）');
    const found = await searchProducts(ctx, { q: '新', sort: 'relevance' }, null);
    assert.deepEqual(
      found.items.map((p) => p.id),
      [latte.id],
      'search tokens and results follow',
    );
    await inTransaction(ctx, (tx) => bulkSetStatus(tx, { ids: [latte.id], status: 'off_sale' }));
    await assert.rejects(shopProduct(ctx, latte.id), /not found/i);
    assert.equal((await list(ctx)).items.length, 0);
  });

  it('follows reservations: units on the page, and in/out of stock in lists', async () => {
    const { ctx, latte, sku } = await setup();
    assert.equal((await shopProduct(ctx, latte.id)).skus[0]!.available, 2);
    assert.equal((await list(ctx)).items[0]!.inStock, true);
    const first = await inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 1 }], 'ord_a'));
    assert.equal((await shopProduct(ctx, latte.id)).skus[0]!.available, 1);
    assert.equal((await list(ctx)).items[0]!.inStock, true);
    const last = await inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 1 }], 'ord_b'));
    assert.equal((await shopProduct(ctx, latte.id)).skus[0]!.available, 0);
    assert.equal((await list(ctx)).items[0]!.inStock, false, 'the last unit takes it out of stock');
    assert.equal((await shopProducts(ctx, { sort: 'newest', inStock: true })).items.length, 0);
    await inTransaction(ctx, (tx) => releaseStock(tx, last, 'ord_b'));
    assert.equal((await list(ctx)).items[0]!.inStock, true, 'a release puts it back');
    assert.equal((await shopProduct(ctx, latte.id)).skus[0]!.available, 1);
    await inTransaction(ctx, (tx) => releaseStock(tx, first, 'ord_a'));
    assert.equal((await shopProduct(ctx, latte.id)).skus[0]!.available, 2);
  });

  it('a category rename reaches product pages, the category tab and searches', async () => {
    const { ctx, coffee, latte } = await setup();
    assert.equal((await shopProduct(ctx, latte.id)).categoryName, '咖啡');
    assert.equal((await shopCategories(ctx)).items[0]!.name, '咖啡');
    assert.equal((await searchProducts(ctx, { q: '手冲', sort: 'relevance' }, null)).items.length, 0);
    await inTransaction(ctx, (tx) => updateCategory(tx, coffee.id, { name: '手冲咖啡' }));
    assert.equal((await shopProduct(ctx, latte.id)).categoryName, '手冲咖啡');
    assert.equal((await shopCategories(ctx)).items[0]!.name, '手冲咖啡');
    assert.equal((await searchProducts(ctx, { q: '手冲', sort: 'relevance' }, null)).items.length, 1);
  });
});
