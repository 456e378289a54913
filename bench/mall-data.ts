/** Data for bench/mall.bench.ts: 20,000 products loaded set-based into the demo tenant, and shoppers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSiyu } from '@siyu/core';
import * as catalog from '@siyu/core/catalog';
import { inTransaction, loadConfig } from '@siyu/core/platform';
import pg from 'pg';
import { BENCH_SECRET_KEY, type Session, session } from './harness';

const DRINKS = ['拿铁', '美式', '摩卡', '卡布奇诺', '澳白', '冷萃', '抹茶拿铁', '乌龙茶', '柠檬茶', '可可'];
const FLAVOURS = ['燕麦', '桂花', '生椰', '焦糖', '香草', '榛果', '海盐', '黑糖', '柚子', '白桃', '茉莉', '肉桂'];
const BAKERY = ['可颂', '贝果', '吐司', '司康', '玛德琳', '肉桂卷', '欧包', '蛋挞', '芝士蛋糕', '布朗尼'];
const CATEGORIES = ['咖啡', '茶饮', '面包', '蛋糕', '甜点', '咖啡豆', '挂耳', '周边', '礼盒', '季节限定'];

/**
 * 20,000 products on sale in 10 categories: drinks with 杯型 × 温度 (4 SKUs), the rest with one SKU;
 * stock in every store of the demo tenant. Loaded through catalog.bulkLoadCatalog (search tokens
 * included) in the bench process against the server's database, 2,000 products a transaction.
 */
export async function loadProducts(url: string, n = 20_000) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-mall-load-'));
  const rt = await startSiyu(
    loadConfig({
      ...process.env,
      DATABASE_URL: url,
      SIYU_DATA_DIR: dataDir,
      SIYU_LOG_LEVEL: 'silent',
      SIYU_WORKER: 'off',
      SIYU_MODE: 'demo',
      SIYU_SECRET_KEY: BENCH_SECRET_KEY,
    }),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [t],
    } = await client.query(`select id from tenants where slug = 'demo'`);
    const ctx = rt.ctx({ tenantId: t.id as string, actor: { kind: 'system', name: 'bench' } });
    const stores = (await catalog.listLocations(ctx)).items.map((l) => l.id);
    const per = 2000;
    for (let from = 0; from < n; from += per) {
      const categories = CATEGORIES.map((name, i) => ({ key: `c${i}`, name: `${name}·${from / per + 1}` }));
      const products = Array.from({ length: Math.min(per, n - from) }, (_, j) => {
        const i = from + j;
        const drink = i % 2 === 0;
        const title = drink
          ? `${FLAVOURS[i % FLAVOURS.length]}${DRINKS[(i >> 1) % DRINKS.length]} ${i}`
          : `${FLAVOURS[(i >> 3) % FLAVOURS.length]}${BAKERY[(i >> 1) % BAKERY.length]} ${i}`;
        const base = 1200 + (i % 40) * 100;
        const specs = drink
          ? [
              { name: '杯型', values: ['中杯', '大杯'] },
              { name: '温度', values: ['冰', '热'] },
            ]
          : [];
        const skus = drink
          ? ['中杯', '大杯'].flatMap((size, k) =>
              ['冰', '热'].map((temp) => ({ spec: { 杯型: size, 温度: temp }, price: base + k * 300 })),
            )
          : [{ price: base }];
        return {
          categoryKey: `c${i % CATEGORIES.length}`,
          title,
          subtitle: drink ? '现磨咖啡，门店现做' : '每日新鲜烘焙',
          tags: i % 7 === 0 ? ['新品'] : [],
          specs,
          skus,
          salesCount: (i * 37) % 1000,
          stock: stores.map((locationId) => ({ locationId, quantities: skus.map(() => 1000) })),
        };
      });
      await inTransaction(ctx, (tx) => catalog.bulkLoadCatalog(tx, { categories, products }));
    }
    await client.query('vacuum analyze');
    return { tenantId: t.id as string, stores };
  } finally {
    await client.end();
    await rt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A logged-in shopper of the demo shop (SMS code read from the demo SMS sandbox). */
export type Shopper = Session;

export async function shopper(url: string, phone: string): Promise<Shopper> {
  const { call } = session(url);
  const shop = '/api/shop/t/demo';
  await call('POST', `${shop}/auth/sms-code`, { phone });
  const sms = await call<{ items: { code: string }[] }>('GET', `/api/dev/sms?phone=${phone}`);
  await call('POST', `${shop}/auth/sms-login`, { phone, code: sms.items[0]!.code });
  return { call };
}
