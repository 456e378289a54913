import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientKey, shop, shopperOf } from './orders.fixtures';
import { ok } from './tags.fixtures';

describe('the last units', () => {
  it('ten concurrent buyers for three units get exactly three orders (truly concurrent on PostgreSQL)', async () => {
    const s = await shop({ stock: 3 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => shopperOf(s.app, s.tenant.slug)));
    const answers = await Promise.all(
      buyers.map((b) =>
        b.post(`${s.base}/orders`, {
          buyNow: { skuId: s.latteSku, quantity: 1 },
          delivery: 'express',
          clientKey: clientKey(),
        }),
      ),
    );
    // No address yet: every one of them is refused before stock is touched.
    assert.deepEqual(new Set(answers.map((a) => a.statusCode)), new Set([400]));
    await Promise.all(
      buyers.map(async (b) =>
        ok(
          await b.post(`${s.base}/addresses`, {
            name: '买家',
            phone: '13800138000',
            province: '上海市',
            city: '上海市',
            district: '静安区',
            detail: '1号',
          }),
          201,
        ),
      ),
    );
    const results = await Promise.all(
      buyers.map((b) =>
        b.post(`${s.base}/orders`, { buyNow: { skuId: s.latteSku, quantity: 1 }, clientKey: clientKey() }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [201, 201, 201, 409, 409, 409, 409, 409, 409, 409], results.map((r) => r.body).join('\n'));
    for (const r of results.filter((x) => x.statusCode === 409)) assert.equal(r.data.error.code, 'STOCK_SHORT');
    const stock = ok(await s.agent.get(`/api/admin/catalog/stock?productId=${s.latte.id}`)).items;
    assert.deepEqual(
      stock.map((x: { onHand: number; reserved: number; available: number }) => [x.onHand, x.reserved, x.available]),
      [[3, 3, 0]],
      'oversell: 0',
    );
    assert.equal(ok(await s.agent.get('/api/admin/orders?status=pending_payment')).items.length, 3);
  });
});
