import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inTransaction, readCacheStats } from '../platform';
import { createTestTenant, testRuntime } from '../testing';
import { shopTenant, updateSettings } from './tenants.service';

const { rt } = await testRuntime();

describe('shop tenant lookup', () => {
  it('is remembered per slug and follows a settings change', async () => {
    for (let i = 0; i < 100 && !readCacheStats().enabled; i++) await new Promise((r) => setTimeout(r, 20));
    const t = await createTestTenant(rt);
    const pub = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'public' } });
    const first = await shopTenant(pub, t.slug);
    assert.equal(first.id, t.tenantId);
    assert.equal(await shopTenant(pub, t.slug), first, 'a second request reads no database');
    await inTransaction(t.ctx, (tx) => updateSettings(tx, { brandName: '新品牌' }));
    assert.equal((await shopTenant(pub, t.slug)).brandName, '新品牌');
    await assert.rejects(shopTenant(pub, 'no-such-shop'), /not found/i);
  });
});
