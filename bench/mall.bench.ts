/**
 * `npm run bench -- mall`: the shop against a Siyu server on 127.0.0.1 with 20,000 products (with
 * DATABASE_URL set, a dedicated database `<name>_bench_mall` is created).
 * (a) the shop product list, 20 a page with prices and stock; (b) one product; (c) a Chinese keyword
 * search; (d) the whole checkout as a shopper does it — add to the cart, address, shipping (preview),
 * place the order, pay in the WeChat Pay sandbox (the signed, encrypted notification reaches the
 * webhook), read the paid order — at 20 concurrent shoppers and for one shopper alone; (e) the
 * last-unit race: 200 concurrent orders for 10 units. Every loop is bounded in count and time.
 */
import os from 'node:os';
import { freshDatabase } from './customers-data';
import { engine, load, machine, type Row, record, rssMb, startServer } from './harness';
import { loadProducts, type Shopper, shopper } from './mall-data';

const SHOP = '/api/shop/t/demo';
const ADDRESS = {
  name: '王小明',
  phone: '13900001111',
  province: '上海市',
  city: '上海市',
  district: '徐汇区',
  detail: '漕溪北路 88 号',
  isDefault: true,
};

type Order = { id: string; status: string; total: number };
type Pay = { action: { kind: string; url?: string } };

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/** One whole checkout; returns its duration in ms. */
async function checkout(url: string, s: Shopper, skuId: string, n: number): Promise<number> {
  const t0 = performance.now();
  await s.call('POST', `${SHOP}/cart/items`, { skuId, quantity: 1 });
  await s.call('POST', `${SHOP}/checkout/preview`, { delivery: 'express' });
  const order = await s.call<Order>('POST', `${SHOP}/orders`, {
    delivery: 'express',
    clientKey: `bench-${n}-${Date.now()}`,
  });
  const pay = await s.call<Pay>('POST', `${SHOP}/orders/${order.id}/pay`, { channel: 'wechat_h5' });
  const prepayId = new URL(pay.action.url!).searchParams.get('prepay_id');
  const confirm = await fetch(`${url}/sandbox/wechatpay/cashier/confirm?prepay_id=${prepayId}`, { method: 'POST' });
  if (!confirm.ok) throw new Error(`sandbox confirm → ${confirm.status}`);
  await confirm.text();
  const paid = await s.call<Order>('GET', `${SHOP}/orders/${order.id}`);
  if (paid.status !== 'paid') throw new Error(`order ${order.id} is ${paid.status} after paying`);
  return performance.now() - t0;
}

async function checkouts(url: string, shoppers: Shopper[], skuIds: string[], seconds: number, name: string) {
  const times: number[] = [];
  const t0 = Date.now();
  let n = 0;
  await Promise.all(
    shoppers.map(async (s) => {
      while (Date.now() - t0 < seconds * 1000 && n < 5000) {
        const i = n++;
        times.push(await checkout(url, s, skuIds[i % skuIds.length]!, i));
      }
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    name,
    throughput: `${(times.length / elapsed).toFixed(1)} orders/s`,
    p50: `${Math.round(pct(times, 0.5))} ms`,
    p99: `${Math.round(pct(times, 0.99))} ms`,
    note: `${times.length} paid orders in ${elapsed.toFixed(1)} s; latency of one whole checkout (7 requests + the sandbox's notification)`,
  };
}

/** 200 orders at once for a SKU with 10 units in one store: exactly 10 may succeed. */
async function lastUnits(shoppers: Shopper[], skuId: string): Promise<Row> {
  const results = await Promise.allSettled(
    Array.from({ length: 200 }, (_, i) =>
      shoppers[i % shoppers.length]!.call<Order>('POST', `${SHOP}/orders`, {
        buyNow: { skuId, quantity: 1 },
        delivery: 'express',
        clientKey: `race-${i}-${Date.now()}`,
      }),
    ),
  );
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const short = results.filter((r) => r.status === 'rejected' && /STOCK_SHORT/.test(String(r.reason))).length;
  const other = results.length - ok - short;
  return {
    name: 'last-unit race: 200 concurrent orders for 10 units',
    throughput: `${ok} orders`,
    p50: '',
    p99: '',
    note: `oversell: ${Math.max(0, ok - 10)}; ${short} refused with 409 STOCK_SHORT, ${other} other failures; 200 requests from ${shoppers.length} shoppers`,
  };
}

export async function run() {
  if (engine === 'postgres') process.env.DATABASE_URL = await freshDatabase(process.env.DATABASE_URL!, 'mall');
  else throw new Error('the mall bench runs against PostgreSQL: set DATABASE_URL');
  const server = await startServer();
  const notes: string[] = [];
  const rows: Row[] = [];
  try {
    const t0 = Date.now();
    await loadProducts(process.env.DATABASE_URL!);
    notes.push(
      `Loaded 20,000 products (~50,000 SKUs, stock in 3 stores) in ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
    );
    const list = await (await fetch(`${server.url}${SHOP}/catalog/products`)).json();
    const productId = (list as { items: { id: string }[] }).items[0]!.id;
    rows.push(
      await load('(a) shop product list, 20 a page', { url: `${server.url}${SHOP}/catalog/products`, connections: 20 }),
    );
    rows.push(
      await load('(b) one product', { url: `${server.url}${SHOP}/catalog/products/${productId}`, connections: 20 }),
    );
    const q = encodeURIComponent('燕麦拿铁');
    rows.push(
      await load('(c) search 燕麦拿铁', { url: `${server.url}${SHOP}/catalog/search?q=${q}`, connections: 20 }),
    );
    notes.push(`Server RSS after (a)–(c): ${rssMb(server.pid)} MB.`);

    const shoppers: Shopper[] = [];
    for (let i = 0; i < 20; i++) {
      const s = await shopper(server.url, `1390000${String(i).padStart(4, '0')}`);
      await s.call('POST', `${SHOP}/addresses`, ADDRESS);
      shoppers.push(s);
    }
    const search = (await (await fetch(`${server.url}${SHOP}/catalog/search?q=${q}`)).json()) as {
      items: { id: string }[];
    };
    const skuIds: string[] = [];
    for (const p of search.items.slice(0, 10)) {
      const d = (await (await fetch(`${server.url}${SHOP}/catalog/products/${p.id}`)).json()) as {
        skus: { id: string }[];
      };
      skuIds.push(...d.skus.map((k) => k.id));
    }
    rows.push(await checkouts(server.url, shoppers.slice(0, 1), skuIds, 15, '(d) checkout, one shopper alone'));
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(server.pid));
    }, 250);
    rows.push(await checkouts(server.url, shoppers, skuIds, 30, '(d) checkout, 20 concurrent shoppers'));
    clearInterval(sampler);
    notes.push(`Server RSS peak during 20 concurrent checkouts: ${peak} MB.`);

    // (e) a product with 10 units in one store only
    const race = search.items.at(-1)!.id;
    const raceSku = (
      (await (await fetch(`${server.url}${SHOP}/catalog/products/${race}`)).json()) as { skus: { id: string }[] }
    ).skus[0]!.id;
    await setStock(process.env.DATABASE_URL!, raceSku, 10);
    rows.push(await lastUnits(shoppers, raceSku));
  } finally {
    await server.stop();
  }
  notes.push(
    `Server in its own process (inline worker), autocannon and shoppers in this one; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${machine()}.`,
    'Targets (PostgreSQL): list ≥ 4,000 req/s, p99 ≤ 25 ms; one product ≥ 5,000 req/s; search ≥ 1,500 req/s, p99 ≤ 50 ms; checkout ≥ 150 orders/s, one checkout ≤ 60 ms; RSS ≤ 300 MB; oversell 0.',
  );
  record('mall', rows, notes);
}

/** Leaves exactly `units` of the SKU, all in one store (set directly: the bench's own arrangement). */
async function setStock(url: string, skuId: string, units: number) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('update catalog_stock set on_hand = 0, reserved = 0 where sku_id = $1', [skuId]);
    await c.query(
      'update catalog_stock set on_hand = $2 where sku_id = $1 and location_id = (select min(location_id) from catalog_stock where sku_id = $1)',
      [skuId, units],
    );
  } finally {
    await c.end();
  }
}
