import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestTenant, testRuntime } from '../testing';
import { inTransaction } from './context';
import { outbox } from './platform.tables';
import { subscriber } from './registry';

const { rt, clock } = await testRuntime();
const calls: { handler: string; staffId: string }[] = [];
let failNext = 0;
rt.registry.subscribers.push(
  subscriber({
    name: 'test.audit-disabled',
    event: 'access.staff.disabled',
    handle: async (_ctx, p) => {
      calls.push({ handler: 'audit', staffId: p.staffId });
    },
  }),
  subscriber({
    name: 'test.flaky-disabled',
    event: 'access.staff.disabled',
    handle: async (_ctx, p) => {
      if (failNext > 0) {
        failNext--;
        throw new Error('flaky handler failed');
      }
      calls.push({ handler: 'flaky', staffId: p.staffId });
    },
  }),
);
const ran = (staffId: string, handler?: string) =>
  calls.filter((c) => c.staffId === staffId && (!handler || c.handler === handler)).length;

describe('outbox', () => {
  it('delivers an event emitted in a committed transaction once to each subscriber', async () => {
    const t = await createTestTenant(rt);
    await inTransaction(t.ctx, (tx) => tx.emit('access.staff.disabled', { staffId: 'stf_committed0001' }));
    assert.equal(ran('stf_committed0001'), 0, 'nothing runs before the dispatcher');
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(ran('stf_committed0001', 'audit'), 1);
    assert.equal(ran('stf_committed0001', 'flaky'), 1);
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(ran('stf_committed0001'), 2, 'a second drain delivers nothing again');
  });

  it('drops events of a transaction that rolls back', async () => {
    const t = await createTestTenant(rt);
    await assert.rejects(
      inTransaction(t.ctx, async (tx) => {
        await tx.emit('access.staff.disabled', { staffId: 'stf_rolledback001' });
        throw new Error('boom');
      }),
    );
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(ran('stf_rolledback001'), 0);
    const rows = await rt.db.select().from(outbox).where(eq(outbox.tenantId, t.tenantId));
    assert.equal(rows.length, 0);
  });

  it('retries a failed handler with backoff without running the handlers that succeeded again', async () => {
    const t = await createTestTenant(rt);
    failNext = 1;
    await inTransaction(t.ctx, (tx) => tx.emit('access.staff.disabled', { staffId: 'stf_flaky0000001' }));
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(ran('stf_flaky0000001', 'audit'), 1);
    assert.equal(ran('stf_flaky0000001', 'flaky'), 0);
    const [row] = await rt.db.select().from(outbox).where(eq(outbox.tenantId, t.tenantId));
    assert.equal(row?.attempts, 1);
    assert.match(row?.lastError ?? '', /flaky handler failed/);
    assert.equal(row?.dispatchedAt, null);
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(ran('stf_flaky0000001', 'flaky'), 0, 'not before the backoff has passed');
    clock.advance(5_000);
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(ran('stf_flaky0000001', 'flaky'), 1);
    assert.equal(ran('stf_flaky0000001', 'audit'), 1, 'the handler that succeeded did not run twice');
    const [done] = await rt.db.select().from(outbox).where(eq(outbox.tenantId, t.tenantId));
    assert.ok(done?.dispatchedAt);
  });

  it('hands enqueued jobs to the job queue after commit and runs them', async () => {
    const t = await createTestTenant(rt);
    const seen: unknown[] = [];
    rt.registry.jobs['test.echo'] = {
      handle: async ({ data, ctxFor }) => {
        seen.push({ ...data, tenantOk: ctxFor(String(data.tenantId)).tenantId === t.tenantId });
      },
    };
    await rt.jobs.boss.createQueue('test.echo');
    await inTransaction(t.ctx, (tx) => tx.enqueue('test.echo', { tenantId: t.tenantId, n: 7 }));
    await rt.drain({ tenantId: t.tenantId });
    assert.deepEqual(seen, [{ tenantId: t.tenantId, n: 7, tenantOk: true }]);
    const [row] = await rt.db.select().from(outbox).where(eq(outbox.tenantId, t.tenantId));
    assert.ok(row?.dispatchedAt && row.jobId, 'the row is dispatched and carries the job id');
    await rt.jobs.send(row); // a second send of the same row is a no-op: the job id is fixed
    await rt.drain({ tenantId: t.tenantId });
    assert.equal(seen.length, 1);
  });
});
