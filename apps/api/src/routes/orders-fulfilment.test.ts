import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientKey, shop } from './orders.fixtures';
import { payWithFake, place, staffWithRole } from './orders-flow.fixtures';
import { expectError, ok } from './tags.fixtures';

type Line = { id: string; skuId: string; quantity: number; shippedQuantity: number };
type Parcel = { carrier: string; trackingNo: string; lines: { lineId: string; quantity: number }[] };

describe('partial shipments', () => {
  it('ships parcels of chosen lines and units; the order is shipped with the last one', async () => {
    const s = await shop({ stock: 10 });
    ok(await s.shopper.post(`${s.base}/cart/items`, { skuId: s.latteSku, quantity: 3 }));
    ok(await s.shopper.post(`${s.base}/cart/items`, { skuId: s.americanoSku, quantity: 2 }));
    const o = ok(
      await s.shopper.post(`${s.base}/orders`, { delivery: 'pickup', storeId: s.store.id, clientKey: clientKey() }),
      201,
    );
    await payWithFake(s, s.shopper, o.id);
    const latte = o.lines.find((l: Line) => l.skuId === s.latteSku) as Line;
    const americano = o.lines.find((l: Line) => l.skuId === s.americanoSku) as Line;
    const ship = (body: object) => s.agent.post(`/api/admin/orders/${o.id}/ship`, body);

    expectError(
      await ship({ carrier: '顺丰', trackingNo: 'SF1001', lines: [{ lineId: latte.id, quantity: 4 }] }),
      409,
      'SHIP_QUANTITY',
    );
    const bad = await ship({ carrier: '顺丰', trackingNo: 'SF1001', lines: [{ lineId: 'oln_nope', quantity: 1 }] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.data.error.details.issues[0].path, 'lines.0.lineId');

    const first = ok(await ship({ carrier: '顺丰', trackingNo: 'SF1001', lines: [{ lineId: latte.id, quantity: 2 }] }));
    assert.deepEqual([first.status, first.fulfilment], ['paid', 'partial'], 'paid until every unit is shipped');
    assert.deepEqual(
      first.lines.map((l: Line) => [l.skuId, l.shippedQuantity]).sort(),
      [
        [s.latteSku, 2],
        [s.americanoSku, 0],
      ].sort(),
    );
    const level = async (skuId: string) =>
      ok(await s.agent.get(`/api/admin/catalog/stock?skuId=${skuId}`)).items[0] as { onHand: number; reserved: number };
    assert.deepEqual(
      [(await level(s.latteSku)).onHand, (await level(s.latteSku)).reserved],
      [8, 1],
      'the parcel took its 2 units out of stock; 1 stays held',
    );
    const listed = ok(await s.agent.get(`/api/admin/orders?orderNo=${o.id}`)).items[0];
    assert.deepEqual([listed.status, listed.fulfilment], ['paid', 'partial']);

    // Everything left, without naming lines — a minute later (parcels are listed oldest first).
    s.clock.advance(60_000);
    const last = ok(await ship({ carrier: '中通', trackingNo: 'ZT2002' }));
    assert.deepEqual(
      [last.status, last.fulfilment, last.carrier, last.trackingNo],
      ['shipped', 'all', '中通', 'ZT2002'],
    );
    assert.deepEqual(
      last.shipments.map((p: Parcel) => [p.carrier, p.trackingNo, p.lines.map((l) => l.quantity).sort()]),
      [
        ['顺丰', 'SF1001', [2]],
        ['中通', 'ZT2002', [1, 2]],
      ],
    );
    assert.deepEqual([(await level(s.latteSku)).onHand, (await level(s.latteSku)).reserved], [7, 0]);
    assert.equal((await level(s.americanoSku)).onHand, 48);
    expectError(await ship({ carrier: '中通', trackingNo: 'ZT2003' }), 409, 'ORDER_STATE');

    // The shopper sees both parcels; events and audit: two parcels, one "shipped".
    const mine = ok(await s.shopper.get(`${s.base}/orders/${o.id}`));
    assert.deepEqual(
      mine.shipments.map((p: Parcel) => p.trackingNo),
      ['SF1001', 'ZT2002'],
    );
    assert.equal(americano.quantity, 2);
    const audit = ok(await s.agent.get('/api/admin/audit-log?action=orders.order.')).items as { action: string }[];
    assert.equal(audit.filter((a) => a.action === 'orders.order.parcel_shipped').length, 2);
    assert.equal(audit.filter((a) => a.action === 'orders.order.shipped').length, 1);
    const detail = ok(await s.agent.get(`/api/admin/orders/${o.id}`));
    assert.equal(detail.transitions.filter((t: { to: string }) => t.to === 'shipped').length, 1);
  });

  it('keeps parcels to their tenant: another tenant cannot ship or read the order', async () => {
    const a = await shop();
    const b = await shop();
    const o = await place(a, a.shopper, 1);
    await payWithFake(a, a.shopper, o.id);
    expectError(
      await b.agent.post(`/api/admin/orders/${o.id}/ship`, { carrier: '顺丰', trackingNo: 'SF1001' }),
      404,
      'NOT_FOUND',
    );
    assert.deepEqual(ok(await b.agent.get(`/api/admin/orders?orderNo=${o.id}`)).items, []);
    expectError(await b.shopper.get(`${b.base}/orders/${o.id}`), 404, 'NOT_FOUND');
    assert.equal(ok(await a.agent.get(`/api/admin/orders/${o.id}`)).status, 'paid');
  });
});

describe('order numbers, status counts and masked phones', () => {
  it('finds orders by their number or its beginning', async () => {
    const s = await shop();
    const a = await place(s, s.shopper, 1);
    const b = await place(s, s.shopper, 2);
    const find = async (q: string) =>
      ok(await s.agent.get(`/api/admin/orders?orderNo=${encodeURIComponent(q)}`)).items.map(
        (x: { id: string }) => x.id,
      );
    assert.deepEqual(await find(a.id), [a.id]);
    assert.deepEqual(await find(a.id.toUpperCase()), [a.id], 'case does not matter');
    assert.deepEqual(await find(b.id.slice(4)), [b.id], 'without ord_');
    const common = a.id.slice(0, 8);
    assert.ok(b.id.startsWith(common));
    assert.deepEqual(await find(common), [b.id, a.id], 'a beginning matches every order that starts so');
    const wrongLast = `${a.id.slice(0, -1)}${a.id.endsWith('z') ? 'y' : 'z'}`; // a whole number nobody has
    assert.deepEqual(await find(wrongLast), []);
    const bad = await s.agent.get('/api/admin/orders?orderNo=o%25');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.data.error.details.issues[0].path, /orderNo$/);
  });

  it("counts a shopper's orders per status, their own only", async () => {
    const s = await shop();
    const a = await place(s, s.shopper, 1);
    await place(s, s.shopper, 1);
    const c = await place(s, s.shopper, 1);
    await payWithFake(s, s.shopper, a.id);
    ok(await s.shopper.post(`${s.base}/orders/${c.id}/cancel`));
    const { counts } = ok(await s.shopper.get(`${s.base}/orders/counts`));
    assert.deepEqual(counts, {
      pending_payment: 1,
      paid: 1,
      shipped: 0,
      delivered: 0,
      completed: 0,
      cancelled: 1,
      closed: 0,
    });
    const other = await shop();
    const theirs = ok(await other.shopper.get(`${other.base}/orders/counts`)).counts;
    assert.equal(
      Object.values(theirs).reduce((n: number, x) => n + Number(x), 0),
      0,
      'another tenant sees none',
    );
    assert.equal((await s.anon().get(`${s.base}/orders/counts`)).statusCode, 401);
  });

  it("masks the recipient's phone in the list, the detail and the export without customers.pii", async () => {
    const s = await shop();
    const o = await place(s, s.shopper, 1, 'express');
    const analyst = await staffWithRole(s, 'analyst');
    const full = ok(await s.agent.get(`/api/admin/orders/${o.id}`)).address.phone;
    assert.equal(full, '13800138000', 'the owner holds customers.pii');
    assert.equal(ok(await analyst.get(`/api/admin/orders/${o.id}`)).address.phone, '138****8000');
    assert.equal(ok(await analyst.get('/api/admin/orders')).items[0].address.phone, '138****8000');
    const csv = (await analyst.get('/api/admin/orders/export')).body as string;
    assert.ok(csv.includes('138****8000') && !csv.includes('13800138000'), csv);
    assert.ok(((await s.agent.get('/api/admin/orders/export')).body as string).includes('13800138000'));
  });
});
