import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestTenant } from '@siyu/core/testing';
import { type Agent, ownerOfNewTenant } from '../testing';

/** Runs due jobs until the job at `url` ends (on PostgreSQL another test process may have picked it up). */
async function settle(agent: Agent, drain: () => Promise<void>, url: string) {
  for (let i = 0; i < 600; i++) {
    await drain();
    const res = await agent.get(url);
    if (res.data?.status === 'done' || res.data?.status === 'failed') return res.data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not finish`);
}
import { seedDemoCustomers } from './seed-customers';

describe('demo customers', () => {
  it('seeds the same realistic people in every tenant, with tags and a year of timeline; a second run adds nothing', async () => {
    const { rt, agent, tenant } = await ownerOfNewTenant();
    const other = await createTestTenant(rt);
    assert.equal(await seedDemoCustomers(rt, tenant.slug, 300), 300);
    assert.equal(await seedDemoCustomers(rt, other.slug, 300), 300);
    assert.equal(await seedDemoCustomers(rt, tenant.slug, 300), 0, 'idempotent');

    const created = await agent.post('/api/admin/customer-exports', { format: 'csv' });
    const job = await settle(
      agent,
      () => rt.drain({ tenantId: tenant.tenantId }),
      `/api/admin/customer-exports/${created.data.id}`,
    );
    const file = await agent.get(job.downloadUrl);
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines.length, 301);
    const rows = lines.slice(1).map((l: string) => l.split(','));
    assert.ok(
      rows.every((r: string[]) => /^[\u4e00-\u9fff]{2,3}$/.test(r[1]!)),
      'Chinese names',
    );
    assert.ok(
      rows.every((r: string[]) => /^1990000\d{4}$/.test(r[4]!)),
      'phones of the demo block',
    );
    assert.ok(rows.filter((r: string[]) => r[6]).length > 200, 'most have a birthday');
    assert.ok(new Set(rows.map((r: string[]) => r[11])).size >= 6, 'several sources');
    assert.ok(
      rows.every((r: string[]) => r[13]),
      'everyone has a value tag',
    );

    const events = await rt.database.executeSql(
      `select count(*)::int as n, min(occurred_at) as first, max(occurred_at) as last, count(distinct type)::int as types
       from customer_events where tenant_id = $1`,
      [tenant.tenantId],
    );
    const e = events.rows[0] as { n: number; first: Date; last: Date; types: number };
    const now = rt.clock.now().getTime();
    assert.ok(e.n > 300 * 5, `${e.n} events`);
    assert.ok(e.types >= 7);
    assert.ok(now - new Date(e.first).getTime() <= 366 * 86_400_000 && new Date(e.last).getTime() <= now);
    const names = async (tenantId: string) =>
      (
        await rt.database.executeSql('select name from customers where tenant_id = $1 order by phone', [tenantId])
      ).rows.map((r) => r.name);
    assert.deepEqual(await names(other.tenantId), await names(tenant.tenantId), 'deterministic');
  });
});
