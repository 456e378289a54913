import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY, dayIn, HOUR } from '@siyu/core/platform';
import type { DemoSku } from './seed-orders.basket';
import { type DemoCustomer, planDemoOrders } from './seed-orders.model';

const now = new Date('2026-11-22T06:30:00Z');
const TZ = 'Asia/Shanghai';
const CATEGORIES = ['咖啡', '茶饮', '面包', '蛋糕', '甜点', '咖啡豆', '挂耳', '周边', '礼盒', '季节限定'];
const skus: DemoSku[] = CATEGORIES.flatMap((category, c) =>
  Array.from({ length: 15 }, (_, rank) =>
    (c < 2 || c === 9 ? ['中杯 / 冰', '中杯 / 热', '大杯 / 冰', '大杯 / 热'] : ['']).map((specText, k) => ({
      skuId: `sku_${c}_${rank}_${k}`,
      productId: `prd_${c}_${rank}`,
      category,
      rank,
      specText,
    })),
  ).flat(),
);
const customers: DemoCustomer[] = Array.from({ length: 5000 }, (_, i) => ({
  id: `cus_${i}`,
  createdAt: new Date(now.getTime() - ((i * 7919) % 5000) * 0.073 * DAY),
  storeId: i % 3 === 0 ? null : `org_${i % 3}`,
  name: '顾客',
  phone: `1990000${String(i).padStart(4, '0')}`,
  province: i % 10 < 7 ? '上海市' : '浙江省',
  city: i % 10 < 7 ? '上海市' : '杭州市',
  district: '静安区',
}));
const input = {
  now,
  timeZone: TZ,
  paymentMinutes: 15,
  customers,
  skus,
  stores: [0, 1, 2].map((i) => ({ id: `org_${i}`, staff: [`店员${i}`] })),
  operators: ['林子涵'],
  target: 30_000,
};

describe('demo orders model', () => {
  it('plans about 30,000 orders over the past year for 5,000 customers, the same every time', () => {
    const started = Date.now();
    const plan = planDemoOrders(input);
    assert.ok(Date.now() - started < 15_000, `planning took ${Date.now() - started} ms`);
    assert.ok(plan.length > 27_000 && plan.length < 33_000, `${plan.length} orders`);
    assert.deepEqual(planDemoOrders(input).slice(0, 50), plan.slice(0, 50), 'deterministic');
    const first = plan[0]!.placedAt.getTime();
    assert.ok(first >= now.getTime() - 366 * DAY && first < now.getTime() - 330 * DAY, 'twelve months back');
    assert.ok(
      plan.every((o) => o.steps.every((s) => s.at <= now) && o.placedAt <= now),
      'nothing in the future',
    );

    const local = (d: Date) => new Date(d.getTime() + 8 * HOUR); // Shanghai has no daylight saving
    const byHour = new Array(24).fill(0);
    const byWeekday = new Array(7).fill(0);
    for (const o of plan) {
      byHour[local(o.placedAt).getUTCHours()]++;
      byWeekday[local(o.placedAt).getUTCDay()]++;
    }
    assert.equal(byHour[3], 0, 'no orders at 3 am');
    assert.ok(byHour[8] > byHour[14] * 1.3, `morning coffee peak: ${byHour}`);
    assert.ok((byWeekday[6] + byWeekday[0]) / 2 > (byWeekday[2] + byWeekday[3]) / 2, `weekends: ${byWeekday}`);

    const perCustomer = new Map<string, number>();
    for (const o of plan) perCustomer.set(o.customerId, (perCustomer.get(o.customerId) ?? 0) + 1);
    const counts = [...perCustomer.values()].sort((a, b) => b - a);
    const top = counts.slice(0, Math.ceil(counts.length / 5)).reduce((n, c) => n + c, 0);
    assert.ok(top / plan.length > 0.55, `the top fifth of buyers place ${Math.round((top / plan.length) * 100)}%`);
    assert.ok(counts.filter((c) => c === 1).length > 500, 'one-off buyers');
    assert.ok(perCustomer.size < 4500, 'some customers never bought');
    const last = new Map<string, number>();
    for (const o of plan) last.set(o.customerId, o.placedAt.getTime());
    const churned = [...last].filter(([id, t]) => perCustomer.get(id)! >= 4 && t < now.getTime() - 90 * DAY);
    assert.ok(churned.length > 100, `${churned.length} customers stopped buying months ago`);

    const status = (o: (typeof plan)[number]) => o.steps.at(-1)!.to;
    const share = (s: string) => plan.filter((o) => status(o) === s).length / plan.length;
    assert.ok(share('completed') > 0.9 && share('closed') > 0.02 && share('cancelled') > 0.01);
    const recent = plan.filter((o) => o.placedAt.getTime() > now.getTime() - 2 * DAY);
    assert.ok(
      recent.some((o) => ['shipped', 'delivered'].includes(status(o))),
      'recent parcels on their way',
    );
    assert.ok(
      plan.every((o) => !['pending_payment', 'paid'].includes(status(o))),
      'none waits for payment or shipping',
    );
    const pickup = plan.filter((o) => o.delivery === 'pickup').length / plan.length;
    assert.ok(pickup > 0.4 && pickup < 0.8, `pick-up share ${pickup}`);
    const sizes = plan.map((o) => o.lines.length);
    assert.ok(Math.max(...sizes) <= 4 && sizes.filter((n) => n > 1).length > plan.length * 0.3, 'baskets of 1–4');
    const day = dayIn(now, TZ);
    assert.ok(
      plan.some((o) => dayIn(o.placedAt, TZ) === day),
      'orders today',
    );
  });
});
