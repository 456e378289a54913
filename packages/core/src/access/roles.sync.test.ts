import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform';
import { createTestTenant, testRuntime } from '../testing';
import { createRole, listRoles } from './roles.service';
import { BUILT_IN_ROLES } from './roles.builtins';
import { syncBuiltInRoles } from './roles.sync';

const ORDERS = ['orders.view', 'orders.manage', 'orders.ship'];

describe('built-in role sync', () => {
  it('gives existing built-in roles the permissions added since they were made, once; custom roles untouched', async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt);
    const custom = await createRole(t.ctx, { name: '自定义', permissions: ['staff.read'], dataScope: 'all' });
    // A tenant from before the orders permissions existed, whose operator role lost catalog.view on purpose.
    await rt.db.execute(sql`
      update roles set template_permissions = null, created_at = '2026-11-22T15:00:00Z',
        permissions = (select coalesce(jsonb_agg(p), '[]'::jsonb) from jsonb_array_elements_text(permissions) p
                       where p not like 'orders.%' and not (roles.key = 'operator' and p = 'catalog.view'))
      where tenant_id = ${t.tenantId} and key is not null`);
    const base = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'test' } });

    const mine = (await syncBuiltInRoles(base)).filter((s) => s.tenantId === t.tenantId);
    const added = Object.fromEntries(mine.map((s) => [s.key, s.added]));
    assert.deepEqual(added.operator, ORDERS);
    assert.deepEqual(added.admin, [...ORDERS, 'orders.payments']);
    assert.deepEqual(added.owner, [...ORDERS, 'orders.payments']);
    assert.deepEqual(added.analyst, ['orders.view']);
    assert.equal(added.sales, undefined, 'nothing new in the sales template');

    const roles = (await listRoles(t.ctx)).items;
    const operator = roles.find((r) => r.key === 'operator')!;
    assert.ok(!operator.permissions.includes('catalog.view'), 'a permission the tenant removed stays removed');
    assert.deepEqual(roles.find((r) => r.id === custom.id)!.permissions, ['staff.read']);
    const [stored] = rowsOf<{ t: string[] }>(
      await rt.db.execute(
        sql`select template_permissions as t from roles where tenant_id = ${t.tenantId} and key = 'operator'`,
      ),
    );
    assert.deepEqual(stored?.t, [...BUILT_IN_ROLES.operator.permissions]);

    assert.deepEqual(
      (await syncBuiltInRoles(base)).filter((s) => s.tenantId === t.tenantId),
      [],
      'idempotent',
    );
    const audit = rowsOf<{ changes: { added: string[] } }>(
      await rt.db.execute(
        sql`select changes from audit_log where tenant_id = ${t.tenantId} and action = 'role.sync' order by entity_id`,
      ),
    );
    assert.equal(audit.length, mine.length);
  });

  it('adds a permission that joins a template later, but not one the tenant took away', async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt);
    // As if orders.ship joined the operator template after this tenant's last sync, while the tenant
    // had removed orders.manage (which its role knew).
    await rt.db.execute(sql`
      update roles set
        template_permissions = template_permissions - 'orders.ship',
        permissions = permissions - 'orders.ship' - 'orders.manage'
      where tenant_id = ${t.tenantId} and key = 'operator'`);
    const base = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'test' } });
    const mine = (await syncBuiltInRoles(base)).filter((s) => s.tenantId === t.tenantId);
    assert.deepEqual(
      mine.map((s) => [s.key, s.added]),
      [['operator', ['orders.ship']]],
    );
    const operator = (await listRoles(t.ctx)).items.find((r) => r.key === 'operator')!;
    assert.ok(operator.permissions.includes('orders.ship') && !operator.permissions.includes('orders.manage'));
  });
});
