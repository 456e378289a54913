import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { C, expectError, expectInvalid, GROUPS, ok, TAGS, tagIdsOf, tagTenant } from './tags.fixtures';

describe('tag groups and tags', () => {
  it('create, change and delete groups and tags; unique names, colours, counts; deleting a tag untags customers', async () => {
    const { a, t, interests, level, customer, tenant, tick } = await tagTenant();
    const groups = ok(await a.get(GROUPS)).items;
    assert.deepEqual(
      groups.map((g: { name: string; selectMode: string; tags: { name: string }[] }) => [
        g.name,
        g.selectMode,
        g.tags.map((x) => x.name),
      ]),
      [
        ['兴趣', 'multi', ['咖啡', '茶']],
        ['等级', 'single', ['金卡', '银卡']],
      ],
    );
    expectError(await a.post(GROUPS, { name: '兴趣' }), 409, 'TAG_GROUP_NAME_TAKEN');
    expectInvalid(await a.post(GROUPS, { name: '其他', selectMode: 'some' }), 'selectMode');
    expectError(await a.patch(`${GROUPS}/${level}`, { name: '兴趣' }), 409, 'TAG_GROUP_NAME_TAKEN');
    const renamed = ok(await a.patch(`${GROUPS}/${level}`, { sort: 5 }));
    assert.deepEqual(
      [renamed.name, renamed.selectMode, renamed.sort],
      ['等级', 'single', 5],
      'only the fields sent change',
    );

    const made = ok(
      await a.post(TAGS, { groupId: interests, name: '烘焙', color: '#AA3300', description: '爱吃面包', sort: 3 }),
      201,
    );
    const { id, createdAt, ...rest } = made;
    assert.deepEqual(rest, {
      groupId: interests,
      name: '烘焙',
      color: '#aa3300',
      description: '爱吃面包',
      sort: 3,
      wecomTagId: null,
      customerCount: 0,
    });
    expectInvalid(await a.post(TAGS, { groupId: interests, name: 'x', color: 'red' }), 'color');
    expectInvalid(await a.post(TAGS, { groupId: 'tgg_0000000000aaaaaaaaaaaaaaaa', name: 'x' }), 'groupId');
    expectInvalid(await a.post(TAGS, { groupId: interests, name: 'x'.repeat(31) }), 'name');
    expectError(await a.post(TAGS, { groupId: interests, name: '茶' }), 409, 'TAG_NAME_TAKEN');
    ok(await a.post(TAGS, { groupId: level, name: '茶' }), 201);
    expectError(await a.patch(`${TAGS}/${id}`, { name: '咖啡' }), 409, 'TAG_NAME_TAKEN');
    const changed = ok(await a.patch(`${TAGS}/${id}`, { name: '面包', color: null }));
    assert.deepEqual([changed.name, changed.color, changed.description, changed.sort], ['面包', null, '爱吃面包', 3]);

    const [c1, c2] = [await customer('甲'), await customer('乙')];
    ok(await a.post(`${C}/${c1}/tags`, { add: [t.coffee, id] }));
    ok(await a.post(`${C}/${c2}/tags`, { add: [t.coffee] }));
    tick();
    const counts = ok(await a.get(`${TAGS}?groupId=${interests}`)).items;
    assert.deepEqual(
      Object.fromEntries(counts.map((x: { name: string; customerCount: number }) => [x.name, x.customerCount])),
      { 咖啡: 2, 茶: 0, 面包: 1 },
    );
    expectError(await a.delete(`${GROUPS}/${interests}`), 409, 'TAG_GROUP_NOT_EMPTY');
    assert.deepEqual(ok(await a.delete(`${TAGS}/${t.coffee}`)), { ok: true, removedFrom: 2 });
    assert.deepEqual(await tagIdsOf(a, c1), [id]);
    const history = ok(await a.get(`${C}/${c2}/tag-history`)).items;
    assert.deepEqual(
      history.map((h: { type: string; properties: Record<string, unknown> }) => [
        h.type,
        h.properties.tagName,
        h.properties.reason ?? null,
      ]),
      [
        ['tag.removed', '咖啡', 'tag_deleted'],
        ['tag.added', '咖啡', null],
      ],
    );
    expectError(await a.delete(`${TAGS}/${t.coffee}`), 404, 'NOT_FOUND');
    const empty = ok(await a.post(GROUPS, { name: '空' }), 201).id;
    assert.deepEqual(ok(await a.delete(`${GROUPS}/${empty}`)), { ok: true });
    const audit = ok(await a.get('/api/admin/audit-log?action=tag')).items.map((x: { action: string }) => x.action);
    for (const action of [
      'tag.create',
      'tag.update',
      'tag.delete',
      'tag_group.create',
      'tag_group.update',
      'tag_group.delete',
    ])
      assert.ok(audit.includes(action), `${action} in ${audit.join(', ')} (${tenant.slug})`);
  });

  it('refuses to make a group single-select, or move a tag into one, while customers hold several of its tags', async () => {
    const { a, t, customer, group, tag, hire } = await tagTenant();
    const [c1, c2, c3, c4] = [await customer('甲'), await customer('乙'), await customer('丙'), await customer('丁')];
    ok(await a.post(`${C}/${c1}/tags`, { add: [t.coffee, t.tea] }));
    ok(await a.post(`${C}/${c2}/tags`, { add: [t.coffee, t.tea] }));
    ok(await a.post(`${C}/${c3}/tags`, { add: [t.coffee] }));
    const sales = await hire('sales');
    ok(await a.post(`${C}/${c4}/owners`, { staffId: sales.id }));
    ok(await a.post(`${C}/${c4}/owners/${sales.id}/tags`, { add: [t.coffee, t.tea] }));

    const refused = await a.patch(`${GROUPS}/${t.interests}`, { selectMode: 'single', sort: 7 });
    expectError(refused, 409, 'SEVERAL_TAGS_OF_GROUP');
    assert.deepEqual(refused.data.error.details, { field: 'selectMode', customers: 3, group: '兴趣' });
    assert.match(refused.data.error.message, /^3 customer\(s\) hold more than one tag of 兴趣/);
    const still = ok(await a.get(GROUPS)).items.find((g: { id: string }) => g.id === t.interests);
    assert.deepEqual([still.selectMode, still.sort], ['multi', 0], 'nothing changed');
    assert.deepEqual(await tagIdsOf(a, c1), [t.coffee, t.tea].sort(), 'no tag was taken away');

    ok(await a.patch(`${GROUPS}/${t.interests}`, { name: '爱好' }), 200);
    ok(await a.post(`${C}/${c1}/tags`, { remove: [t.tea] }));
    ok(await a.post(`${C}/${c2}/tags`, { remove: [t.coffee] }));
    const left = await a.patch(`${GROUPS}/${t.interests}`, { selectMode: 'single' });
    expectError(left, 409, 'SEVERAL_TAGS_OF_GROUP');
    assert.deepEqual(
      left.data.error.details,
      { field: 'selectMode', customers: 1, group: '爱好' },
      'relationship tags count',
    );
    ok(await a.post(`${C}/${c4}/owners/${sales.id}/tags`, { remove: [t.tea] }));
    assert.equal(ok(await a.patch(`${GROUPS}/${t.interests}`, { selectMode: 'single' })).selectMode, 'single');
    assert.deepEqual(await tagIdsOf(a, c3), [t.coffee]);

    const other = await group('其他');
    const platinum = await tag(other, '铂金');
    ok(await a.post(`${C}/${c1}/tags`, { add: [t.gold, platinum] }));
    ok(await a.post(`${C}/${c2}/tags`, { add: [platinum] }));
    const move = await a.patch(`${TAGS}/${platinum}`, { groupId: t.level });
    expectError(move, 409, 'SEVERAL_TAGS_OF_GROUP');
    assert.deepEqual(move.data.error.details, { field: 'groupId', customers: 1, group: '等级' });
    ok(await a.post(`${C}/${c1}/tags`, { remove: [t.gold] }));
    assert.equal(ok(await a.patch(`${TAGS}/${platinum}`, { groupId: t.level })).groupId, t.level);
  });

  it("a merge keeps the survivor's tag of a single-select group and brings the others; undo takes them back", async () => {
    const { a, customer, t } = await tagTenant();
    const [keep, gone] = [await customer('留下'), await customer('并入')];
    ok(await a.post(`${C}/${keep}/tags`, { add: [t.gold], remove: [] }));
    ok(await a.post(`${C}/${gone}/tags`, { add: [t.silver, t.coffee], remove: [] }));
    const m = ok(await a.post(`${C}/${keep}/merge`, { otherId: gone, reason: '同一人' }));
    assert.deepEqual(await tagIdsOf(a, keep), [t.gold, t.coffee].sort(), '金卡 stays the only level tag');
    ok(await a.post(`${C}/${keep}/merges/${m.merges[0].id}/undo`));
    assert.deepEqual(await tagIdsOf(a, keep), [t.gold]);
    assert.deepEqual(await tagIdsOf(a, gone), [t.silver, t.coffee].sort());
  });

  it('refuses the 3,001st tag with 409 TAG_LIMIT (WeCom corp-tag limit)', async () => {
    const { a, rt, tenant, interests } = await tagTenant();
    await rt.db.execute(sql`
      insert into tags (tenant_id, id, group_id, name, sort, created_at)
      select ${tenant.tenantId}, 'tag_bulk' || lpad(g::text, 10, '0'), ${interests}, 'bulk ' || g, 0, now()
      from generate_series(1, 2995) g`);
    ok(await a.post(TAGS, { groupId: interests, name: '第 3000 个' }), 201);
    const res = await a.post(TAGS, { groupId: interests, name: '第 3001 个' });
    expectError(res, 409, 'TAG_LIMIT');
    assert.deepEqual(res.data.error.details, { limit: 3000, count: 3000 });
  });
});

describe('tagging customers', () => {
  it('adds and removes tags; a single-select tag replaces its sibling; source, added by and history are kept', async () => {
    const { a, t, customer, tenant, tick } = await tagTenant();
    const c = await customer();
    const first = ok(await a.post(`${C}/${c}/tags`, { add: [t.coffee, t.gold] }));
    assert.deepEqual(
      first.items.map((x: Record<string, unknown>) => [x.name, x.groupName, x.source, x.addedBy, x.addedByName]),
      [
        ['咖啡', '兴趣', 'manual', tenant.ownerId, 'Owner'],
        ['金卡', '等级', 'manual', tenant.ownerId, 'Owner'],
      ],
    );
    tick();
    ok(await a.post(`${C}/${c}/tags`, { add: [t.silver, t.tea] }));
    assert.deepEqual(await tagIdsOf(a, c), [t.coffee, t.silver, t.tea].sort(), 'silver replaced gold');
    expectInvalid(await a.post(`${C}/${c}/tags`, { add: [t.gold, t.silver] }), 'add');
    expectInvalid(await a.post(`${C}/${c}/tags`, { add: ['tag_0000000000aaaaaaaaaaaaaaaa'] }), 'add.0');
    expectInvalid(await a.post(`${C}/${c}/tags`, { add: ['nope'] }), 'add.0');
    expectInvalid(await a.post(`${C}/${c}/tags`, { add: [t.tea], remove: [t.tea] }), 'remove');
    expectInvalid(await a.post(`${C}/${c}/tags`, {}), 'add');
    tick();
    ok(await a.post(`${C}/${c}/tags`, { remove: [t.coffee, t.gold] }));
    assert.deepEqual(await tagIdsOf(a, c), [t.silver, t.tea].sort());
    const history = ok(await a.get(`${C}/${c}/tag-history?limit=50`)).items as {
      type: string;
      properties: Record<string, unknown>;
    }[];
    assert.deepEqual(
      history.map((h) => `${h.type} ${h.properties.tagName}`).sort(),
      [
        'tag.added 咖啡',
        'tag.added 茶',
        'tag.added 金卡',
        'tag.added 银卡',
        'tag.removed 咖啡',
        'tag.removed 金卡',
      ].sort(),
    );
    assert.deepEqual(history.find((h) => h.type === 'tag.removed')?.properties.by, tenant.ownerId);
    assert.equal(history[0]?.type, 'tag.removed', 'newest first');
    const page1 = ok(await a.get(`${C}/${c}/tag-history?limit=4`));
    const page2 = ok(await a.get(`${C}/${c}/tag-history?limit=4&cursor=${encodeURIComponent(page1.nextCursor)}`));
    assert.deepEqual([page1.items.length, page2.items.length, page2.nextCursor], [4, 2, null]);
    assert.deepEqual([...page1.items, ...page2.items], history);
    expectInvalid(await a.get(`${C}/${c}/tag-history?cursor=abc`), 'cursor');
  });

  it("tags one staff member's relationship; 404 when that staff member does not follow the customer", async () => {
    const { a, t, customer, tenant, hire } = await tagTenant();
    const c = await customer();
    const sales = await hire('sales');
    expectError(await a.post(`${C}/${c}/owners/${sales.id}/tags`, { add: [t.coffee] }), 404, 'NOT_FOUND');
    ok(await a.post(`${C}/${c}/owners`, { staffId: sales.id }));
    ok(await a.post(`${C}/${c}/owners/${sales.id}/tags`, { add: [t.coffee, t.gold] }));
    const res = ok(await a.post(`${C}/${c}/owners/${sales.id}/tags`, { add: [t.silver], remove: [t.coffee] }));
    assert.deepEqual(
      res.relationships.map((r: { staffId: string; tags: { name: string }[] }) => [
        r.staffId,
        r.tags.map((x) => x.name),
      ]),
      [[sales.id, ['银卡']]],
    );
    assert.deepEqual(res.items, [], 'the customer itself is not tagged');
    expectError(await a.post(`${C}/${c}/owners/${tenant.ownerId}/tags`, { add: [t.tea] }), 404, 'NOT_FOUND');
    ok(await sales.agent.post(`${C}/${c}/owners/${sales.id}/tags`, { add: [t.tea] }), 200);
    const other = await customer('别人的客户');
    expectError(await sales.agent.get(`${C}/${other}/tags`), 404, 'NOT_FOUND');
    expectError(await sales.agent.post(`${C}/${other}/tags`, { add: [t.tea] }), 404, 'NOT_FOUND');
    expectError(await sales.agent.post(TAGS, { groupId: t.interests, name: '无权' }), 403, 'FORBIDDEN');
  });
});
