import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestTenant, testRuntime } from '../../testing';
import { category, DRINK_SPECS, product } from '../catalog.fixtures';
import { searchProducts, shopCategories, shopProduct, shopProducts } from './shop-catalog.service';

const { rt } = await testRuntime();

async function setup() {
  const { ctx } = await createTestTenant(rt);
  const coffee = await category(ctx, '咖啡');
  const bakery = await category(ctx, '烘焙');
  const bread = await category(ctx, '面包', bakery.id);
  const latte = await product(ctx, coffee.id, {
    title: '燕麦拿铁',
    subtitle: '燕麦奶与双份浓缩',
    specs: DRINK_SPECS,
    price: 2800,
  });
  const iced = await product(ctx, coffee.id, {
    title: '冰美式',
    subtitle: '搭配拿铁风味糖浆',
    tags: ['低卡'],
    price: 1800,
  });
  const cake = await product(ctx, bread.id, { title: '拿铁风味可颂', price: 1500, tags: ['拿铁'] });
  const draft = await product(ctx, coffee.id, { title: '拿铁草稿', status: 'draft' });
  const off = await product(ctx, coffee.id, { title: '拿铁下架', status: 'off_sale' });
  return { ctx, coffee, bakery, bread, latte, iced, cake, draft, off };
}

const titles = (r: { items: { title: string }[] }) => r.items.map((p) => p.title);
const search = (ctx: Parameters<typeof searchProducts>[0], q: string, more = {}) =>
  searchProducts(ctx, { q, sort: 'relevance', ...more }, null);

describe('catalog search and shop reads', () => {
  it('finds 拿铁 by Chinese, part of a word, pinyin and initials; title matches rank first; drafts never', async () => {
    const { ctx } = await setup();
    const all = await search(ctx, '拿铁');
    assert.deepEqual(new Set(titles(all).slice(0, 2)), new Set(['燕麦拿铁', '拿铁风味可颂'])); // in their titles
    assert.deepEqual(new Set(titles(all)), new Set(['燕麦拿铁', '拿铁风味可颂', '冰美式']));
    assert.equal(titles(all).at(-1), '冰美式'); // only its subtitle says 拿铁
    assert.ok(titles(await search(ctx, 'natie')).includes('燕麦拿铁'));
    assert.ok(titles(await search(ctx, 'NT')).includes('燕麦拿铁'));
    assert.ok(titles(await search(ctx, 'yanmai')).includes('燕麦拿铁'));
    assert.deepEqual(titles(await search(ctx, '麦拿')), ['燕麦拿铁']);
    assert.deepEqual(titles(await search(ctx, '面包')), ['拿铁风味可颂']); // by its category
    assert.deepEqual(titles(await search(ctx, '低卡')), ['冰美式']); // by its tag
  });

  it('suggests the best sellers of the category when nothing matches', async () => {
    const { ctx, bakery } = await setup();
    const none = await search(ctx, '披萨');
    assert.deepEqual(none.items, []);
    assert.equal(none.suggestions.length, 0); // nothing in stock yet
    const r = await searchProducts(ctx, { q: '披萨', categoryId: bakery.id, sort: 'relevance' }, null);
    assert.deepEqual(r.items, []);
  });

  it('lists on-sale products with filters and sorts; detail hides drafts', async () => {
    const { ctx, coffee, bakery, latte, draft, off } = await setup();
    assert.deepEqual(titles(await shopProducts(ctx, { sort: 'price_asc' })), ['拿铁风味可颂', '冰美式', '燕麦拿铁']);
    assert.deepEqual(titles(await shopProducts(ctx, { sort: 'price_desc', categoryId: coffee.id })), [
      '燕麦拿铁',
      '冰美式',
    ]);
    assert.deepEqual(titles(await shopProducts(ctx, { sort: 'newest', categoryId: bakery.id })), ['拿铁风味可颂']);
    assert.deepEqual(titles(await shopProducts(ctx, { sort: 'relevance', priceMin: 1600, priceMax: 2000 })), [
      '冰美式',
    ]);
    assert.deepEqual(titles(await shopProducts(ctx, { sort: 'relevance', inStock: true })), []);
    const d = await shopProduct(ctx, latte.id);
    assert.deepEqual([d.skus.length, d.inStock, d.skus[0]!.available, d.priceMin], [4, false, 0, 2800]);
    await assert.rejects(shopProduct(ctx, draft.id), /not found/);
    await assert.rejects(shopProduct(ctx, off.id), /not found/);
    const cats = (await shopCategories(ctx)).items.map((c) => [c.name, c.depth, c.productCount]);
    assert.deepEqual(cats, [
      ['烘焙', 1, 1], // siblings of equal sort by pinyin: hong < ka
      ['面包', 2, 1],
      ['咖啡', 1, 2],
    ]);
  });
});
