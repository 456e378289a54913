import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADDRESS, clientKey, shop } from './orders.fixtures';
import { expectError, ok } from './tags.fixtures';

describe('cart and addresses API', () => {
  it('re-prices the cart on every read and flags what cannot be bought', async () => {
    const s = await shop({ stock: 3 });
    const { shopper, base, agent } = s;
    assert.equal((await shopper.get(`${base}/cart`)).data.items.length, 0);
    ok(await shopper.post(`${base}/cart/items`, { skuId: s.latteSku, quantity: 2 }));
    s.clock.advance(1000); // items are listed in the order they were added
    const cart = ok(await shopper.post(`${base}/cart/items`, { skuId: s.americanoSku }));
    assert.deepEqual(
      cart.items.map((i: { title: string; quantity: number; issue: null }) => [i.title, i.quantity, i.issue]),
      [
        ['燕麦拿铁', 2, null],
        ['美式', 1, null],
      ],
    );
    assert.deepEqual([cart.selectedCount, cart.selectedTotal, cart.hasIssues], [3, 2 * 2800 + 1800, false]);

    // The merchant raises the latte's price and takes the americano off sale.
    ok(await agent.patch(`/api/admin/catalog/products/${s.latte.id}`, { skus: [{ price: 3000 }] }));
    ok(await agent.patch(`/api/admin/catalog/products/${s.americano.id}`, { status: 'off_sale' }));
    const again = ok(await shopper.get(`${base}/cart`));
    const [latte, americano] = again.items;
    assert.deepEqual([latte.price, latte.priceAtAdd, latte.priceChanged, latte.lineTotal], [3000, 2800, true, 6000]);
    assert.equal(americano.issue, 'off_sale');
    assert.deepEqual([again.selectedTotal, again.hasIssues], [6000, true], 'flagged items are not counted');

    // More than the 3 in stock: short; unselected: not counted; removed: gone.
    const short = ok(await shopper.patch(`${base}/cart/items/${s.latteSku}`, { quantity: 4 }));
    assert.deepEqual([short.items[0].issue, short.items[0].available], ['short', 3]);
    const unselected = ok(await shopper.patch(`${base}/cart/items/${s.latteSku}`, { quantity: 1, selected: false }));
    assert.deepEqual([unselected.selectedCount, unselected.selectedTotal], [0, 0]);
    const removed = ok(await shopper.delete(`${base}/cart/items/${s.americanoSku}`));
    assert.deepEqual(
      removed.items.map((i: { skuId: string }) => i.skuId),
      [s.latteSku],
    );
    expectError(await shopper.delete(`${base}/cart/items/${s.americanoSku}`), 404, 'NOT_FOUND');
    expectError(await shopper.post(`${base}/cart/items`, { skuId: s.americanoSku }), 409, 'SKU_UNAVAILABLE');
    // Another shopper's cart is their own; anonymous visitors have none.
    assert.equal((await s.anon().get(`${base}/cart`)).statusCode, 401);
  });

  it('keeps an address book with one default and at most 20 addresses', async () => {
    const { shopper, base } = await shop();
    const first = ok(await shopper.post(`${base}/addresses`, ADDRESS), 201);
    assert.equal(first.isDefault, true, 'the first address is the default');
    const second = ok(await shopper.post(`${base}/addresses`, { ...ADDRESS, name: '李四', isDefault: true }), 201);
    let list = ok(await shopper.get(`${base}/addresses`)).items;
    assert.deepEqual(
      list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]),
      [
        [second.id, true],
        [first.id, false],
      ],
    );
    ok(await shopper.patch(`${base}/addresses/${first.id}`, { isDefault: true, detail: '南京西路2号' }));
    ok(await shopper.delete(`${base}/addresses/${first.id}`));
    list = ok(await shopper.get(`${base}/addresses`)).items;
    assert.deepEqual(
      list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]),
      [[second.id, true]],
      'deleting the default promotes another',
    );
    for (let i = list.length; i < 20; i++) ok(await shopper.post(`${base}/addresses`, ADDRESS), 201);
    expectError(await shopper.post(`${base}/addresses`, ADDRESS), 409, 'ADDRESS_LIMIT');
    assert.equal((await shopper.post(`${base}/addresses`, { ...ADDRESS, phone: '123' })).statusCode, 400);
  });

  it('previews checkout through the pipeline: items, discounts, shipping by the rules, total', async () => {
    const s = await shop();
    const { shopper, base, agent } = s;
    ok(await shopper.post(`${base}/addresses`, { ...ADDRESS, province: '新疆维吾尔自治区' }), 201);
    ok(
      await agent.request('PUT', '/api/admin/orders/settings', {
        paymentMinutes: 30,
        shipping: {
          express: {
            enabled: true,
            flatFee: 800,
            freeOver: 5000,
            provinces: [{ province: '新疆维吾尔自治区', fee: 2000, freeOver: null }],
          },
          pickup: { enabled: true },
        },
      }),
    );
    const buyNow = { buyNow: { skuId: s.latteSku, quantity: 2 } };
    const far = ok(await shopper.post(`${base}/checkout/preview`, buyNow));
    assert.deepEqual(
      [far.breakdown.itemsTotal, far.breakdown.discountTotal, far.breakdown.shippingFee, far.breakdown.total],
      [5600, 0, 2000, 7600],
      'the province rule has no free threshold',
    );
    const near = ok(await shopper.post(`${base}/addresses`, { ...ADDRESS, isDefault: true }), 201);
    const free = ok(await shopper.post(`${base}/checkout/preview`, { ...buyNow, addressId: near.id }));
    assert.deepEqual([free.breakdown.shippingFee, free.breakdown.total], [0, 5600], 'free over ¥50');
    const one = ok(await shopper.post(`${base}/checkout/preview`, { buyNow: { skuId: s.americanoSku, quantity: 1 } }));
    assert.deepEqual([one.breakdown.shippingFee, one.breakdown.total], [800, 2600], 'the flat fee');
    const pickup = ok(
      await shopper.post(`${base}/checkout/preview`, { ...buyNow, delivery: 'pickup', storeId: s.store.id }),
    );
    assert.deepEqual([pickup.breakdown.shippingFee, pickup.storeId], [0, s.store.id]);
    const stores = ok(await s.anon().get(`${base}/pickup-stores`)).items;
    assert.deepEqual(
      stores.map((x: { id: string }) => x.id),
      [s.store.id],
    );
    assert.equal((await shopper.post(`${base}/checkout/preview`, {})).data.error.code, 'EMPTY_CHECKOUT');
    const noStore = await shopper.post(`${base}/checkout/preview`, { ...buyNow, delivery: 'pickup' });
    assert.equal(noStore.data.error.details.issues[0].path, 'storeId');
    assert.ok(clientKey());
  });
});
