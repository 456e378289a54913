import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, newId, rowsOf } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { customers } from '../profiles/profiles.tables';
import {
  addWecomTagsToCustomer,
  createTag,
  createTagGroup,
  listTagGroups,
  listWecomLinkedTags,
  removeWecomTag,
  removeWecomTagGroup,
  tagIdsOfWecomTags,
  upsertWecomTagGroup,
  wecomTagIdsOfTags,
} from './index';

const { rt, clock } = await testRuntime();

describe('WeCom-linked tags (customers side of tag sync)', () => {
  it('creates, adopts, renames idempotently; tags customers with source wecom and announces it', async () => {
    const t = await createTestTenant(rt);
    const ctx = t.ctx;
    // a local group and tag of the same names are adopted (linked), not duplicated
    const local = await createTagGroup(ctx, { name: '客户等级', selectMode: 'multi', sort: 0 });
    const vip = await createTag(ctx, { groupId: local.id, name: 'VIP', sort: 0 });
    const input = {
      wecomGroupId: 'etGROUP1',
      name: '客户等级',
      sort: 1,
      tags: [
        { wecomTagId: 'etVIP', name: 'VIP', sort: 1 },
        { wecomTagId: 'etNEW', name: '新客', sort: 2 },
      ],
    };
    const first = await upsertWecomTagGroup(ctx, input);
    assert.equal(first.groupId, local.id);
    assert.equal(first.created, 1, 'only 新客 is new');
    const again = await upsertWecomTagGroup(ctx, input);
    assert.deepEqual({ created: again.created, renamed: again.renamed }, { created: 0, renamed: 0 }, 'idempotent');
    const ids = await tagIdsOfWecomTags(ctx, ['etVIP', 'etNEW', 'etNONE']);
    assert.equal(ids.get('etVIP'), vip.id);
    assert.equal(ids.size, 2);
    assert.equal((await wecomTagIdsOfTags(ctx, [vip.id])).get(vip.id), 'etVIP');

    const renamed = await upsertWecomTagGroup(ctx, {
      ...input,
      name: '等级',
      tags: [{ ...input.tags[0]!, name: '贵宾' }],
    });
    assert.equal(renamed.renamed, 2);
    const groups = (await listTagGroups(ctx)).items;
    const g = groups.find((x) => x.id === local.id)!;
    assert.equal(g.name, '等级');
    assert.equal(g.wecomGroupId, 'etGROUP1');
    assert.ok(g.tags.some((x) => x.name === '贵宾' && x.wecomTagId === 'etVIP'));

    const customerId = newId('cus', clock.now());
    await rt.db
      .insert(customers)
      .values({ tenantId: t.tenantId, id: customerId, createdAt: clock.now(), updatedAt: clock.now() });
    assert.equal(await inTransaction(ctx, (tx) => addWecomTagsToCustomer(tx, customerId, [vip.id])), 1);
    assert.equal(await addWecomTagsToCustomer(ctx, customerId, [vip.id]), 0, 'a second time adds nothing');
    const outbox = rowsOf<{ payload: { source: string; changes: unknown[] } }>(
      await rt.db.execute(
        sql`select payload from outbox where tenant_id = ${t.tenantId} and name = 'customers.tags.changed'`,
      ),
    );
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0]!.payload.source, 'wecom');

    // WeCom deleted the tag and its group
    assert.equal(await removeWecomTag(ctx, ids.get('etNEW')!), 'deleted');
    assert.equal(await removeWecomTagGroup(ctx, local.id), 'unlinked', 'the group still holds 贵宾');
    const linked = await listWecomLinkedTags(ctx);
    assert.deepEqual(linked.groups, []);
    assert.deepEqual(
      linked.tags.map((x) => x.wecomTagId),
      ['etVIP'],
    );
    const left = await rt.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.tenantId), eq(customers.id, customerId)));
    assert.equal(left.length, 1);
  });
});
