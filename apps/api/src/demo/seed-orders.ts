/**
 * The demo tenant's year of orders (about 30,000) for its customers, from the model in
 * seed-orders.model.ts, loaded set-based through orders.loadOrderHistory in one transaction (no
 * outbox events: nothing must react to the past). Run after the customers and the catalog.
 */
import * as access from '@siyu/core/access';
import * as catalog from '@siyu/core/catalog';
import * as customers from '@siyu/core/customers';
import * as orders from '@siyu/core/orders';
import { type Ctx, inTransaction, type Runtime } from '@siyu/core/platform';
import type { DemoSku } from './seed-orders.basket';
import { type DemoCustomer, planDemoOrders } from './seed-orders.model';

/** The demo's customers with what an order needs of them (name, phone and region for the address). */
async function demoCustomers(ctx: Ctx): Promise<DemoCustomer[]> {
  const out: DemoCustomer[] = [];
  let cursor: string | undefined;
  do {
    const page = await customers.listCustomers(ctx, { cursor, limit: 1000 });
    const rows = await customers.getVisibleCustomers(
      ctx,
      page.items.map((c) => c.id),
    );
    for (const { id, createdAt, storeId, name, phone, province, city, district } of rows)
      out.push({ id, createdAt, storeId, name, phone, province, city, district });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.phone ?? '').localeCompare(b.phone ?? ''),
  );
}

/**
 * The SKUs stocked somewhere that can be bought now, with their product's category and rank there
 * (by the catalog's sort weight): one read of the stock list, one of the products, one of the prices.
 */
async function demoSkus(ctx: Ctx): Promise<DemoSku[]> {
  const products = (await catalog.listProducts(ctx, { status: ['on_sale'], limit: 1000 })).items;
  const rank = new Map<string, { category: string; rank: number }>();
  const seen = new Map<string, number>();
  for (const p of [...products].sort((a, b) => b.sortWeight - a.sortWeight || a.title.localeCompare(b.title))) {
    const r = seen.get(p.categoryName) ?? 0;
    seen.set(p.categoryName, r + 1);
    rank.set(p.id, { category: p.categoryName, rank: r });
  }
  const stocked = (await catalog.listStock(ctx, { limit: 20_000 })).items;
  const skus = new Map(stocked.map((s) => [s.skuId, s]));
  const states = await catalog.skuSnapshots(ctx, [...skus.keys()]);
  return [...skus.values()]
    .filter((s) => rank.has(s.productId) && states.get(s.skuId)?.state === null)
    .map((s) => ({ skuId: s.skuId, productId: s.productId, specText: s.specText, ...rank.get(s.productId)! }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.rank - b.rank || a.specText.localeCompare(b.specText));
}

/**
 * Adds the year of orders to the tenant `slug` (about `target` orders); null when it has orders
 * already. Returns what was loaded.
 */
export async function seedDemoOrders(rt: Runtime, slug: string, opts: { target?: number } = {}) {
  const tenant = await access.getTenantBySlug(rt.db, slug);
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  if ((await orders.listOrders(ctx, { limit: 1 })).items.length) return null;
  const units = (await access.listOrgUnits(ctx)).items;
  const staff = (await access.listStaff(ctx, { limit: 200 })).items;
  const namesIn = (ids: string[]) => staff.filter((s) => s.orgUnitIds.some((u) => ids.includes(u))).map((s) => s.name);
  const plan = planDemoOrders({
    now: ctx.clock.now(),
    timeZone: (await access.getSettings(ctx)).timeZone,
    paymentMinutes: (await orders.getOrderSettings(ctx)).paymentMinutes,
    customers: await demoCustomers(ctx),
    skus: await demoSkus(ctx),
    stores: units.filter((u) => u.kind === 'store').map((u) => ({ id: u.id, staff: namesIn([u.id]) })),
    operators: namesIn(units.filter((u) => u.name === '运营部').map((u) => u.id)),
    target: opts.target ?? 30_000,
  });
  return inTransaction(ctx, (tx) => orders.loadOrderHistory(tx, plan));
}
