/**
 * A separate worker has the providers too: the tenant's payment settings are in the database, so a
 * runtime built afresh (nothing configured at its start, this process's provider cache dropped) runs
 * the reconcile and close-expired jobs against the tenant's WeChat Pay (the sandbox served by this API).
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { registry } from '@siyu/core';
import * as orders from '@siyu/core/orders';
import { createRuntime, MINUTE, type Runtime, testClock } from '@siyu/core/platform';
import { testConfig } from '@siyu/core/testing';
import { demoPaymentsOf } from '../demo/payments-sandbox';
import { clientKey, shop } from './orders.fixtures';
import { ok } from './tags.fixtures';

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup) await c();
});

/** Runs one job's handler as a worker of `rt` would, for one tenant. */
const runJob = (rt: Runtime, name: string, tenantId: string) =>
  registry.jobs[name]!.handle({
    data: { tenantId },
    jobId: `test-${name}`,
    db: rt.db,
    clock: rt.clock,
    log: rt.log,
    ctxFor: (t) => rt.ctx({ tenantId: t, actor: { kind: 'system', name: 'job' } }),
  });

describe('payment jobs in a fresh runtime', () => {
  it('reconciles a paid attempt and closes an expired order with providers read from the store', async () => {
    const s = await shop({ stock: 5 });
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => s.app.close());
    const baseUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    const demo = demoPaymentsOf(s.app)!;
    orders.overrideTenantPayments(s.tenant.tenantId, null);
    await demo.configureTenant(s.tenant.tenantId, baseUrl);

    const place = async () => {
      const o = ok(
        await s.shopper.post(`${s.base}/orders`, {
          buyNow: { skuId: s.latteSku, quantity: 1 },
          delivery: 'pickup',
          storeId: s.store.id,
          clientKey: clientKey(),
        }),
        201,
      );
      const pay = ok(await s.shopper.post(`${s.base}/orders/${o.id}/pay`, { channel: 'wechat_native' }));
      return { id: o.id as string, outTradeNo: pay.outTradeNo as string };
    };
    const paidQuietly = await place();
    const abandoned = await place();
    // The buyer pays at WeChat, and the notification never arrives.
    demo.sandbox.pay(demo.mchid, paidQuietly.outTradeNo, 'success');

    // Another process: its own runtime and clock, nothing configured at start, no cached providers here.
    orders.forgetTenantPayments(s.tenant.tenantId);
    const start = s.clock.now().getTime();
    const clock = testClock(new Date(start + 3 * MINUTE));
    s.clock.set(clock.now()); // the sandbox (served by the API) checks request times against its clock
    const worker = await createRuntime({
      config: testConfig(),
      registry,
      clock,
      database: s.rt.database,
      migrate: false,
      role: 'client',
    });
    cleanup.push(() => worker.jobs.stop());

    await runJob(worker, orders.RECONCILE_JOB, s.tenant.tenantId);
    const reconciled = ok(await s.agent.get(`/api/admin/orders/${paidQuietly.id}`));
    assert.equal(reconciled.status, 'paid', 'the worker queried WeChat Pay with the stored keys');
    assert.equal(ok(await s.agent.get(`/api/admin/orders/${abandoned.id}`)).status, 'pending_payment');

    clock.set(new Date(start + 16 * MINUTE)); // past the 15-minute payment deadline
    s.clock.set(clock.now());
    await runJob(worker, orders.CLOSE_EXPIRED_JOB, s.tenant.tenantId);
    assert.equal(ok(await s.agent.get(`/api/admin/orders/${abandoned.id}`)).status, 'closed');
    assert.equal(
      demo.sandbox.transaction(demo.mchid, abandoned.outTradeNo)?.trade_state,
      'CLOSED',
      'closed with the provider before the stock was released',
    );
  });
});
