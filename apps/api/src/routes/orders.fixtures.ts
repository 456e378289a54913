/** Shared set-up of the orders API tests: a shop with products in stock, a logged-in shopper, the fake provider. */
import { randomInt } from 'node:crypto';
import * as orders from '@siyu/core/orders';
import { Agent, ownerOfNewTenant } from '../testing';
import { ok } from './tags.fixtures';

export const phone = () => `136${String(randomInt(1e8)).padStart(8, '0')}`;
export const ADDRESS = {
  name: '张三',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '静安区',
  detail: '南京西路1号',
};
let keys = 0;
export const clientKey = () => `key-${Date.now()}-${++keys}`;

export async function shopperOf(app: Agent['app'], slug: string) {
  const shopper = new Agent(app);
  const p = phone();
  await shopper.post(`/api/shop/t/${slug}/auth/sms-code`, { phone: p });
  const code = (await shopper.get(`/api/dev/sms?phone=${p}`)).data.items[0].code;
  ok(await shopper.post(`/api/shop/t/${slug}/auth/sms-login`, { phone: p, code }));
  return shopper;
}

/** A tenant with a store, 燕麦拿铁 (¥28, `stock` units) and 美式 (¥18, 50 units), the fake provider, one shopper. */
export async function shop(opts: { stock?: number } = {}) {
  const o = await ownerOfNewTenant();
  const a = o.agent;
  const cat = ok(await a.post('/api/admin/catalog/categories', { name: '咖啡' }), 201);
  const store = ok(await a.post('/api/admin/org-units', { kind: 'store', name: '国贸店' }), 201);
  const make = async (title: string, price: number) =>
    ok(
      await a.post('/api/admin/catalog/products', { title, categoryId: cat.id, status: 'on_sale', skus: [{ price }] }),
      201,
    );
  const latte = await make('燕麦拿铁', 2800);
  const americano = await make('美式', 1800);
  ok(
    await a.post('/api/admin/catalog/stock/adjustments', {
      reason: 'purchase',
      lines: [
        { skuId: latte.skus[0].id, locationId: store.id, delta: opts.stock ?? 10 },
        { skuId: americano.skus[0].id, locationId: store.id, delta: 50 },
      ],
    }),
  );
  const fake = orders.createFakePaymentProvider(o.clock);
  orders.overrideTenantPayments(o.tenant.tenantId, {
    providers: [fake],
    notifyUrl: (p) => `http://127.0.0.1/webhooks/payments/${o.tenant.slug}/${p}`,
  });
  const shopper = await shopperOf(o.app, o.tenant.slug);
  const base = `/api/shop/t/${o.tenant.slug}`;
  return {
    ...o,
    base,
    store,
    fake,
    shopper,
    latteSku: latte.skus[0].id as string,
    americanoSku: americano.skus[0].id as string,
    latte,
    americano,
    anon: () => new Agent(o.app),
  };
}
