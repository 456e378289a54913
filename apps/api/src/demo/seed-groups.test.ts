import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ownerOfNewTenant, testApp } from '../testing';
import { ok } from '../routes/tags.fixtures';
import { seedDemoGroups } from './seed-groups';
import { type DemoWecom, demoWecomOf } from './wecom-sandbox';

let baseUrl = '';
let demo: DemoWecom;

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

describe('demo groups', () => {
  it('seeds three groups with members and a group code, and puts them back into a restarted sandbox', async () => {
    const o = await ownerOfNewTenant();
    await demo.configureTenant(o.tenant.tenantId, baseUrl);
    await seedDemoGroups(o.rt, demo, o.tenant.slug);
    await o.rt.drain({ tenantId: o.tenant.tenantId });
    const groups = ok(await o.agent.get('/api/admin/groups?status=active')).items;
    assert.deepEqual(groups.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount]).sort(), [
      ['拾光咖啡·徐汇滨江店福利群', 10],
      ['拾光咖啡·新品尝鲜群', 7],
      ['拾光咖啡·静安寺店福利群', 15],
    ]);
    const sync = ok(await o.agent.get('/api/admin/groups/sync')).sync;
    assert.deepEqual([sync.status, sync.trigger, sync.processed], ['done', 'setup', 3]);
    const [code] = ok(await o.agent.get('/api/admin/group-codes')).items;
    assert.equal(code.groups.length, 2);
    assert.ok(code.qrCodeUrl);

    // A restart: the sandbox forgets its groups and join ways.
    const corp = demo.sandbox.corp(demo.corpId);
    corp.groups.clear();
    corp.joinWays.clear();
    await seedDemoGroups(o.rt, demo, o.tenant.slug);
    assert.equal(corp.groups.size, 3);
    const back = [...corp.groups.values()].find((g) => g.name === '拾光咖啡·静安寺店福利群')!;
    assert.equal(back.members.size, 15);
    const restored = ok(await o.agent.get(`/api/admin/group-codes/${code.id}`));
    assert.notEqual(restored.configId, code.configId);
    assert.deepEqual(
      corp.joinWays.get(restored.configId)?.chat_id_list,
      code.groups.map((g: { chatId: string }) => g.chatId),
    );
    assert.equal(ok(await o.agent.get('/api/admin/groups?status=active')).items.length, 3, 'no duplicates');
  });
});
