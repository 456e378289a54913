import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { inTransaction } from '../../platform';
import { createTestTenant, testRuntime } from '../../testing';
import { customerIdentities, customers } from './profiles.tables';
import { findCustomerByIdentity, resolveCustomer } from './resolve.service';

const { rt } = await testRuntime();

describe('resolveCustomer', () => {
  it('concurrent first visits with the same new identities make one customer (truly concurrent on PostgreSQL)', async () => {
    const t = await createTestTenant(rt);
    const phone = `137${String(Date.now()).slice(-8)}`;
    const account = `acc_race_${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        inTransaction(t.ctx, (tx) =>
          resolveCustomer(tx, {
            identities: [
              { kind: 'shop_account', value: account, verified: true },
              { kind: 'phone', value: phone, verified: true },
            ],
            source: 'shop',
          }),
        ),
      ),
    );
    assert.equal(new Set(results.map((r) => r.customerId)).size, 1, 'every request got the same customer');
    assert.equal(results.filter((r) => r.created).length, 1);
    const rows = await rt.db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.tenantId, t.tenantId), eq(customers.phone, phone)));
    assert.deepEqual(
      rows.map((r) => r.id),
      [results[0]!.customerId],
      'no empty duplicate',
    );
    const held = await rt.db
      .select({ customerId: customerIdentities.customerId })
      .from(customerIdentities)
      .where(eq(customerIdentities.tenantId, t.tenantId));
    assert.ok(held.length === 2 && held.every((h) => h.customerId === results[0]!.customerId));
  });

  it('findCustomerByIdentity finds the holder and creates nothing for an unknown identity', async () => {
    const t = await createTestTenant(rt);
    const wecom = { kind: 'wecom_external' as const, namespace: 'wwcorp', value: `wm_${Date.now()}` };
    assert.equal(await findCustomerByIdentity(t.ctx, wecom), null);
    const none = await rt.db.select({ id: customers.id }).from(customers).where(eq(customers.tenantId, t.tenantId));
    assert.equal(none.length, 0, 'the lookup created nobody');
    const { customerId } = await inTransaction(t.ctx, (tx) =>
      resolveCustomer(tx, { identities: [{ ...wecom, verified: true }], source: 'wecom' }),
    );
    assert.equal(await findCustomerByIdentity(t.ctx, wecom), customerId);
    assert.equal(await findCustomerByIdentity(t.ctx, { ...wecom, namespace: 'wwother' }), null, 'namespace matters');
  });
});
