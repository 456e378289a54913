/** Live-code API tests: the app listening with the WeCom sandbox, a tenant on the sandbox corp, scans. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { type DemoWecom, demoWecomOf } from '../demo/wecom-sandbox';
import { ownerOfNewTenant, testApp } from '../testing';
import { ok } from './tags.fixtures';

export const LC = '/api/admin/live-codes';
export const sandboxEnv = { baseUrl: '', demo: null as unknown as DemoWecom };

/** Call at the top of a test file: the app listens (the sandbox is served by it) for the file's tests. */
export function listenWithSandbox() {
  before(async () => {
    const { app } = await testApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    sandboxEnv.baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    sandboxEnv.demo = demoWecomOf(app)!;
  });
  after(async () => (await testApp()).app.close());
}

export type Tenant = Awaited<ReturnType<typeof ownerOfNewTenant>>;

/** A new tenant whose WeCom settings point at the sandbox (its callbacks come to this tenant). */
export async function sandboxTenant() {
  const o = await ownerOfNewTenant();
  await sandboxEnv.demo.configureTenant(o.tenant.tenantId, sandboxEnv.baseUrl);
  return o;
}

/** Creates staff whose email names are sandbox members; answers userid → staff id. */
export async function staffFor(o: Tenant, userids: readonly (string | [string, string[]])[]) {
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const domain = `w${randomBytes(4).toString('hex')}.test`;
  const staff: Record<string, string> = {};
  for (const entry of userids) {
    const [u, orgUnitIds] = typeof entry === 'string' ? [entry, []] : entry;
    const s = ok(
      await o.agent.post('/api/admin/staff', {
        name: `员工${u}`,
        email: `${u}@${domain}`,
        roleIds: [roles.find((r) => r.key === 'sales')!.id],
        orgUnitIds,
        mode: 'password',
        password: TEST_PASSWORD,
      }),
      201,
    );
    staff[u] = s.staff.id;
  }
  return staff;
}

/** A sandbox tenant with three member staff and a tag. */
export async function liveCodeTenant(userids = ['wangyutong', 'lijiayi', 'liuhaoran']) {
  const o = await sandboxTenant();
  const staff = await staffFor(o, userids);
  const group = ok(await o.agent.post('/api/admin/tag-groups', { name: '渠道' }), 201);
  const tag = ok(await o.agent.post('/api/admin/tags', { groupId: group.id, name: '静安寺店' }), 201);
  return { ...o, staff, tagId: tag.id as string };
}

export const corp = () => sandboxEnv.demo.sandbox.corp(sandboxEnv.demo.corpId);
export const wayUsers = (configId: string) => corp().contactWays.get(configId)?.user;
export const systemCtx = (o: Tenant) =>
  o.rt.ctx({ tenantId: o.tenant.tenantId, actor: { kind: 'system', name: 'test' } });

/** A simulated customer scans the code; answers the scan and the customer the CRM made of it. */
export async function scan(o: Tenant, configId: string, name: string) {
  const { demo } = sandboxEnv;
  const s = await demo.sandbox.simulate.scan(demo.corpId, configId, { name });
  assert.equal(s.delivery?.outcome, 'delivered', JSON.stringify(s.delivery));
  const cus = ok(await o.agent.get(`/api/admin/customers?q=${encodeURIComponent(name)}`)).items[0];
  assert.ok(cus, `customer ${name} in the CRM`);
  return { ...s, customerId: cus.id as string };
}
