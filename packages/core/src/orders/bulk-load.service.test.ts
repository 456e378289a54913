import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProductInput } from '@siyu/contracts';
import { createOrgUnit } from '../access';
import { adjustStock, combinations, createCategory, createProduct, getProduct, listStock } from '../catalog';
import { createCustomer, getCustomer, getTimeline } from '../customers';
import { type AppError, DAY, HOUR, inTransaction, MINUTE } from '../platform';
import { createTestTenant, testRuntime } from '../testing';
import { adminOrder } from './admin/admin-orders.service';
import { type HistoricalOrder, loadOrderHistory } from './bulk-load.service';

const { rt } = await testRuntime();

const ADDRESS = {
  name: '张三',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  detail: '南京西路1号',
};

async function setup() {
  const t = await createTestTenant(rt);
  const ctx = t.ctx;
  const specs = [{ name: '杯型', values: ['中杯', '大杯'] }];
  const { shop, latte } = await inTransaction(ctx, async (tx) => {
    const c = await createCategory(tx, { name: '咖啡', parentId: null, sort: 0, iconImageId: null });
    const skus = combinations(specs).map((spec, i) => ({ spec, price: 2800 + i * 300 }));
    const input = ProductInput.parse({ title: '燕麦拿铁', categoryId: c.id, specs, skus, status: 'on_sale' });
    return {
      shop: await createOrgUnit(tx, { name: '国贸店', kind: 'store', parentId: null }),
      latte: await createProduct(tx, input),
    };
  });
  const sku = latte.skus[0]!; // 中杯, ¥28
  await inTransaction(ctx, (tx) =>
    adjustStock(tx, {
      reason: 'purchase',
      reference: null,
      note: null,
      lines: [{ skuId: sku.id, locationId: shop.id, delta: 5 }],
    }),
  );
  const buyer = (await inTransaction(ctx, (tx) => createCustomer(tx, { name: '李四', phone: '13900139000' }))).id;
  return { ctx, shop, latte, sku, buyer };
}

const load = (ctx: Parameters<typeof loadOrderHistory>[0], list: HistoricalOrder[]) =>
  inTransaction(ctx, (tx) => loadOrderHistory(tx, list));

describe('orders bulk load (history)', () => {
  it('writes past orders with lines, history and payments, and feeds stats, timelines and sales — not stock', async () => {
    const { ctx, shop, latte, sku, buyer } = await setup();
    const now = ctx.clock.now().getTime();
    const at = (ms: number) => new Date(now - ms);
    const picked: HistoricalOrder = {
      customerId: buyer,
      placedAt: at(3 * DAY),
      lines: [{ skuId: sku.id, quantity: 2 }],
      delivery: 'pickup',
      storeId: shop.id,
      channel: 'wechat_jsapi',
      carrier: '门店自提',
      trackingNo: 'A123',
      steps: [
        { to: 'paid', at: at(3 * DAY - MINUTE) },
        { to: 'shipped', at: at(3 * DAY - 10 * MINUTE), actor: '王店长' },
        { to: 'completed', at: at(3 * DAY - 30 * MINUTE) },
      ],
    };
    const parcel: HistoricalOrder = {
      customerId: buyer,
      placedAt: at(DAY),
      lines: [{ skuId: sku.id, quantity: 1 }],
      delivery: 'express',
      address: ADDRESS,
      locationId: shop.id,
      channel: 'alipay_wap',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
      steps: [
        { to: 'paid', at: at(DAY - MINUTE) },
        { to: 'shipped', at: at(DAY - 5 * HOUR) },
      ],
    };
    const closed: HistoricalOrder = {
      ...parcel,
      placedAt: at(2 * DAY),
      channel: null,
      steps: [{ to: 'closed', at: at(2 * DAY - 16 * MINUTE) }],
    };
    const stockBefore = (await listStock(ctx, { skuId: sku.id, limit: 5 })).items[0]!.onHand;
    const r = await load(ctx, [parcel, picked, closed]);
    assert.deepEqual(r, { orders: 3, lines: 3, transitions: 9, payments: 2, shipments: 2, events: 3, customers: 1 });

    const customer = await getCustomer(ctx, buyer);
    assert.deepEqual([customer.orderCount, customer.totalSpent], [2, 5600 + 2800 + 1000], 'pick-up free, express ¥10');
    assert.equal(customer.lastOrderAt, at(DAY - MINUTE).toISOString());
    const timeline = await getTimeline(ctx, buyer, { types: ['order.paid', 'order.closed'], limit: 10 });
    assert.deepEqual(
      timeline.items.map((e) => e.type),
      ['order.paid', 'order.closed', 'order.paid'],
    );
    assert.equal((await getProduct(ctx, latte.id)).salesCount, 3, 'shipped units count as sales');
    assert.equal((await listStock(ctx, { skuId: sku.id, limit: 5 })).items[0]!.onHand, stockBefore, 'stock untouched');

    const id = timeline.items[2]!.properties.orderId as string;
    const o = await adminOrder(ctx, id);
    assert.equal(o.status, 'completed');
    assert.match(o.id, /^ord_[0-9a-z]{26}$/);
    assert.deepEqual(
      o.transitions.map((x) => [x.from, x.to, x.actor]),
      [
        [null, 'pending_payment', 'shopper'],
        ['pending_payment', 'paid', 'payment-notification'],
        ['paid', 'shipped', '王店长'],
        ['shipped', 'completed', 'shopper'],
      ],
    );
    assert.equal(o.fulfilment, 'all');
    assert.deepEqual(
      o.shipments.map((p) => [p.carrier, p.trackingNo, p.lines.map((l) => l.quantity)]),
      [['门店自提', 'A123', [2]]],
    );
    assert.deepEqual(
      o.payments.map((p) => [p.status, p.amount, p.channel, p.provider]),
      [['paid', 5600, 'wechat_jsapi', 'fake']],
    );
    assert.deepEqual(
      [o.total, o.lines[0]!.unitPrice, o.storeId, o.placedAt],
      [5600, 2800, shop.id, picked.placedAt.toISOString()],
    );
  });

  it('refuses unknown SKUs, moves the state machine does not allow, the future and orders that would hold stock', async () => {
    const { ctx, shop, sku, buyer } = await setup();
    const now = ctx.clock.now().getTime();
    const base: HistoricalOrder = {
      customerId: buyer,
      placedAt: new Date(now - HOUR),
      lines: [{ skuId: sku.id, quantity: 1 }],
      delivery: 'pickup',
      storeId: shop.id,
      channel: 'wechat_jsapi',
      carrier: '门店自提',
      trackingNo: 'B456',
      steps: [
        { to: 'paid', at: new Date(now - HOUR) },
        { to: 'shipped', at: new Date(now - HOUR) },
      ],
    };
    const fails = async (o: Partial<HistoricalOrder>, field: RegExp) =>
      assert.rejects(load(ctx, [base, { ...base, ...o }]), (e: AppError) => e.status === 400 && field.test(e.message));
    await fails({ lines: [{ skuId: 'sku_0000000000000000000000', quantity: 1 }] }, /^orders\[1\]\.lines\[0\]\.skuId/);
    await fails(
      { steps: [{ to: 'shipped', at: new Date(now) }] },
      /^orders\[1\]\.steps\[0\]\.to: pending_payment cannot/,
    );
    await fails(
      { steps: [{ to: 'paid', at: new Date(now + MINUTE) }, base.steps[1]!] },
      /^orders\[1\]\.steps\[1\]\.at/,
    );
    await fails(
      { steps: [{ to: 'cancelled', at: new Date(now + MINUTE) }] },
      /^orders\[1\]\.steps: must not be in the future/,
    );
    await fails({ steps: [{ to: 'paid', at: new Date(now) }] }, /^orders\[1\]\.steps: must end in/);
    await fails({ storeId: null }, /^orders\[1\]\.storeId/);
    await fails({ delivery: 'express', address: null }, /^orders\[1\]\.address/);
    await fails({ channel: null }, /^orders\[1\]\.channel/);
    await fails({ carrier: null }, /^orders\[1\]\.carrier/);
    const customer = await getCustomer(ctx, buyer);
    assert.equal(customer.orderCount, 0, 'nothing was loaded');
  });
});
