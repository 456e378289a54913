/**
 * The demo's year of orders as a model (docs/orders.md, "Demo data"): each customer gets a habit —
 * a regular every few days, a monthly buyer, a one-off, a churned customer who stopped months ago,
 * or none — and orders follow it, thinned by day of week and month, at the hours of a coffee shop in
 * the tenant's time zone. Calibrated to `target` orders. Pure and deterministic: a seeded generator
 * and the injected `now`; the result goes to orders.loadOrderHistory.
 */
import type { HistoricalOrder } from '@siyu/core/orders';
import { DAY, dayIn, HOUR, MINUTE, SECOND, startOfDayIn } from '@siyu/core/platform';
import { basket, type DemoSku, favouriteDrink, generator, type Rng, shelfOf } from './seed-orders.basket';
import { outcome } from './seed-orders.outcome';

export type DemoCustomer = {
  id: string;
  createdAt: Date;
  storeId: string | null;
  name: string | null;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
};
export type DemoStore = { id: string; staff: string[] };
export type PlanInput = {
  now: Date;
  timeZone: string;
  paymentMinutes: number;
  customers: DemoCustomer[];
  skus: DemoSku[];
  stores: DemoStore[];
  /** Staff who ship parcels. */
  operators: string[];
  target: number;
  seed?: number;
};

type Segment = 'regular' | 'monthly' | 'occasional' | 'churned' | 'never';
const SEGMENTS = [
  ['regular', 7],
  ['monthly', 23],
  ['occasional', 33],
  ['churned', 15],
  ['never', 22],
] as const;
/** Relative order volume by day of week (Sunday first) and by month (January first). */
const WEEKDAY = [1.1, 0.85, 0.85, 0.85, 0.9, 0.95, 1.15];
const MONTH = [0.95, 0.8, 0.95, 1, 1, 1, 1.05, 1.05, 1, 1, 1, 1.1];
/** Orders by local hour: the morning coffee peak on weekdays, later and flatter at weekends. */
const HOURS_WEEKDAY = [
  0, 0, 0, 0, 0, 0, 0.1, 1.2, 2.8, 2.2, 1.2, 1, 1.4, 1.1, 0.9, 1.2, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.1, 0,
];
const HOURS_WEEKEND = [
  0, 0, 0, 0, 0, 0, 0, 0.3, 0.9, 1.5, 1.8, 1.5, 1.3, 1.2, 1.4, 1.5, 1.3, 1, 0.8, 0.6, 0.5, 0.3, 0.1, 0,
];
const HOUR_WEIGHTS = [HOURS_WEEKDAY, HOURS_WEEKEND].map((hs) => hs.map((w, h) => [h, w] as const));

type Day = { start: Date; weekend: boolean; month: number; weight: number };

/** The 366 days up to today in the tenant's zone, each with its start and weight (≤ 1). */
function calendar(now: Date, timeZone: string): Day[] {
  const today = Date.parse(`${dayIn(now, timeZone)}T00:00:00Z`);
  const days = Array.from({ length: 366 }, (_, i) => {
    const d = new Date(today - (365 - i) * DAY);
    const weight = WEEKDAY[d.getUTCDay()]! * MONTH[d.getUTCMonth()]!;
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    return { start: startOfDayIn(d.toISOString().slice(0, 10), timeZone), weekend, month: d.getUTCMonth(), weight };
  });
  const max = Math.max(...days.map((d) => d.weight));
  for (const d of days) d.weight /= max;
  return days;
}

type Habit = {
  c: DemoCustomer;
  segment: Segment;
  /** Days between orders (before calibration) and the span of day indexes the habit lasts. */
  interval: number;
  from: number;
  to: number;
  oneOffs: number;
  pickupShare: number;
  storeId: string | null;
  goodsShare: number;
  favourite: DemoSku[] | null;
  address: HistoricalOrder['address'];
};

const STREETS = ['南京西路', '淮海中路', '长乐路', '愚园路', '衡山路', '世纪大道', '张杨路', '漕溪北路', '虹桥路'];
const OTHER_STREETS = ['人民路', '中山路', '解放路', '建设路', '新华路', '文化路'];

function habitOf(rng: Rng, c: DemoCustomer, p: PlanInput, days: Day[], shelf: ReturnType<typeof shelfOf>): Habit {
  const since = Math.max(0, (c.createdAt.getTime() - days[0]!.start.getTime()) / DAY);
  const local = !c.province || c.province === '上海市';
  let segment: Segment = rng.weighted(SEGMENTS);
  const churnAt = 366 - (60 + rng.next() * 240);
  if (segment === 'churned' && churnAt - since < 30) segment = 'occasional';
  if (segment === 'regular' && !local) segment = 'monthly'; // beans by post, not a coffee every few days
  const interval = {
    regular: 2 + rng.next() * 4,
    monthly: 18 + rng.next() * 30,
    churned: (4 + rng.next() * 10) * (local ? 1 : 3),
  };
  const stores = p.stores.map((s) => s.id);
  const street = `${rng.pick(local ? STREETS : OTHER_STREETS)}${rng.int(1, 1999)}号${rng.chance(0.7) ? `${rng.int(1, 30)}0${rng.int(1, 8)}室` : ''}`;
  return {
    c,
    segment,
    interval: segment === 'occasional' || segment === 'never' ? 0 : interval[segment],
    from: since + rng.next() * 3,
    to: segment === 'churned' ? churnAt : 366,
    oneOffs: segment === 'occasional' ? (rng.chance(0.7) ? 1 : 2) : 0,
    pickupShare: !local || !stores.length ? 0 : c.storeId ? 0.85 : 0.4,
    storeId: c.storeId && stores.includes(c.storeId) ? c.storeId : stores.length ? rng.pick(stores) : null,
    goodsShare: local ? 0.4 : 1,
    favourite: favouriteDrink(rng, shelf),
    address: {
      name: c.name ?? '顾客',
      phone: c.phone ?? '',
      province: c.province ?? '上海市',
      city: c.city ?? '上海市',
      district: c.district ?? '静安区',
      detail: street,
    },
  };
}

/** The day indexes a habit orders on: a renewal process with gaps of 0.5–1.5 × interval ÷ scale, thinned by day weight. */
function orderDays(rng: Rng, h: Habit, days: Day[], scale: number) {
  const out: number[] = [];
  if (h.oneOffs) {
    for (let k = 0; k < h.oneOffs; k++) out.push(Math.floor(h.from + rng.next() * (366 - h.from)));
    return out.filter((d) => d < 366).sort((a, b) => a - b);
  }
  if (!h.interval) return out;
  const gap = h.interval / scale;
  const spread = h.segment === 'regular' ? 0.8 : 1;
  for (let t = h.from + rng.next() * gap; t < h.to; t += gap * (1 - spread / 2 + rng.next() * spread)) {
    const d = Math.floor(t);
    if (d < 366 && rng.next() < days[d]!.weight) out.push(d);
  }
  return out;
}

function placedAt(rng: Rng, day: Day) {
  const hour = rng.weighted(HOUR_WEIGHTS[day.weekend ? 1 : 0]!);
  return { hour, at: new Date(day.start.getTime() + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * SECOND) };
}

/** The demo's past orders: about `target` of them, oldest first. */
export function planDemoOrders(p: PlanInput): HistoricalOrder[] {
  const seed = p.seed ?? 20_261_123;
  const days = calendar(p.now, p.timeZone);
  const shelf = shelfOf(p.skus);
  const habitRng = generator(seed);
  const habits = p.customers.map((c) => habitOf(habitRng, c, p, days, shelf));
  const fixed = habits.reduce((n, h) => n + h.oneOffs, 0);
  const probe = generator(seed + 1);
  const repeat = habits.reduce((n, h) => n + (h.oneOffs ? 0 : orderDays(probe, h, days, 1).length), 0);
  const scale = repeat ? Math.max(0.05, (p.target - fixed) / repeat) : 1;
  const rng = generator(seed + 2);
  const orders: HistoricalOrder[] = [];
  for (const h of habits)
    for (const d of orderDays(rng, h, days, scale)) {
      const { hour, at } = placedAt(rng, days[d]!);
      if (at < h.c.createdAt) continue;
      const pickup = !!h.storeId && rng.chance(h.pickupShare);
      const goods = !pickup && rng.chance(h.goodsShare);
      const lines = basket(rng, shelf, { hour, month: days[d]!.month, goods, favourite: h.favourite });
      if (!lines.length) continue;
      const store = p.stores.find((s) => s.id === h.storeId);
      const order = outcome(rng, {
        placedAt: at,
        now: p.now,
        paymentMinutes: p.paymentMinutes,
        kind: pickup ? 'pickup' : goods ? 'parcel' : 'courier',
        shippers: pickup ? (store?.staff ?? []) : p.operators,
        nextDayStart: days[d + 1]?.start ?? null,
        dayStart: days[d]!.start,
      });
      if (!order) continue;
      orders.push({
        customerId: h.c.id,
        placedAt: at,
        lines,
        delivery: pickup ? 'pickup' : 'express',
        address: pickup ? null : h.address,
        storeId: pickup ? h.storeId : null,
        locationId: h.storeId ?? p.stores[0]?.id,
        ...order,
      });
    }
  return orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
}
