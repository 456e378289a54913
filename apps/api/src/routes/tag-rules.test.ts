import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { fillPath, type RouteDef, tagRoutes } from '@siyu/contracts';
import { C, expectError, expectInvalid, GROUPS, ok, RULES, TAGS, tagIdsOf, tagTenant } from './tags.fixtures';

const COFFEE = { all: [{ event: 'order.paid', where: { category: 'coffee' }, withinDays: 30, min: 3 }] };

describe('bulk tagging', () => {
  it('tags and untags a filtered list in one go, within the data scope, audited once', async () => {
    const { a, t, customer, hire } = await tagTenant();
    const [c1, c2, c3] = [await customer('甲'), await customer('乙'), await customer('丙')];
    ok(await a.post(`${C}/${c1}/tags`, { add: [t.coffee] }));
    ok(await a.post(`${C}/${c2}/tags`, { add: [t.coffee, t.silver] }));
    const bulk = (body: unknown, agent = a) => agent.post(`${C}/bulk-tags`, body);
    assert.deepEqual(ok(await bulk({ filter: { tagsAny: t.coffee }, add: [t.tea, t.gold] })), { affected: 2 });
    assert.deepEqual(await tagIdsOf(a, c2), [t.coffee, t.gold, t.tea].sort(), 'gold replaced silver');
    assert.deepEqual(await tagIdsOf(a, c3), []);
    assert.deepEqual(ok(await bulk({ filter: { tagsAny: t.coffee }, add: [t.tea] })), { affected: 0 });
    assert.deepEqual(ok(await bulk({ customerIds: [c2, c3], remove: [t.tea] })), { affected: 1 });
    assert.deepEqual(await tagIdsOf(a, c2), [t.coffee, t.gold].sort());
    const row = (await a.get(`${C}/${c1}/tags`)).data.items.find((x: { tagId: string }) => x.tagId === t.tea);
    assert.equal(row.source, 'manual');
    expectInvalid(await bulk({ add: [] }), 'add');
    expectInvalid(await bulk({ add: [t.tea], customerIds: ['x'] }), 'customerIds.0');
    expectInvalid(await bulk({ add: [t.tea], filter: { stage: 'sleepy' } }), 'stage.0');
    expectInvalid(await bulk({ add: ['tag_0000000000aaaaaaaaaaaaaaaa'] }), 'add.0');
    const audit = ok(await a.get('/api/admin/audit-log?action=customer.tags.bulk')).items;
    assert.equal(audit.length, 3, 'one entry per bulk request');
    assert.deepEqual(audit.map((x: { summary: string }) => x.summary.match(/changed (\d+)/)?.[1]).sort(), [
      '0',
      '1',
      '2',
    ]);

    const sales = await hire('sales');
    ok(await a.post(`${C}/${c3}/owners`, { staffId: sales.id, primary: true }));
    // sales: customers.write, data scope self
    assert.deepEqual(
      ok(await bulk({ add: [t.silver] }, sales.agent)),
      { affected: 1 },
      'only the customer they follow',
    );
    assert.deepEqual(await tagIdsOf(a, c3), [t.silver]);
    assert.ok(!(await tagIdsOf(a, c1)).includes(t.silver));
  });
});

describe('tag rules API', () => {
  it('creates, previews, runs (and on events applies), changes and deletes rules; 409 deleting a tag a rule uses', async () => {
    const { a, rt, t, customer, tenant } = await tagTenant();
    const [c1, c2] = [await customer('常客'), await customer('新客')];
    const events = (customerId: string, n: number, category = 'coffee') =>
      a.post('/api/admin/customer-events', {
        events: Array.from({ length: n }, () => ({
          customerId,
          type: 'order.paid',
          properties: { category },
          idempotencyKey: `k-${randomBytes(6).toString('hex')}`,
        })),
      });
    ok(await events(c1, 3));
    ok(await events(c2, 2));
    ok(await events(c2, 3, 'tea'));
    expectInvalid(await a.post(RULES, { name: 'x', tagId: t.coffee, condition: { all: [] } }), 'all');
    expectInvalid(
      await a.post(RULES, {
        name: 'x',
        tagId: t.coffee,
        condition: { all: [{ field: 'orderCount', op: 'gte', value: 'x' }] },
      }),
      'condition.all.0.value',
    );
    expectInvalid(
      await a.post(RULES, {
        name: 'x',
        tagId: t.coffee,
        condition: { all: [{ field: 'stage', op: 'eq', value: 'vip' }] },
      }),
      'value',
    );
    expectInvalid(
      await a.post(RULES, { name: 'x', tagId: 'tag_0000000000aaaaaaaaaaaaaaaa', condition: COFFEE }),
      'tagId',
    );
    assert.deepEqual(ok(await a.post(`${RULES}/preview`, { condition: COFFEE })), { count: 1, sample: [c1] });

    const rule = ok(await a.post(RULES, { name: '咖啡常客', tagId: t.coffee, enabled: false, condition: COFFEE }), 201);
    assert.deepEqual([rule.enabled, rule.removeWhenFalse, rule.lastRunAt], [false, false, null]);
    assert.deepEqual(ok(await a.post(`${RULES}/${rule.id}/run`)), { matched: 1, added: 1, removed: 0 });
    assert.deepEqual(ok(await a.post(`${RULES}/${rule.id}/run`)), { matched: 1, added: 0, removed: 0 });
    const c1Tags = ok(await a.get(`${C}/${c1}/tags`)).items;
    assert.deepEqual([c1Tags[0].source, c1Tags[0].addedBy, c1Tags[0].addedByName], ['rule', rule.id, '咖啡常客']);
    const ran = ok(await a.get(`${RULES}/${rule.id}`));
    assert.equal(ran.lastMatched, 1);
    assert.ok(ran.lastRunAt);

    ok(await a.patch(`${RULES}/${rule.id}`, { enabled: true }));
    ok(await events(c2, 1));
    await rt.drain({ tenantId: tenant.tenantId });
    assert.deepEqual(await tagIdsOf(a, c2), [t.coffee], 'the third coffee tagged them as it was recorded');
    const changed = ok(await a.patch(`${RULES}/${rule.id}`, { name: '咖啡控' }));
    assert.deepEqual([changed.name, changed.enabled, changed.condition], ['咖啡控', true, COFFEE]);
    assert.equal(ok(await a.get(RULES)).items.length, 1);

    const res = await a.delete(`${TAGS}/${t.coffee}`);
    expectError(res, 409, 'TAG_HAS_RULES');
    assert.deepEqual(res.data.error.details.rules, [{ id: rule.id, name: '咖啡控' }]);
    assert.deepEqual(ok(await a.delete(`${RULES}/${rule.id}`)), { ok: true });
    assert.deepEqual(await tagIdsOf(a, c1), [t.coffee], 'tags a deleted rule added stay');
    expectError(await a.get(`${RULES}/${rule.id}`), 404, 'NOT_FOUND');
    const audit = ok(await a.get('/api/admin/audit-log?action=tag_rule')).items.map(
      (x: { action: string }) => x.action,
    );
    assert.deepEqual(audit.sort(), [
      'tag_rule.create',
      'tag_rule.delete',
      'tag_rule.run',
      'tag_rule.run',
      'tag_rule.update',
      'tag_rule.update',
    ]);
  });
});

describe('tag routes and tenants', () => {
  it("answers 404 for every :id route given another tenant's ids", async () => {
    const a = await tagTenant();
    const b = await tagTenant();
    const bCustomer = await b.customer();
    const bRule = ok(
      await b.a.post(RULES, { name: 'B', tagId: b.t.coffee, enabled: false, condition: COFFEE }),
      201,
    ).id;
    ok(await b.a.post(`${C}/${bCustomer}/owners`, { staffId: b.tenant.ownerId }));
    const ids: Record<string, Record<string, string>> = {
      updateGroup: { id: b.interests },
      deleteGroup: { id: b.interests },
      updateTag: { id: b.t.tea },
      deleteTag: { id: b.t.tea },
      customerTags: { id: bCustomer },
      changeCustomerTags: { id: bCustomer },
      changeOwnerTags: { id: bCustomer, staffId: b.tenant.ownerId },
      tagHistory: { id: bCustomer },
      getRule: { id: bRule },
      updateRule: { id: bRule },
      deleteRule: { id: bRule },
      runRule: { id: bRule },
    };
    const bodies: Record<string, unknown> = {
      updateGroup: { name: '改名' },
      updateTag: { name: '改名' },
      changeCustomerTags: { add: [a.t.tea] },
      changeOwnerTags: { add: [a.t.tea] },
      updateRule: { name: '改名' },
    };
    const withId = Object.entries(tagRoutes).filter(([, r]) => r.path.includes(':id'));
    assert.deepEqual(withId.map(([k]) => k).sort(), Object.keys(ids).sort(), 'every :id route is covered');
    for (const [key, route] of withId as [string, RouteDef][]) {
      const res = await a.a.request(route.method, `/api${fillPath(route.path, ids[key])}`, bodies[key]);
      assert.equal(res.statusCode, 404, `${key}: ${res.body}`);
    }
    assert.deepEqual(await tagIdsOf(b.a, bCustomer), [], "B's customer is untouched");
    assert.equal(ok(await b.a.get(GROUPS)).items[0].name, '兴趣');
  });
});
