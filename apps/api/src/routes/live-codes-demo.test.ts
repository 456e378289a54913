/** The demo tenant's live codes (apps/api/src/demo/seed-live-codes.ts) against the sandbox. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedDemoLiveCodes } from '../demo/seed-live-codes';
import { corp, LC, listenWithSandbox, sandboxTenant, scan, staffFor } from './live-codes.fixtures';
import { ok } from './tags.fixtures';

listenWithSandbox();

describe('demo live codes', () => {
  it('the demo codes: one per store and a weighted campaign code; at a restart the ways kept, or new ones with the same state when the sandbox forgot them', async () => {
    const o = await sandboxTenant();
    const store = ok(await o.agent.post('/api/admin/org-units', { kind: 'store', name: '静安寺店' }), 201);
    await staffFor(o, [['wangyutong', [store.id]], ['lijiayi', [store.id]], 'huangjiaqi', 'linzihan']);
    await seedDemoLiveCodes(o.rt, o.tenant.slug);
    const codes = ok(await o.agent.get(LC)).items;
    assert.deepEqual(codes.map((c: { name: string }) => c.name).sort(), ['双十二新品试饮活码', '静安寺店活码']);
    const storeCode = codes.find((c: { name: string }) => c.name === '静安寺店活码');
    assert.equal(storeCode.orgUnitId, store.id);
    assert.ok(['wangyutong', 'lijiayi'].includes(storeCode.currentWecomUserIds[0]));
    const campaign = codes.find((c: { name: string }) => c.name === '双十二新品试饮活码');
    assert.equal(campaign.distribution, 'weighted');
    assert.ok(ok(await o.agent.get(`${LC}/default-welcome`)).updatedAt);

    // a restart with the sandbox's state kept: the ways are still there, nothing changes
    await seedDemoLiveCodes(o.rt, o.tenant.slug, (configId) => corp().contactWays.has(configId));
    assert.equal(ok(await o.agent.get(`${LC}/${storeCode.id}`)).configId, storeCode.configId);

    await seedDemoLiveCodes(o.rt, o.tenant.slug); // a restart without it: the sandbox forgot the ways
    const again = ok(await o.agent.get(`${LC}/${storeCode.id}`));
    assert.equal(again.state, storeCode.state);
    assert.notEqual(again.configId, storeCode.configId);
    assert.equal(ok(await o.agent.get(LC)).items.length, 2);
    const s = await scan(o, again.configId, '演示顾客');
    const customer = ok(await o.agent.get(`/api/admin/customers/${s.customerId}`));
    assert.equal(customer.tags[0]?.name, '静安寺店');
    assert.match(
      corp().welcomes.find((w) => w.external_userid === s.externalUserid)?.text ?? '',
      /演示顾客你好，欢迎来到拾光咖啡静安寺店活码/,
    );
  });
});
