import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TagRuleCondition } from '@siyu/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type Ctx, DAY, inTransaction, type JobEnv, newId } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { getTimeline, recordEvent, recordEvents } from '../events/events.service';
import { customers } from '../profiles/profiles.tables';
import {
  changeCustomerTags,
  createTag,
  createTagGroup,
  createTagRule,
  getTagRule,
  listCustomerTags,
  previewTagRule,
  TAG_RULES_JOB,
  updateTagRule,
} from './index';
import { tenantsWithEnabledRules } from './tag-rules.repo';

const { rt, clock } = await testRuntime();
const NOW = '2026-03-10T02:00:00Z';
type Attrs = Partial<typeof customers.$inferInsert>;

async function setup() {
  clock.set(NOW);
  const t = await createTestTenant(rt);
  const ctx = t.ctx;
  /** A customer row as the profiles aggregate stores it (inserted directly: these tests are about tags). */
  const customer = async (attrs: Attrs = {}) => {
    const id = newId('cus', clock.now());
    await rt.db
      .insert(customers)
      .values({ tenantId: t.tenantId, id, createdAt: clock.now(), updatedAt: clock.now(), ...attrs });
    return id;
  };
  const group = await createTagGroup(ctx, { name: '消费', selectMode: 'multi', sort: 0 });
  const tag = async (name: string, groupId = group.id) => (await createTag(ctx, { groupId, name, sort: 0 })).id;
  const paid = (customerId: string, category: string, daysAgo: number, type = 'order.paid') =>
    inTransaction(ctx, (tx) =>
      recordEvent(tx, {
        customerId,
        type,
        properties: { category, items: [category, 'cup'] },
        source: 'test',
        occurredAt: new Date(clock.now().getTime() - daysAgo * DAY),
      }),
    );
  const runJob = (data: Record<string, unknown>) => {
    const env: JobEnv = {
      data,
      jobId: 'test',
      db: rt.db,
      clock,
      log: rt.log,
      ctxFor: (tenantId) => rt.ctx({ tenantId, actor: { kind: 'system', name: 'job' } }),
    };
    return rt.registry.jobs[TAG_RULES_JOB]!.handle(env);
  };
  return { ...t, ctx, customer, tag, paid, runJob, drain: () => rt.drain({ tenantId: t.tenantId }) };
}

const matches = async (ctx: Ctx, condition: TagRuleCondition) => (await previewTagRule(ctx, condition)).sample.sort();
const tagsOf = async (ctx: Ctx, id: string) => (await listCustomerTags(ctx, id)).items;
const ids = (...xs: string[]) => xs.sort();

const COFFEE_3_IN_30: TagRuleCondition = {
  all: [{ event: 'order.paid', where: { category: 'coffee' }, withinDays: 30, min: 3 }],
};

describe('tag rule conditions', () => {
  it('compare attributes: numbers, text (missing values are "not equal"), lists, custom fields', async () => {
    const t = await setup();
    const a = await t.customer({
      orderCount: 5,
      totalSpent: 50_000,
      stage: 'loyal',
      province: '上海',
      birthMonth: 3,
      custom: { level: 'gold', interests: ['coffee', 'tea'], points: 120, joined: '2024-01-05' },
    });
    const b = await t.customer({
      orderCount: 2,
      totalSpent: 9_000,
      stage: 'active',
      province: '北京',
      custom: { level: 'silver', interests: ['tea'], points: 80, joined: '2025-02-01' },
    });
    const c = await t.customer({ gender: 'female', custom: { points: '999' } });
    const q = (condition: TagRuleCondition) => matches(t.ctx, condition);
    assert.deepEqual(await q({ all: [{ field: 'orderCount', op: 'gte', value: 3 }] }), [a]);
    assert.deepEqual(await q({ all: [{ field: 'totalSpent', op: 'lte', value: 9_000 }] }), ids(b, c));
    assert.deepEqual(await q({ all: [{ field: 'province', op: 'neq', value: '北京' }] }), ids(a, c));
    assert.deepEqual(await q({ all: [{ field: 'stage', op: 'in', value: ['loyal', 'active'] }] }), ids(a, b));
    assert.deepEqual(await q({ all: [{ field: 'gender', op: 'eq', value: 'female' }] }), [c]);
    assert.deepEqual(await q({ all: [{ field: 'birthMonth', op: 'eq', value: 3 }] }), [a]);
    assert.deepEqual(await q({ all: [{ field: 'custom.level', op: 'eq', value: 'gold' }] }), [a]);
    assert.deepEqual(await q({ all: [{ field: 'custom.interests', op: 'eq', value: 'tea' }] }), ids(a, b));
    assert.deepEqual(await q({ all: [{ field: 'custom.interests', op: 'neq', value: 'coffee' }] }), ids(b, c));
    assert.deepEqual(await q({ all: [{ field: 'custom.level', op: 'in', value: ['gold', 'silver'] }] }), ids(a, b));
    assert.deepEqual(
      await q({ all: [{ field: 'custom.points', op: 'gte', value: 100 }] }),
      [a],
      'text "999" is no number',
    );
    assert.deepEqual(await q({ all: [{ field: 'custom.joined', op: 'lte', value: '2024-12-31' }] }), [a]);
    assert.deepEqual(
      await q({
        any: [
          { field: 'orderCount', op: 'gte', value: 5 },
          {
            all: [
              { field: 'province', op: 'eq', value: '北京' },
              { field: 'custom.points', op: 'lte', value: 100 },
            ],
          },
        ],
      }),
      ids(a, b),
    );
    assert.deepEqual(
      await q({
        all: [
          { field: 'orderCount', op: 'gte', value: 1 },
          { field: 'stage', op: 'eq', value: 'active' },
        ],
      }),
      [b],
    );
    assert.equal((await previewTagRule(t.ctx, { all: [{ field: 'orderCount', op: 'gte', value: 0 }] })).count, 3);
  });

  it('count events in a window, with property matches: "bought coffee ≥ 3 times in 30 days", "no order in 30 days"', async () => {
    const t = await setup();
    const [a, b, c, d, e] = [
      await t.customer(),
      await t.customer(),
      await t.customer(),
      await t.customer(),
      await t.customer(),
    ];
    for (const days of [1, 5, 29]) await t.paid(a, 'coffee', days);
    for (const days of [1, 2]) await t.paid(b, 'coffee', days);
    for (const days of [1, 2, 3]) await t.paid(c, 'tea', days);
    for (const days of [31, 40, 50, 55]) await t.paid(d, 'coffee', days);
    for (const days of [1, 2, 3]) await t.paid(e, 'coffee', days, 'order.refunded');
    await t.paid(b, 'coffee', 3);
    assert.deepEqual(await matches(t.ctx, COFFEE_3_IN_30), ids(a, b));
    assert.deepEqual(
      await matches(t.ctx, { all: [{ event: 'order.paid', where: { items: 'tea' }, withinDays: 30, min: 3 }] }),
      [c],
      'a single value matches a list property holding it',
    );
    assert.deepEqual(await matches(t.ctx, { all: [{ event: 'order.paid', withinDays: 30, max: 0 }] }), ids(d, e));
    assert.deepEqual(
      await matches(t.ctx, { all: [{ event: 'order.paid', withinDays: 60, min: 3, max: 3 }] }),
      ids(a, b, c),
    );
    assert.deepEqual(
      await matches(t.ctx, {
        any: [
          { event: 'order.refunded', withinDays: 7, min: 1 },
          { event: 'order.paid', where: { category: 'tea' }, withinDays: 7, min: 1 },
        ],
      }),
      ids(c, e),
    );
  });
});

describe('tag rules', () => {
  it('tag on recorded events (source rule, added by the rule) and untag on the schedule once the window has passed', async () => {
    const t = await setup();
    const lover = await t.tag('咖啡爱好者');
    const [a, b] = [await t.customer(), await t.customer()];
    await t.paid(a, 'coffee', 2);
    await t.paid(a, 'coffee', 1);
    const rule = await inTransaction(t.ctx, (tx) =>
      createTagRule(tx, {
        name: '30 天买 3 次咖啡',
        tagId: lover,
        enabled: true,
        removeWhenFalse: true,
        condition: COFFEE_3_IN_30,
      }),
    );
    await t.drain();
    assert.deepEqual(await tagsOf(t.ctx, a), [], 'two coffees are not enough');
    await t.paid(a, 'coffee', 0);
    await t.paid(b, 'tea', 0);
    await t.drain();
    const [applied] = await tagsOf(t.ctx, a);
    assert.deepEqual(
      { tagId: applied?.tagId, source: applied?.source, addedBy: applied?.addedBy, addedByName: applied?.addedByName },
      { tagId: lover, source: 'rule', addedBy: rule.id, addedByName: '30 天买 3 次咖啡' },
    );
    assert.deepEqual(await tagsOf(t.ctx, b), []);
    const history = await getTimeline(t.ctx, a, { types: ['tag.added', 'tag.removed'], limit: 10 });
    assert.deepEqual(
      history.items.map((h) => [h.type, h.properties]),
      [['tag.added', { tagId: lover, tagName: '咖啡爱好者', source: 'rule', by: rule.id }]],
    );

    // A manual holder of the same tag keeps it when the rule stops holding for them.
    await inTransaction(t.ctx, (tx) => changeCustomerTags(tx, b, { add: [lover], remove: [] }));
    assert.ok((await tenantsWithEnabledRules(rt.db)).includes(t.tenantId));
    clock.advance(31 * DAY);
    await t.runJob({ tenantId: t.tenantId });
    assert.deepEqual(await tagsOf(t.ctx, a), [], 'the coffees left the 30-day window');
    assert.deepEqual(
      (await tagsOf(t.ctx, b)).map((x) => x.source),
      ['manual'],
    );
    const after = await getTimeline(t.ctx, a, { types: ['tag.removed'], limit: 10 });
    assert.deepEqual(after.items[0]?.properties, { tagId: lover, tagName: '咖啡爱好者', source: 'rule', by: rule.id });
    const saved = await getTagRule(t.ctx, rule.id);
    assert.deepEqual([saved.lastRunAt, saved.lastMatched], [clock.now().toISOString(), 0]);
  });

  it('evaluates a whole recorded batch at once: only customers whose events count, one delivery for the batch', async () => {
    const t = await setup();
    const lover = await t.tag('咖啡爱好者');
    await inTransaction(t.ctx, (tx) =>
      createTagRule(tx, {
        name: '30 天买 3 次咖啡',
        tagId: lover,
        enabled: true,
        removeWhenFalse: true,
        condition: COFFEE_3_IN_30,
      }),
    );
    const people = [await t.customer(), await t.customer(), await t.customer(), await t.customer()];
    await t.drain();
    const order = (customerId: string, category: string, type = 'order.paid') => ({
      customerId,
      type,
      properties: { category },
      source: 'test',
    });
    const [three, two, viewer, tea] = people as [string, string, string, string];
    const batch = [
      ...[1, 2, 3].map(() => order(three, 'coffee')),
      ...[1, 2].map(() => order(two, 'coffee')),
      ...[1, 2, 3].map(() => order(viewer, 'coffee', 'product.viewed')),
      ...[1, 2, 3].map(() => order(tea, 'tea')),
    ];
    assert.equal((await inTransaction(t.ctx, (tx) => recordEvents(tx, batch))).accepted, 11);
    const pending = await rt.db.execute(
      sql`select payload from outbox where tenant_id = ${t.tenantId} and name = 'customers.events.recorded' and dispatched_at is null`,
    );
    const rows = (pending as unknown as { rows: { payload: { events: { customerId: string; type: string }[] } }[] })
      .rows;
    assert.equal(rows.length, 1, 'one event announces the batch');
    assert.deepEqual(
      rows[0]!.payload.events.map((e) => [e.customerId, e.type]).sort(),
      [
        [three, 'order.paid'],
        [two, 'order.paid'],
        [viewer, 'product.viewed'],
        [tea, 'order.paid'],
      ].sort(),
      'once per customer and type',
    );
    await t.drain();
    const tagged = [];
    for (const c of people) if ((await tagsOf(t.ctx, c)).length) tagged.push(c);
    assert.deepEqual(tagged, [three]);
  });

  it('keeps the tag without removeWhenFalse; attribute rules react to any event; single-select rule tags replace their siblings', async () => {
    const t = await setup();
    const level = await createTagGroup(t.ctx, { name: '等级', selectMode: 'single', sort: 1 });
    const [vip, normal] = [await t.tag('VIP', level.id), await t.tag('普通', level.id)];
    const c = await t.customer();
    await inTransaction(t.ctx, (tx) => changeCustomerTags(tx, c, { add: [normal], remove: [] }));
    const rule = await inTransaction(t.ctx, (tx) =>
      createTagRule(tx, {
        name: '大客户',
        tagId: vip,
        enabled: true,
        removeWhenFalse: false,
        condition: { all: [{ field: 'totalSpent', op: 'gte', value: 100_000 }] },
      }),
    );
    await t.drain();
    assert.deepEqual(
      (await tagsOf(t.ctx, c)).map((x) => x.tagId),
      [normal],
    );
    await rt.db
      .update(customers)
      .set({ totalSpent: 150_000 })
      .where(and(eq(customers.tenantId, t.tenantId), eq(customers.id, c)));
    await inTransaction(t.ctx, (tx) => recordEvent(tx, { customerId: c, type: 'page.viewed', source: 'test' }));
    await t.drain();
    assert.deepEqual(
      (await tagsOf(t.ctx, c)).map((x) => [x.tagId, x.source]),
      [[vip, 'rule']],
      'VIP replaced 普通',
    );
    await rt.db
      .update(customers)
      .set({ totalSpent: 0 })
      .where(and(eq(customers.tenantId, t.tenantId), eq(customers.id, c)));
    await t.runJob({ tenantId: t.tenantId, ruleId: rule.id });
    assert.deepEqual(
      (await tagsOf(t.ctx, c)).map((x) => x.tagId),
      [vip],
      'kept: removeWhenFalse is off',
    );
    await inTransaction(t.ctx, (tx) => updateTagRule(tx, rule.id, { removeWhenFalse: true }));
    await t.drain();
    assert.deepEqual(await tagsOf(t.ctx, c), [], 'removed once the rule may remove');
  });
});
