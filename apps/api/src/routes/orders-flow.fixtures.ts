/** Steps of the orders API tests: place an order for the americano, pay it with the fake provider, a staff login. */
import assert from 'node:assert/strict';
import { loginAs } from '../testing';
import { ADDRESS, clientKey, type shop } from './orders.fixtures';
import { ok } from './tags.fixtures';

export type Shop = Awaited<ReturnType<typeof shop>>;
export type ShopAgent = Shop['shopper'];

export async function place(s: Shop, shopper: ShopAgent, quantity: number, delivery: 'express' | 'pickup' = 'pickup') {
  s.clock.advance(1000); // ids sort by time: one order a second keeps the expected order
  if (delivery === 'express' && !ok(await shopper.get(`${s.base}/addresses`)).items.length)
    ok(await shopper.post(`${s.base}/addresses`, ADDRESS), 201);
  return ok(
    await shopper.post(`${s.base}/orders`, {
      buyNow: { skuId: s.americanoSku, quantity },
      delivery,
      ...(delivery === 'pickup' ? { storeId: s.store.id } : {}),
      clientKey: clientKey(),
    }),
    201,
  );
}

/** The fake provider's signed notification of the shopper's payment, delivered to the webhook. */
export async function payWithFake(s: Shop, shopper: ShopAgent, orderId: string, channel = 'wechat_jsapi') {
  const pay = ok(await shopper.post(`${s.base}/orders/${orderId}/pay`, { channel }));
  const n = s.fake.pay(pay.outTradeNo);
  const res = await s.app.inject({
    method: 'POST',
    url: `/webhooks/payments/${s.tenant.slug}/fake`,
    payload: n.body,
    headers: n.headers,
  });
  assert.equal(res.statusCode, 204, res.body);
  return pay as { outTradeNo: string; paymentId: string };
}

/** A staff member of the shop's tenant with one built-in role. */
export async function staffWithRole(s: Shop, roleKey: string) {
  const roles = ok(await s.agent.get('/api/admin/roles')).items;
  const role = roles.find((r: { key: string }) => r.key === roleKey);
  const email = `${roleKey}@${s.tenant.slug}.test`;
  ok(
    await s.agent.post('/api/admin/staff', {
      name: roleKey,
      email,
      roleIds: [role.id],
      mode: 'password',
      password: `${roleKey}-pass-1`,
    }),
    201,
  );
  return loginAs(s.app, email, `${roleKey}-pass-1`);
}
