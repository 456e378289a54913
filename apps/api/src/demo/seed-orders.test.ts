import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as access from '@siyu/core/access';
import { DAY, dayIn, inTransaction, type Runtime } from '@siyu/core/platform';
import { createTestTenant } from '@siyu/core/testing';
import { ownerOfNewTenant } from '../testing';
import { seedDemoCatalog } from './seed-catalog';
import { seedDemoCustomers } from './seed-customers';
import { seedDemoOrders } from './seed-orders';

const STORES = ['静安寺店', '徐汇滨江店', '陆家嘴店'];

/** A tenant with the demo's stores, customers and catalog, then `target` orders. */
async function seeded(rt: Runtime, slug: string, people: number, target: number) {
  const t = await access.getTenantBySlug(rt.db, slug);
  const ctx = rt.ctx({ tenantId: t.id, actor: { kind: 'system', name: 'test' } });
  await inTransaction(ctx, async (tx) => {
    for (const name of STORES) await access.createOrgUnit(tx, { kind: 'store', name, parentId: null });
  });
  await seedDemoCustomers(rt, slug, people);
  await seedDemoCatalog(rt, slug);
  const sales = await one(rt, 'select sum(sales_count)::int as n from catalog_products where tenant_id = $1', [t.id]);
  return { tenantId: t.id, result: await seedDemoOrders(rt, slug, { target }), salesBefore: Number(sales.n) };
}

async function one(rt: Runtime, text: string, values: unknown[]) {
  return (await rt.database.executeSql(text, values)).rows[0] as Record<string, unknown>;
}
const count = async (rt: Runtime, text: string, values: unknown[]) => Number((await one(rt, text, values)).n);

describe('demo orders', () => {
  it('seeds a year of consistent orders: totals, customer stats, timelines, sales, statistics; per tenant', async () => {
    const { rt, agent, tenant } = await ownerOfNewTenant();
    const other = await createTestTenant(rt);
    const a = await seeded(rt, tenant.slug, 400, 2400);
    const b = await seeded(rt, other.slug, 150, 900);
    const t = [a.tenantId];
    const n = await count(rt, 'select count(*) as n from orders where tenant_id = $1', t);
    assert.equal(a.result?.orders, n);
    assert.ok(n > 2000 && n < 2800, `${n} orders`);
    assert.equal(await seedDemoOrders(rt, tenant.slug), null, 'a second run adds nothing');

    const wrongTotals = `select count(*) as n from orders o where o.tenant_id = $1 and (
        o.items_total <> (select sum(l.line_total) from orders_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id)
        or o.total <> o.items_total + o.shipping_fee - o.discount_total + o.price_adjustment
        or o.shipping_fee <> case when o.delivery = 'pickup' or o.items_total >= 9900 then 0 else 1000 end)`;
    assert.equal(await count(rt, wrongTotals, t), 0, 'total = lines + shipping − discounts, shipping per the rules');
    const wrongLines = `select count(*) as n from orders_lines l join catalog_skus k on k.tenant_id = l.tenant_id and k.id = l.sku_id
      where l.tenant_id = $1 and (l.unit_price <> k.price or l.line_total <> l.unit_price * l.quantity or l.quantity < 1)`;
    assert.equal(await count(rt, wrongLines, t), 0, 'lines at the SKUs’ prices');
    const wrongStats = `select count(*) as n from customers c left join (
        select customer_id, count(*) as k, sum(total) as s, max(paid_at) as l from orders
        where tenant_id = $1 and paid_at is not null group by 1) o on o.customer_id = c.id
      where c.tenant_id = $1 and (c.order_count <> coalesce(o.k, 0) or c.total_spent <> coalesce(o.s, 0)
        or c.last_order_at is distinct from o.l)`;
    assert.equal(await count(rt, wrongStats, t), 0, 'customer stats = what the orders say');
    assert.equal(await count(rt, wrongStats, [b.tenantId]), 0, 'also in the other tenant');
    const paid = await count(rt, 'select count(*) as n from orders where tenant_id = $1 and paid_at is not null', t);
    const paidEvents = `select count(*) as n from customer_events where tenant_id = $1 and type = 'order.paid'`;
    assert.equal(await count(rt, paidEvents, t), paid, 'a timeline event per paid order');
    const wrongPayments = `select count(*) as n from orders o where o.tenant_id = $1 and o.paid_at is not null and 1 <> (
      select count(*) from orders_payments p where p.tenant_id = o.tenant_id and p.order_id = o.id
        and p.status = 'paid' and p.amount = o.total and p.paid_at = o.paid_at)`;
    assert.equal(await count(rt, wrongPayments, t), 0, 'one paid attempt per paid order');
    const badHistory = `select count(*) as n from orders o where o.tenant_id = $1 and (o.status in ('pending_payment', 'paid')
      or o.status <> (select x.to_status from orders_transitions x where x.tenant_id = o.tenant_id and x.order_id = o.id
        order by x.at desc, array_position(array['pending_payment','paid','shipped','delivered','completed','cancelled','closed'], x.to_status) desc limit 1))`;
    assert.equal(await count(rt, badHistory, t), 0, 'the last history row is the status; none holds stock');
    const badParcels = `select count(*) as n from orders o where o.tenant_id = $1 and (
      (select count(*) from orders_shipments s where s.tenant_id = o.tenant_id and s.order_id = o.id)
        <> case when o.shipped_at is null then 0 else 1 end
      or exists (select 1 from orders_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id
        and l.shipped_quantity <> case when o.shipped_at is null then 0 else l.quantity end))`;
    assert.equal(await count(rt, badParcels, t), 0, 'a shipped order went in one parcel with all its units');
    const shipped = `select coalesce(sum(l.quantity), 0)::int as n from orders_lines l join orders o
      on o.tenant_id = l.tenant_id and o.id = l.order_id where o.tenant_id = $1 and o.shipped_at is not null`;
    const sales = 'select sum(sales_count)::int as n from catalog_products where tenant_id = $1';
    assert.equal(await count(rt, sales, t), a.salesBefore + (await count(rt, shipped, t)), 'shipped units are sales');

    const now = rt.clock.now().getTime();
    const span = await one(
      rt,
      `select min(placed_at) as first, max(greatest(placed_at, paid_at, shipped_at, delivered_at, completed_at,
        cancelled_at, closed_at, updated_at)) as last from orders where tenant_id = $1`,
      t,
    );
    assert.ok(now - new Date(span.first as string).getTime() > 300 * DAY, 'about twelve months back');
    assert.ok(now - new Date(span.first as string).getTime() <= 366 * DAY);
    assert.ok(new Date(span.last as string).getTime() <= now, 'nothing in the future');

    const list = (await agent.get('/api/admin/orders?limit=50')).data;
    assert.equal(list.items.length, 50);
    const placed = list.items.map((o: { placedAt: string }) => o.placedAt);
    assert.deepEqual(placed, [...placed].sort().reverse(), 'newest first: the order numbers follow the time');
    const bOrder = await one(rt, 'select id from orders where tenant_id = $1 limit 1', [b.tenantId]);
    assert.equal((await agent.get(`/api/admin/orders/${bOrder.id}`)).statusCode, 404, 'another tenant’s order');
    const ours = await count(rt, `select count(*) as n from orders where tenant_id = $1 and id = any($2)`, [
      a.tenantId,
      list.items.map((o: { id: string }) => o.id),
    ]);
    assert.equal(ours, 50);

    const to = dayIn(new Date(now), 'Asia/Shanghai');
    const from = dayIn(new Date(now - 29 * DAY), 'Asia/Shanghai');
    const stats = (await agent.get(`/api/admin/orders/stats?from=${from}&to=${to}`)).data;
    assert.equal(stats.days.length, 30);
    const inWindow = await count(
      rt,
      `select count(*) as n from orders where tenant_id = $1 and paid_at >= $2::timestamptz`,
      [a.tenantId, new Date(`${from}T00:00:00+08:00`).toISOString()],
    );
    const total = stats.days.reduce((s: number, d: { orders: number }) => s + d.orders, 0);
    assert.equal(total, inWindow);
    assert.ok(stats.days.filter((d: { orders: number }) => d.orders > 0).length > 20, 'a daily series');
    assert.ok(stats.days.every((d: { aov: number; orders: number }) => (d.orders ? d.aov > 1000 : d.aov === 0)));
  });
});
