import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shop, shopperOf } from './orders.fixtures';
import { expectError, ok } from './tags.fixtures';

type Line = { skuId: string; outcome: string; reason: string | null; added: number; quantity: number };

describe('guest carts', () => {
  it('prices a guest cart without a session, and merges it at login with every line accounted for', async () => {
    const s = await shop({ stock: 3 });
    const tea = ok(
      await s.agent.post('/api/admin/catalog/products', {
        title: '抹茶',
        categoryId: s.latte.categoryId,
        status: 'on_sale',
        skus: [{ price: 2200 }],
      }),
      201,
    );
    const teaSku = tea.skus[0].id as string;
    const guest = s.anon();
    const guestLines = [
      { skuId: s.latteSku, quantity: 2, priceAtAdd: 2500 },
      { skuId: s.americanoSku, quantity: 1, selected: false },
      { skuId: teaSku, quantity: 1 },
    ];
    const quoted = ok(await guest.post(`${s.base}/cart/quote`, { items: guestLines }));
    assert.deepEqual(
      quoted.items.map((i: { title: string; price: number; priceChanged: boolean; issue: string | null }) => [
        i.title,
        i.price,
        i.priceChanged,
        i.issue,
      ]),
      [
        ['燕麦拿铁', 2800, true, null],
        ['美式', 1800, false, null],
        ['抹茶', 2200, false, 'out_of_stock'],
      ],
    );
    assert.deepEqual([quoted.selectedCount, quoted.selectedTotal], [2, 5600], 'unselected and flagged are not counted');
    expectError(await guest.post(`${s.base}/cart/merge`, { items: guestLines }), 401, 'UNAUTHORIZED');
    assert.equal((await guest.post(`${s.base}/cart/quote`, { items: [{ skuId: 'x', quantity: 1 }] })).statusCode, 400);

    // The shopper already has 2 lattes in the cart; only 3 are in stock.
    ok(await s.shopper.post(`${s.base}/cart/items`, { skuId: s.latteSku, quantity: 2 }));
    const merged = ok(
      await s.shopper.post(`${s.base}/cart/merge`, {
        items: [...guestLines, { skuId: s.americanoSku, quantity: 2 }],
      }),
    );
    const byId = new Map<string, Line>(merged.lines.map((l: Line) => [l.skuId, l]));
    const latte = byId.get(s.latteSku)!;
    assert.deepEqual(
      [latte.outcome, latte.reason, latte.added, latte.quantity],
      ['capped', 'stock_limit', 1, 3],
      'units add up, capped by the stock',
    );
    const americano = byId.get(s.americanoSku)!;
    assert.deepEqual(
      [americano.outcome, americano.added, americano.quantity],
      ['merged', 3, 3],
      'a SKU listed twice adds up',
    );
    const teaLine = byId.get(teaSku)!;
    assert.deepEqual([teaLine.outcome, teaLine.reason, teaLine.added], ['rejected', 'out_of_stock', 0]);
    assert.equal(merged.lines.find((l: Line) => l.skuId === s.latteSku).priceChanged, true);
    const cart = ok(await s.shopper.get(`${s.base}/cart`));
    assert.deepEqual(
      cart.items
        .map((i: { skuId: string; quantity: number; selected: boolean }) => [i.skuId, i.quantity, i.selected])
        .sort(),
      [
        [s.latteSku, 3, true],
        [s.americanoSku, 3, false],
      ].sort(),
      'the cart holds the merged lines; a line the guest unselected stays unselected',
    );

    // Off sale meanwhile: reported, not dropped silently; the cart is unchanged.
    ok(await s.agent.patch(`/api/admin/catalog/products/${s.americano.id}`, { status: 'off_sale' }));
    const again = ok(await s.shopper.post(`${s.base}/cart/merge`, { items: [{ skuId: s.americanoSku, quantity: 1 }] }));
    assert.deepEqual(
      again.lines.map((l: Line) => [l.outcome, l.reason, l.quantity]),
      [['rejected', 'off_sale', 3]],
    );
  });

  it("keeps tenants apart: another shop's SKU is unknown to a quote and to a merge", async () => {
    const a = await shop();
    const b = await shop();
    const quoted = ok(await b.anon().post(`${b.base}/cart/quote`, { items: [{ skuId: a.latteSku, quantity: 1 }] }));
    assert.deepEqual(
      quoted.items.map((i: { issue: string; title: string }) => [i.issue, i.title]),
      [['deleted', '']],
    );
    const shopperB = await shopperOf(b.app, b.tenant.slug);
    const merged = ok(await shopperB.post(`${b.base}/cart/merge`, { items: [{ skuId: a.latteSku, quantity: 1 }] }));
    assert.deepEqual(
      merged.lines.map((l: Line) => [l.outcome, l.reason]),
      [['rejected', 'deleted']],
    );
    assert.equal(merged.cart.items.length, 0);
    assert.equal(ok(await a.shopper.get(`${a.base}/cart`)).items.length, 0);
  });
});
