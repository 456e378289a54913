import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { customerEvents } from '../events/events.tables';
import { customerIdentities, customers } from '../profiles/profiles.tables';
import { resolveCustomer } from '../profiles/resolve.service';
import { customerTags, tags } from '../tags/tags.tables';
import { type BatchInput, resolveCustomersBatch } from './resolve-batch';

const OPTS = { update: 'fill', tagGroup: '导入标签', addedBy: null } as const;

/** Everything the rules decide, without ids: customers by their identities, in a stable order. */
async function snapshot(ctx: Ctx) {
  const t = ctx.tenantId;
  const rows = await ctx.db.select().from(customers).where(eq(customers.tenantId, t)).orderBy(asc(customers.id));
  const ids = await ctx.db.select().from(customerIdentities).where(eq(customerIdentities.tenantId, t));
  const events = await ctx.db.select().from(customerEvents).where(eq(customerEvents.tenantId, t));
  const live = rows
    .filter((c) => !c.mergedInto)
    .map((c) => ({
      identities: ids
        .filter((i) => i.customerId === c.id)
        .map((i) => `${i.kind}:${i.namespace}:${i.value}`)
        .sort(),
      attrs: [
        c.name,
        c.nickname,
        c.gender,
        c.birthday,
        c.birthMonth,
        c.province,
        c.city,
        c.email,
        c.phone,
        c.sourceChannel,
      ],
      custom: c.custom,
      search: String(c.search).split(' ').sort().join(' '),
      events: events
        .filter((e) => e.customerId === c.id)
        .map((e) => e.type)
        .sort(),
    }))
    .sort((a, b) => a.identities.join().localeCompare(b.identities.join()));
  return { live, merged: rows.filter((c) => c.mergedInto).length };
}

async function tenantWithHistory() {
  const { rt, clock } = await testRuntime();
  const t = await createTestTenant(rt);
  const make = async (input: Parameters<typeof resolveCustomer>[1]) => {
    clock.advance(1000); // ids sort by creation time: A is older than B
    return inTransaction(t.ctx, (tx) => resolveCustomer(tx, input));
  };
  await make({
    identities: [{ kind: 'phone', value: '13700000001' }],
    attributes: { name: '老王', gender: 'female' },
    source: 'crm',
  });
  await make({ identities: [{ kind: 'phone', value: '13700000002' }], attributes: { name: 'A' }, source: 'crm' });
  await make({
    identities: [{ kind: 'unionid', value: 'u-b' }],
    attributes: { name: 'B', city: '杭州' },
    source: 'wecom',
  });
  return t;
}

const INPUTS: BatchInput[] = [
  {
    identities: [{ kind: 'phone', value: '13800000001' }],
    attributes: { name: '张一', gender: 'male', birthday: '1990-01-02' },
    custom: { level: '金卡' },
    source: 'import',
  },
  // the same person again, in the same batch: fills what is empty, adds an email identity
  {
    identities: [
      { kind: 'phone', value: '+86 138 0000 0001' },
      { kind: 'email', value: 'A@X.com' },
    ],
    attributes: { name: '张一改', city: '上海', email: 'a@x.com' },
    custom: { level: '银卡', points: 5 },
    source: 'import',
  },
  // joined to them through the email only
  {
    identities: [
      { kind: 'email', value: 'a@x.com' },
      { kind: 'unionid', value: 'u-1' },
    ],
    attributes: { nickname: '小张' },
    source: 'import',
  },
  // an existing customer: the name stays, the province is filled
  {
    identities: [{ kind: 'phone', value: '13700000001' }],
    attributes: { name: '新名字', province: '浙江' },
    source: 'import',
  },
  // A's phone and B's unionid: resolveCustomer merges B into A
  {
    identities: [
      { kind: 'phone', value: '13700000002' },
      { kind: 'unionid', value: 'u-b' },
    ],
    attributes: { district: '西湖区' },
    source: 'import',
  },
  { identities: [{ kind: 'phone', value: '13800000009' }], attributes: { name: '王九' }, source: '门店' },
  {
    identities: [
      { kind: 'openid', namespace: 'wx1', value: 'o-9' },
      { kind: 'phone', value: '13800000009' },
    ],
    attributes: {},
    source: 'import',
  },
];

describe('resolveCustomersBatch', () => {
  it('decides as resolveCustomer row by row does: same customers, identities, attributes, merges, timeline', async () => {
    const one = await tenantWithHistory();
    for (const input of INPUTS) await inTransaction(one.ctx, (tx) => resolveCustomer(tx, input));
    const batch = await tenantWithHistory();
    const outcomes = await inTransaction(batch.ctx, (tx) => resolveCustomersBatch(tx, INPUTS, OPTS));
    const [a, b] = [await snapshot(one.ctx), await snapshot(batch.ctx)];
    assert.deepEqual(b, a);
    assert.equal(a.merged, 1);
    assert.equal(a.live.length, 4); // 张一 (3 rows), 老王, A (B merged in), 王九 (2 rows)
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ['created', 'updated', 'updated', 'updated', 'updated', 'created', 'updated'],
    );
    assert.equal(new Set(outcomes.slice(0, 3).map((o) => o.customerId)).size, 1);
  });

  it('is idempotent: the same rows again change nothing and create nobody', async () => {
    const t = await tenantWithHistory();
    await inTransaction(t.ctx, (tx) => resolveCustomersBatch(tx, INPUTS, OPTS));
    const before = await snapshot(t.ctx);
    const again = await inTransaction(t.ctx, (tx) => resolveCustomersBatch(tx, INPUTS, OPTS));
    assert.deepEqual(new Set(again.map((o) => o.outcome)), new Set(['unchanged']));
    assert.deepEqual(await snapshot(t.ctx), before);
  });

  it('overwrites when asked, counts an unknown gender as empty, and tags by name', async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt);
    const phone = [{ kind: 'phone' as const, value: '13900000001' }];
    const first = { identities: phone, attributes: { name: '旧' }, tags: ['VIP'], source: 'import' };
    await inTransaction(t.ctx, (tx) => resolveCustomersBatch(tx, [first], OPTS));
    const next = {
      identities: phone,
      attributes: { name: '新', gender: 'female' as const },
      tags: ['VIP', '老客'],
      source: 'import',
    };
    const [filled] = await inTransaction(t.ctx, (tx) => resolveCustomersBatch(tx, [next], OPTS));
    const row = async () =>
      (
        await t.ctx.db
          .select()
          .from(customers)
          .where(and(eq(customers.tenantId, t.tenantId), eq(customers.id, filled!.customerId)))
      )[0]!;
    assert.deepEqual([(await row()).name, (await row()).gender], ['旧', 'female']);
    await inTransaction(t.ctx, (tx) => resolveCustomersBatch(tx, [next], { ...OPTS, update: 'overwrite' }));
    assert.equal((await row()).name, '新');
    assert.match(String((await row()).search), /'新'/);
    const tagNames = await t.ctx.db
      .select({ name: tags.name, source: customerTags.source })
      .from(customerTags)
      .innerJoin(tags, and(eq(tags.tenantId, customerTags.tenantId), eq(tags.id, customerTags.tagId)))
      .where(eq(customerTags.tenantId, t.tenantId));
    assert.deepEqual(tagNames.map((r) => `${r.name}/${r.source}`).sort(), ['VIP/import', '老客/import']);
  });
});
