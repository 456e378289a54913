/**
 * Groups tests (tests only): the test app listening on loopback (the demo WeCom sandbox's callbacks
 * reach its webhook over HTTP), a tenant on the sandbox corp with the group owner as staff, and
 * helpers that play people in the WeCom client.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as messaging from '@siyu/core/messaging';
import { rowsOf } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { sql } from 'drizzle-orm';
import { type DemoWecom, demoWecomOf, WECOM_SANDBOX_PATH } from '../demo/wecom-sandbox';
import { drainUntil, ownerOfNewTenant, testApp } from '../testing';
import { ok } from './tags.fixtures';

export const OWNER = 'wangyutong';

let served: Promise<{ baseUrl: string; demo: DemoWecom }> | null = null;

/** The test app listening on loopback, and its demo WeCom sandbox. */
export function servedDemo() {
  served ??= (async () => {
    const { app } = await testApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, demo: demoWecomOf(app)! };
  })();
  return served;
}

export type Tenant = Awaited<ReturnType<typeof wecomTenant>>;

/** A tenant on the sandbox corp with a staff member whose email name is the WeCom userid of the group owner. */
export async function wecomTenant() {
  const { baseUrl, demo } = await servedDemo();
  const o = await ownerOfNewTenant();
  await demo.configureTenant(o.tenant.tenantId, baseUrl);
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const staff = ok(
    await o.agent.post('/api/admin/staff', {
      name: '王雨桐',
      email: `${OWNER}@g${randomBytes(4).toString('hex')}.test`,
      roleIds: [roles.find((r) => r.key === 'sales')!.id],
      mode: 'password',
      password: TEST_PASSWORD,
    }),
    201,
  );
  const client = messaging.createWecomClient({
    corpId: demo.corpId,
    secret: demo.secret,
    baseUrl: `${baseUrl}${WECOM_SANDBOX_PATH}`,
  });
  const way = await client.contactWays.add({ type: 1, scene: 2, user: [OWNER], state: 'lc_groups' });
  return { ...o, baseUrl, demo, sim: demo.sandbox.simulate, staffId: staff.staff.id as string, way };
}

export const drain = (o: Tenant) => o.rt.drain({ tenantId: o.tenant.tenantId });

/** A customer: a scan of the tenant's contact way (the add callback makes the customer). */
export async function customer(o: Tenant, name: string) {
  const scan = await o.sim.scan(o.demo.corpId, o.way.config_id, { name });
  await drain(o);
  const found = rowsOf<{ customer_id: string }>(
    await o.rt.db.execute(
      sql`select customer_id from customer_identities where tenant_id = ${o.tenant.tenantId} and value = ${scan.externalUserid}`,
    ),
  );
  return { ext: scan.externalUserid, customerId: found[0]!.customer_id };
}

/** A group the owner creates in the client; answers its registry row. */
export async function newGroup(o: Tenant, name: string) {
  const { chatId } = await o.sim.createGroup(o.demo.corpId, OWNER, name);
  const find = async () =>
    ok(await o.agent.get(`/api/admin/groups?q=${encodeURIComponent(name)}`)).items.find(
      (x: { chatId: string }) => x.chatId === chatId,
    );
  await drainUntil(o.rt, o.tenant.tenantId, async () => Boolean(await find()));
  const g = await find();
  assert.ok(g, `group ${name} in the registry`);
  return g as { id: string; chatId: string; name: string };
}

export const joinWayOf = (o: Tenant, configId: string) => o.demo.sandbox.corp(o.demo.corpId).joinWays.get(configId)!;
