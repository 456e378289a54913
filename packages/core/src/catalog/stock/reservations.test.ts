import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inTransaction } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { category, product, store } from '../catalog.fixtures';
import { bulkSetStatus } from '../products/products.service';
import { reserveStock, SkuUnavailableError } from './reservations.service';
import { adjustStock } from './stock.service';

const { rt } = await testRuntime();

describe('catalog stock reservations', () => {
  it('refuses SKUs whose product is not on sale, naming them, and holds nothing', async () => {
    const t = await createTestTenant(rt);
    const ctx = t.ctx;
    const c = await category(ctx, '咖啡豆');
    const s = await store(ctx, '国贸店');
    const onSale = await product(ctx, c.id, { title: '耶加雪菲' });
    const draft = await product(ctx, c.id, { title: '瑰夏', status: 'draft' });
    const later = await product(ctx, c.id, { title: '曼特宁' });
    const skus = [onSale, draft, later].map((p) => p.skus[0]!.id);
    await inTransaction(ctx, (tx) =>
      adjustStock(tx, {
        reason: 'purchase',
        reference: 'REF',
        note: null,
        lines: skus.map((skuId) => ({ skuId, locationId: s.id, delta: 5 })),
      }),
    );
    await inTransaction(ctx, (tx) => bulkSetStatus(tx, { ids: [later.id], status: 'off_sale' }));
    const attempt = inTransaction(ctx, (tx) =>
      reserveStock(
        tx,
        skus.map((skuId) => ({ skuId, quantity: 1 })),
        'ord_1',
      ),
    );
    await assert.rejects(attempt, (e) => {
      assert.ok(e instanceof SkuUnavailableError);
      assert.equal(e.code, 'SKU_UNAVAILABLE');
      assert.deepEqual([...e.skuIds].sort(), [skus[1], skus[2]].sort());
      return true;
    });
    const held = await inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: skus[0]!, quantity: 2 }], 'ord_2'));
    assert.deepEqual(
      held.map((a) => [a.skuId, a.quantity]),
      [[skus[0], 2]],
      'a product on sale still reserves',
    );
  });
});
