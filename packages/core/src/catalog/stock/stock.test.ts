import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AppError, inTransaction } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { category, product, store } from '../catalog.fixtures';
import { releaseStock, reserveStock, shipStock, StockShortError } from './reservations.service';
import { adjustStock, listLowStock, listMovements, listStock } from './stock.service';

const { rt, clock } = await testRuntime();

async function setup() {
  const t = await createTestTenant(rt);
  const ctx = t.ctx;
  const c = await category(ctx, '咖啡豆');
  const a = await store(ctx, '国贸店');
  const b = await store(ctx, '中央仓', 'warehouse');
  const p = await product(ctx, c.id, { title: '耶加雪菲', lowStockThreshold: 2 });
  const sku = p.skus[0]!.id;
  const adjust = (reason: 'purchase' | 'damage' | 'adjustment', delta: number, locationId = a.id) => {
    clock.advance(1000); // ledger ids sort by time
    return inTransaction(ctx, (tx) =>
      adjustStock(tx, { reason, reference: 'REF', note: null, lines: [{ skuId: sku, locationId, delta }] }),
    );
  };
  return { ctx, p, sku, a, b, adjust };
}

describe('catalog stock', () => {
  it('adjusts with a ledger row per change and never goes below zero', async () => {
    const { ctx, sku, a, adjust } = await setup();
    const [level] = (await adjust('purchase', 10)).items;
    assert.deepEqual([level!.onHand, level!.available, level!.locationName, level!.low], [10, 10, '国贸店', false]);
    await adjust('damage', -4);
    await assert.rejects(adjust('damage', -7), (e) => (e as AppError).code === 'STOCK_SHORT');
    await assert.rejects(adjust('purchase', -1), /lines\.0\.delta/);
    await assert.rejects(adjust('adjustment', -1, 'org_0000000000000000000000'), /lines\.0\.locationId/);
    const levels = await listStock(ctx, { skuId: sku, limit: 10 });
    assert.deepEqual(
      levels.items.map((l) => l.onHand),
      [6],
    );
    const ledger = await listMovements(ctx, { skuId: sku, limit: 10 });
    assert.deepEqual(
      ledger.items.map((m) => [m.reason, m.delta, m.onHandAfter, m.reference, m.actorName, m.locationId]),
      [
        ['damage', -4, 6, 'REF', 'Owner', a.id],
        ['purchase', 10, 10, 'REF', 'Owner', a.id],
      ],
    );
  });

  it('reserves from the location with most units, splits, and refuses to oversell', async () => {
    const { ctx, sku, a, b, adjust } = await setup();
    await adjust('purchase', 3, a.id);
    await adjust('purchase', 5, b.id);
    const first = await inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 6 }], 'ord_1'));
    assert.deepEqual(
      first.map((x) => [x.locationId, x.quantity]),
      [
        [b.id, 5],
        [a.id, 1],
      ],
    );
    // Sequential buyers for the last 2 units: exactly 2 single-unit reservations succeed.
    let ok = 0;
    let short = 0;
    for (let i = 0; i < 5; i++) {
      try {
        await inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 1 }], `ord_r${i}`));
        ok++;
      } catch (e) {
        assert.ok(e instanceof StockShortError);
        assert.deepEqual(e.lines, [{ skuId: sku, requested: 1, available: 0 }]);
        short++;
      }
    }
    assert.deepEqual([ok, short], [2, 3]);
    // Concurrent-ish: ten reservations at once for units that are gone: all refused, none below zero.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 1 }], `c${i}`)),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 0);
    const levels = (await listStock(ctx, { skuId: sku, limit: 10 })).items;
    assert.deepEqual(levels.map((l) => l.available).sort(), [0, 0]);
    assert.equal(
      levels.reduce((s, l) => s + l.reserved, 0),
      8,
    );
    // A short order reserves nothing (rolled back with its transaction).
    await assert.rejects(
      inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 1 }], 'ord_x')),
      StockShortError,
    );

    // Release one unit and ship the first order: on-hand drops, sales count up, ledger says why.
    await inTransaction(ctx, (tx) => releaseStock(tx, [{ skuId: sku, locationId: a.id, quantity: 1 }], 'ord_r0'));
    await inTransaction(ctx, (tx) => shipStock(tx, first, 'ord_1'));
    const after = (await listStock(ctx, { skuId: sku, limit: 10 })).items;
    assert.deepEqual(
      after.map((l) => [l.locationId, l.onHand, l.reserved]).sort(),
      [
        [a.id, 2, 1],
        [b.id, 0, 0],
      ].sort(),
    );
    const reasons = (await listMovements(ctx, { skuId: sku, limit: 50 })).items.map((m) => m.reason);
    assert.deepEqual(
      [reasons.filter((r) => r === 'order_ship').length, reasons.filter((r) => r === 'order_release').length],
      [2, 1],
    );
    await assert.rejects(
      inTransaction(ctx, (tx) => releaseStock(tx, [{ skuId: sku, locationId: b.id, quantity: 1 }], 'ord_1')),
      (e) => (e as AppError).code === 'NOT_RESERVED',
    );
  });

  it('ten concurrent buyers for three units: exactly three reservations, nothing below zero', async () => {
    const { ctx, sku, a, b, adjust } = await setup();
    await adjust('purchase', 2, a.id);
    await adjust('purchase', 1, b.id);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        inTransaction(ctx, (tx) => reserveStock(tx, [{ skuId: sku, quantity: 1 }], `race${i}`)),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    assert.equal(won, 3);
    for (const r of results)
      if (r.status === 'rejected') assert.ok(r.reason instanceof StockShortError, String(r.reason));
    const levels = (await listStock(ctx, { skuId: sku, limit: 10 })).items;
    assert.deepEqual(levels.map((l) => [l.onHand, l.reserved, l.available]).sort(), [
      [1, 1, 0],
      [2, 2, 0],
    ]);
    const reserves = (await listMovements(ctx, { skuId: sku, reason: 'order_reserve', limit: 50 })).items;
    assert.equal(reserves.length, 3);
  });

  it('lists low stock lowest first, counting a location that never held the SKU as zero', async () => {
    const { ctx, sku, a, b, adjust } = await setup();
    const low = async (opts: { locationId?: string } = {}) =>
      (await listLowStock(ctx, { limit: 10, ...opts })).items.map((l) => [l.locationId, l.available, l.low]);
    assert.deepEqual(
      (await low()).sort(),
      [
        [a.id, 0, true],
        [b.id, 0, true],
      ].sort(),
      'a SKU never stocked is low everywhere',
    );
    await adjust('purchase', 2, a.id);
    await adjust('purchase', 9, b.id);
    assert.deepEqual(await low(), [[a.id, 2, true]]);
    await adjust('damage', -9, b.id);
    assert.deepEqual(await low(), [
      [b.id, 0, true],
      [a.id, 2, true],
    ]);
    assert.deepEqual(await low({ locationId: a.id }), [[a.id, 2, true]]);
    const listed = await listStock(ctx, { skuId: sku, lowOnly: true, limit: 10 });
    assert.equal(listed.items.length, 2);
  });
});
