import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProductPatch } from '@siyu/contracts';
import { type AppError, inTransaction } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { category, DRINK_SPECS, product, store } from '../catalog.fixtures';
import { adjustStock } from '../stock/stock.service';
import { sanitizeHtml } from './description';
import { listProducts } from './product-list.service';
import { getProduct, updateProduct } from './products.service';

const { rt } = await testRuntime();

const patch = (ctx: Parameters<typeof updateProduct>[0], id: string, p: unknown) =>
  inTransaction(ctx, (tx) => updateProduct(tx, id, ProductPatch.parse(p)));
const code = (e: unknown) => (e as AppError).code;

describe('catalog products', () => {
  it('builds the SKU matrix from specs and keeps SKU ids for combinations that stay', async () => {
    const { ctx } = await createTestTenant(rt);
    const drinks = await category(ctx, '咖啡');
    const p = await product(ctx, drinks.id, { title: '拿铁', specs: DRINK_SPECS });
    assert.deepEqual(
      p.skus.map((s) => s.specText),
      ['中杯 / 冰', '中杯 / 热', '大杯 / 冰', '大杯 / 热'],
    );
    assert.deepEqual([p.priceMin, p.priceMax], [1800, 2700]);
    const id = (text: string, skus = p.skus) => skus.find((s) => s.specText === text)?.id;

    // Add a size and reorder the attributes: the four old combinations keep their ids.
    const specs = [
      { name: '温度', values: ['冰', '热'] },
      { name: '杯型', values: ['中杯', '大杯', '超大杯'] },
    ];
    const skus = specs[1]!.values.flatMap((size) =>
      specs[0]!.values.map((temp) => ({ spec: { 杯型: size, 温度: temp }, price: size === '超大杯' ? 3200 : 2000 })),
    );
    const q = await patch(ctx, p.id, { specs, skus });
    assert.equal(q.skus.length, 6);
    assert.equal(id('冰 / 中杯', q.skus), id('中杯 / 冰'));
    assert.equal(id('热 / 大杯', q.skus), id('大杯 / 热'));
    assert.deepEqual([q.priceMin, q.priceMax], [2000, 3200]);

    // Drop 超大杯, then bring it back: the revived combination gets its old id.
    const big = id('冰 / 超大杯', q.skus);
    const r = await patch(ctx, p.id, { specs: DRINK_SPECS, skus: skus.filter((s) => s.spec.杯型 !== '超大杯') });
    assert.equal(r.skus.length, 4);
    const back = await patch(ctx, p.id, { specs, skus });
    assert.equal(id('冰 / 超大杯', back.skus), big);
  });

  it('refuses a matrix with a missing or duplicated combination, naming the field', async () => {
    const { ctx } = await createTestTenant(rt);
    const c = await category(ctx, '茶饮');
    const p = await product(ctx, c.id, { title: '乌龙茶', specs: DRINK_SPECS });
    const one = { spec: { 杯型: '中杯', 温度: '冰' }, price: 100 };
    await assert.rejects(patch(ctx, p.id, { specs: DRINK_SPECS, skus: [one] }), (e) => {
      assert.equal((e as AppError).status, 400);
      assert.match((e as Error).message, /^skus: missing the combinations 中杯 \/ 热/);
      return true;
    });
    await assert.rejects(patch(ctx, p.id, { specs: DRINK_SPECS, skus: [one, one] }), /skus\.1\.spec/);
    await assert.rejects(
      patch(ctx, p.id, { specs: DRINK_SPECS, skus: [{ spec: { 杯型: '小杯', 温度: '冰' }, price: 1 }] }),
      /skus\.0\.spec/,
    );
    await assert.rejects(patch(ctx, p.id, { specs: [] }), /^Error: skus: send the SKUs|skus: send the SKUs/);
  });

  it('refuses removing a SKU that holds stock (409 SKU_HAS_STOCK)', async () => {
    const { ctx } = await createTestTenant(rt);
    const c = await category(ctx, '咖啡');
    const shop = await store(ctx, '国贸店');
    const p = await product(ctx, c.id, { title: '美式', specs: DRINK_SPECS });
    await inTransaction(ctx, (tx) =>
      adjustStock(tx, {
        reason: 'purchase',
        reference: null,
        note: null,
        lines: [{ skuId: p.skus[0]!.id, locationId: shop.id, delta: 3 }],
      }),
    );
    const specs = [{ name: '杯型', values: ['大杯'] }, DRINK_SPECS[1]!];
    const skus = ['冰', '热'].map((t) => ({ spec: { 杯型: '大杯', 温度: t }, price: 2000 }));
    await assert.rejects(patch(ctx, p.id, { specs, skus }), (e) => code(e) === 'SKU_HAS_STOCK');
    assert.equal((await getProduct(ctx, p.id)).skus.length, 4);
  });

  it('sanitizes the rich description to the allowed subset', () => {
    const html =
      '<p onclick="x()">好喝<script>alert(1)</script><b>醇香</b></p><a href="javascript:alert(1)">链接</a>' +
      '<img src="https://cdn.example.com/a.png" onerror="x()"><img src="http://evil/a.png"><iframe src="x"></iframe>' +
      '<a href="https://example.com/?a=1&b=2">好</a><ul><li>一<li>二</ul><p>未闭合';
    assert.equal(
      sanitizeHtml(html),
      '<p>好喝<b>醇香</b></p><a>链接</a><img src="https://cdn.example.com/a.png" alt="">' +
        '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">好</a>' +
        '<ul><li>一<li>二</li></li></ul><p>未闭合</p>',
    );
    assert.equal(sanitizeHtml('a < b & <notatag> "c"'), 'a &lt; b &amp;  "c"');
  });

  it('lists with filters: category with descendants, status, tag, price, low stock, keyset pages', async () => {
    const { ctx } = await createTestTenant(rt);
    const food = await category(ctx, '烘焙');
    const bread = await category(ctx, '面包', food.id);
    const drinks = await category(ctx, '茶饮');
    const shop = await store(ctx, '三里屯店');
    const a = await product(ctx, bread.id, { title: '可颂', price: 1200, tags: ['新品'], lowStockThreshold: 5 });
    const b = await product(ctx, food.id, { title: '贝果', price: 900, status: 'draft' });
    const c = await product(ctx, drinks.id, { title: '柠檬茶', price: 2200, tags: ['新品', '夏季'] });
    await inTransaction(ctx, (tx) =>
      adjustStock(tx, {
        reason: 'purchase',
        reference: 'PO-1',
        note: null,
        lines: [
          { skuId: a.skus[0]!.id, locationId: shop.id, delta: 3 },
          { skuId: c.skus[0]!.id, locationId: shop.id, delta: 50 },
        ],
      }),
    );
    const ids = async (f: object) => (await listProducts(ctx, { limit: 50, ...f })).items.map((p) => p.title).sort();
    assert.deepEqual(await ids({ categoryId: food.id }), ['可颂', '贝果']);
    assert.deepEqual(await ids({ status: ['draft'] }), ['贝果']);
    assert.deepEqual(await ids({ tag: '新品' }), ['可颂', '柠檬茶']);
    assert.deepEqual(await ids({ priceMin: 1000, priceMax: 2000 }), ['可颂']);
    assert.deepEqual(await ids({ lowStock: true }), ['可颂'], 'the draft 贝果 was never stocked: not an alert');
    await inTransaction(ctx, (tx) => updateProduct(tx, b.id, { status: 'on_sale' }));
    assert.deepEqual(await ids({ lowStock: true }), ['可颂', '贝果'], 'on sale and never stocked: low');
    await inTransaction(ctx, (tx) => updateProduct(tx, b.id, { status: 'draft' }));
    assert.deepEqual(await ids({ q: 'kesong' }), ['可颂']);
    const newest = [a.id, b.id, c.id].sort().reverse(); // ids sort by creation time
    const page1 = await listProducts(ctx, { limit: 2 });
    assert.deepEqual(
      page1.items.map((p) => p.id),
      newest.slice(0, 2),
    );
    const page2 = await listProducts(ctx, { limit: 2, cursor: page1.nextCursor! });
    assert.deepEqual([page2.items.map((p) => p.id), page2.nextCursor], [newest.slice(2), null]);
    const tea = (await listProducts(ctx, { limit: 5, q: '柠檬' })).items[0]!;
    assert.deepEqual(tea.stock, { onHand: 50, reserved: 0, available: 50 });
  });
});
