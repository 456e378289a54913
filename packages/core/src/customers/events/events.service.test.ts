import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, newId } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { customers } from '../profiles/profiles.tables';
import { getTimeline, type NewEvent, recordEvents } from './events.service';

const { rt, clock } = await testRuntime();

async function setup() {
  clock.set('2026-05-01T04:00:00Z');
  const t = await createTestTenant(rt);
  const customer = async () => {
    const id = newId('cus', clock.now());
    await rt.db.insert(customers).values({ tenantId: t.tenantId, id, createdAt: clock.now(), updatedAt: clock.now() });
    return id;
  };
  const record = (events: NewEvent[], opts?: { announce?: boolean }) => {
    clock.advance(1); // outbox ids sort by time: each call's events after the previous call's
    return inTransaction(t.ctx, (tx) => recordEvents(tx, events, opts));
  };
  const lastActive = async (id: string) => {
    const [row] = await rt.db
      .select({ at: customers.lastActiveAt })
      .from(customers)
      .where(and(eq(customers.tenantId, t.tenantId), eq(customers.id, id)));
    return row?.at?.toISOString() ?? null;
  };
  const announced = async () => {
    const r = await rt.db.execute(
      sql`select payload from outbox where tenant_id = ${t.tenantId} and name = 'customers.events.recorded' order by id`,
    );
    return (r as unknown as { rows: { payload: { events: { customerId: string; type: string }[] } }[] }).rows.map(
      (x) => x.payload.events,
    );
  };
  return { ...t, customer, record, lastActive, announced };
}

const at = (iso: string) => new Date(iso);

describe('recordEvents', () => {
  it('skips repeated idempotency keys and announces each customer and type once, a thousand to an event', async () => {
    const t = await setup();
    const [a, b] = [await t.customer(), await t.customer()];
    const view = (customerId: string, key: string, type = 'page.viewed') => ({
      customerId,
      type,
      source: 'test',
      idempotencyKey: key,
    });
    const first = await t.record([
      view(a, 'k1'),
      view(a, 'k2'),
      view(b, 'k3', 'cart.added'),
      view(a, 'k4', 'note.added'),
    ]);
    assert.deepEqual(first, { accepted: 4, duplicates: 0 });
    const again = await t.record([view(a, 'k1'), view(b, 'k5')]);
    assert.deepEqual(again, { accepted: 1, duplicates: 1 });
    assert.deepEqual(
      (await t.announced()).map((batch) => batch.map((e) => [e.customerId, e.type])),
      [
        [
          [a, 'page.viewed'],
          [b, 'cart.added'],
        ],
        [[b, 'page.viewed']],
      ],
      'bookkeeping (note.added) is not announced; the duplicate is not announced again',
    );
    assert.equal((await getTimeline(t.ctx, a, { limit: 10 })).items.length, 3);

    const many = Array.from({ length: 2500 }, (_, i) => ({
      customerId: i % 2 ? a : b,
      type: `product.viewed.${i}`,
      source: 'test',
    }));
    assert.deepEqual(await t.record(many), { accepted: 2500, duplicates: 0 });
    assert.deepEqual(
      (await t.announced())
        .slice(2)
        .map((batch) => batch.length)
        .sort((x, y) => y - x),
      [1000, 1000, 500],
    );
  });

  it('does not announce history loaded in bulk', async () => {
    const t = await setup();
    const a = await t.customer();
    await t.record([{ customerId: a, type: 'order.paid', source: 'import', occurredAt: at('2026-01-02T03:00:00Z') }], {
      announce: false,
    });
    assert.deepEqual(await t.announced(), []);
    assert.equal(await t.lastActive(a), '2026-01-02T03:00:00.000Z', 'history still moves last activity');
  });

  it('moves last activity forward to the minute, never back, and only for things the customer did', async () => {
    const t = await setup();
    const a = await t.customer();
    const ev = (type: string, iso: string) => ({ customerId: a, type, source: 'test', occurredAt: at(iso) });
    await t.record([ev('tag.added', '2026-04-30T10:00:00Z')]);
    assert.equal(await t.lastActive(a), null, 'a tag put on the customer is not their activity');
    await t.record([ev('page.viewed', '2026-04-30T10:00:00Z'), ev('product.viewed', '2026-04-30T10:05:00Z')]);
    assert.equal(await t.lastActive(a), '2026-04-30T10:05:00.000Z', 'the latest of the batch');
    await t.record([ev('order.paid', '2026-04-29T08:00:00Z')]);
    assert.equal(await t.lastActive(a), '2026-04-30T10:05:00.000Z', 'an older event does not move it back');
    await t.record([ev('page.viewed', '2026-04-30T10:05:40Z')]);
    assert.equal(await t.lastActive(a), '2026-04-30T10:05:00.000Z', 'within the minute: not rewritten');
    await t.record([ev('page.viewed', '2026-04-30T10:06:00Z')]);
    assert.equal(await t.lastActive(a), '2026-04-30T10:06:00.000Z');
  });
});
