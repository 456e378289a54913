import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayIn } from '@siyu/core/platform';
import { ADDRESS, shop, shopperOf } from './orders.fixtures';
import { payWithFake, place, staffWithRole } from './orders-flow.fixtures';
import { expectError, ok } from './tags.fixtures';

describe('orders admin API', () => {
  it('changes address and price only before payment, audited with the reason; remarks; ship and deliver', async () => {
    const s = await shop();
    const o = await place(s, s.shopper, 2, 'express');
    const moved = { ...ADDRESS, district: '徐汇区', detail: '龙腾大道2555号' };
    const changed = ok(await s.agent.post(`/api/admin/orders/${o.id}/address`, { address: moved, reason: '顾客来电' }));
    assert.equal(changed.address.detail, '龙腾大道2555号');
    const cheaper = ok(
      await s.agent.post(`/api/admin/orders/${o.id}/adjust-price`, { adjustment: -500, reason: '老客优惠' }),
    );
    assert.deepEqual([cheaper.priceAdjustment, cheaper.total], [-500, o.total - 500]);
    const replaced = ok(
      await s.agent.post(`/api/admin/orders/${o.id}/adjust-price`, { adjustment: -100, reason: '改' }),
    );
    assert.equal(replaced.total, o.total - 100, 'an adjustment replaces the earlier one');
    expectError(
      await s.agent.post(`/api/admin/orders/${o.id}/adjust-price`, { adjustment: -o.total, reason: 'x' }),
      409,
      'ZERO_TOTAL',
    );
    const audit = ok(await s.agent.get('/api/admin/audit-log?action=orders.order.')).items;
    assert.ok(
      audit.some(
        (a: { action: string; changes: { reason?: string } }) =>
          a.action === 'orders.order.address_changed' && a.changes.reason === '顾客来电',
      ),
    );
    assert.ok(audit.some((a: { action: string }) => a.action === 'orders.order.price_adjusted'));

    await payWithFake(s, s.shopper, o.id);
    const paid = ok(await s.agent.get(`/api/admin/orders/${o.id}`));
    assert.deepEqual([paid.status, paid.total, paid.payments[0].amount], ['paid', o.total - 100, o.total - 100]);
    expectError(
      await s.agent.post(`/api/admin/orders/${o.id}/address`, { address: moved, reason: 'x' }),
      409,
      'ORDER_STATE',
    );
    expectError(await s.agent.post(`/api/admin/orders/${o.id}/cancel`, { reason: 'x' }), 409, 'ORDER_STATE');
    ok(await s.agent.post(`/api/admin/orders/${o.id}/remarks`, { text: '加急' }));
    const shipped = ok(
      await s.agent.post(`/api/admin/orders/${o.id}/ship`, { carrier: '中通', trackingNo: 'ZT123456' }),
    );
    expectError(
      await s.agent.post(`/api/admin/orders/${o.id}/ship`, { carrier: '中通', trackingNo: 'ZT123456' }),
      409,
      'ORDER_STATE',
    );
    assert.deepEqual([shipped.status, shipped.remarks.map((r: { text: string }) => r.text)], ['shipped', ['加急']]);
    const delivered = ok(await s.agent.post(`/api/admin/orders/${o.id}/deliver`));
    assert.equal(delivered.status, 'delivered');
    assert.deepEqual(
      delivered.transitions.map((t: { to: string; actor: string }) => [t.to, t.actor]),
      [
        ['pending_payment', 'shopper'],
        ['paid', 'payment-notification'],
        ['shipped', 'Owner'],
        ['delivered', 'Owner'],
      ],
    );
  });

  it('lists with filters and keyset pages, and counts daily statistics in the tenant time zone', async () => {
    const s = await shop();
    const other = await shopperOf(s.app, s.tenant.slug);
    const a = await place(s, s.shopper, 1);
    const b = await place(s, s.shopper, 3);
    const c = await place(s, other, 2);
    await payWithFake(s, s.shopper, a.id, 'wechat_jsapi');
    await payWithFake(s, s.shopper, b.id, 'alipay_wap');
    expectError(await s.shopper.post(`${s.base}/orders/${c.id}/cancel`), 404, 'NOT_FOUND'); // not theirs
    ok(await other.post(`${s.base}/orders/${c.id}/cancel`));
    const list = async (q: string) =>
      ok(await s.agent.get(`/api/admin/orders?${q}`)).items.map((x: { id: string }) => x.id);
    assert.deepEqual(await list(''), [c.id, b.id, a.id]);
    assert.deepEqual(await list('status=paid'), [b.id, a.id]);
    assert.deepEqual(await list('paymentMethod=alipay_wap'), [b.id]);
    assert.deepEqual(await list(`customerId=${a.customerId}`), [b.id, a.id]);
    assert.deepEqual(await list(`amountMin=${b.total}`), [b.id]);
    assert.deepEqual(await list(`amountMax=${a.total}`), [a.id]);
    assert.deepEqual(await list(`storeId=${s.store.id}&status=cancelled`), [c.id]);
    const today = dayIn(s.clock.now(), 'Asia/Shanghai');
    assert.deepEqual(await list(`from=${today}&to=${today}`), [c.id, b.id, a.id]);
    assert.deepEqual(await list('from=2020-01-01&to=2020-01-02'), []);
    const page1 = ok(await s.agent.get('/api/admin/orders?limit=2'));
    const page2 = ok(await s.agent.get(`/api/admin/orders?limit=2&cursor=${page1.nextCursor}`));
    assert.deepEqual(
      [...page1.items, ...page2.items].map((x: { id: string }) => x.id),
      [c.id, b.id, a.id],
    );
    assert.equal(page2.nextCursor, null);
    assert.deepEqual([page1.items[0].itemCount, page1.items[0].firstTitle], [2, '美式']);

    const csv = await s.agent.get('/api/admin/orders/export?status=paid');
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const csvLines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(csvLines[0]?.split(',')[0], '订单号');
    assert.deepEqual(
      csvLines.slice(1).map((l) => l.split(',')[0]),
      [b.id, a.id],
    );
    assert.ok(csvLines[1]?.includes(',paid,') && csvLines[1].includes('美式'), csvLines[1]);

    const stats = ok(await s.agent.get(`/api/admin/orders/stats?from=${today}&to=${today}`));
    assert.equal(stats.timeZone, 'Asia/Shanghai');
    assert.deepEqual(stats.days, [
      { day: today, orders: 2, gmv: a.total + b.total, aov: Math.round((a.total + b.total) / 2), payingCustomers: 1 },
    ]);
    assert.equal(ok(await s.agent.get('/api/admin/orders/stats?from=2020-01-01&to=2020-01-03')).days.length, 3);
    assert.equal((await s.agent.get('/api/admin/orders/stats?from=2020-01-01&to=2021-01-03')).statusCode, 400);

    // The customer feed: paid orders on the timeline and in the stats of the customer.
    await s.rt.drain({ tenantId: s.tenant.tenantId });
    const customer = ok(await s.agent.get(`/api/admin/customers/${a.customerId}`));
    assert.deepEqual([customer.orderCount, customer.totalSpent], [2, a.total + b.total]);
    const timeline = ok(await s.agent.get(`/api/admin/customers/${a.customerId}/timeline?types=order.paid`)).items;
    assert.equal(timeline.length, 2);
    const cancelled = ok(
      await s.agent.get(`/api/admin/customers/${c.customerId}/timeline?types=order.cancelled`),
    ).items;
    assert.deepEqual(
      cancelled.map((e: { properties: { orderId: string } }) => e.properties.orderId),
      [c.id],
    );
  });

  it('needs orders.ship to ship and orders.manage to change; analysts only read', async () => {
    const s = await shop();
    const o = await place(s, s.shopper, 1);
    await payWithFake(s, s.shopper, o.id);
    const reader = await staffWithRole(s, 'analyst');
    ok(await reader.get(`/api/admin/orders/${o.id}`));
    ok(await reader.get('/api/admin/orders'));
    expectError(
      await reader.post(`/api/admin/orders/${o.id}/ship`, { carrier: 'x', trackingNo: 'SF12345' }),
      403,
      'FORBIDDEN',
    );
    expectError(await reader.post(`/api/admin/orders/${o.id}/remarks`, { text: 'x' }), 403, 'FORBIDDEN');
    const roles = ok(await s.agent.get('/api/admin/roles')).items;
    const service = roles.find((r: { key: string }) => r.key === 'service');
    assert.ok(service.permissions.includes('orders.manage') && !service.permissions.includes('orders.ship'));
  });
});
