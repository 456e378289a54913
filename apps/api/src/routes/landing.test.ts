/**
 * 落地页 end to end: pages over live codes made in the WeCom sandbox; the nearest of three Shanghai
 * stores to a position; an unknown (denied) position shows the default code; visits once per
 * visitor and day, counted as scans of the code; conversions from a sandbox customer's add; tenant
 * isolation and bad input naming the field.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { LANDING_LIMITS } from '@siyu/contracts';
import { DAY } from '@siyu/core/platform';
import { TEST_PASSWORD } from '@siyu/core/testing';
import { DEMO_STORES } from '../demo/seed';
import { seedDemoLandingPages } from '../demo/seed-landing';
import { type DemoWecom, demoWecomOf } from '../demo/wecom-sandbox';
import { Agent, ownerOfNewTenant, testApp } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';

let baseUrl = '';
let demo: DemoWecom;
const LP = '/api/admin/landing-pages';

before(async () => {
  const { app } = await testApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  demo = demoWecomOf(app)!;
});
after(async () => (await testApp()).app.close());

const STORE_STAFF = ['wangyutong', 'liuhaoran', 'zhangzixuan'];

/** A tenant on the sandbox corp: the three demo stores with positions, a code per store, a campaign code. */
async function landingTenant() {
  const o = await ownerOfNewTenant();
  await demo.configureTenant(o.tenant.tenantId, baseUrl);
  const roles = ok(await o.agent.get('/api/admin/roles')).items as { id: string; key: string }[];
  const domain = `l${randomBytes(4).toString('hex')}.test`;
  const storeCodes: Record<string, string> = {};
  for (const [i, s] of DEMO_STORES.entries()) {
    const { name, latitude, longitude, address } = s;
    const unit = ok(
      await o.agent.post('/api/admin/org-units', { kind: 'store', name, address, latitude, longitude }),
      201,
    );
    const staff = ok(
      await o.agent.post('/api/admin/staff', {
        name: `员工${i}`,
        email: `${STORE_STAFF[i]}@${domain}`,
        roleIds: [roles.find((r) => r.key === 'sales')!.id],
        orgUnitIds: [unit.id],
        mode: 'password',
        password: TEST_PASSWORD,
      }),
      201,
    );
    const code = ok(
      await o.agent.post('/api/admin/live-codes', {
        name: `${name}活码`,
        orgUnitId: unit.id,
        members: [{ staffId: staff.staff.id }],
      }),
      201,
    );
    storeCodes[name] = code.id;
  }
  const campaign = ok(
    await o.agent.post('/api/admin/live-codes', {
      name: '双十二活码',
      members: [
        {
          staffId: ok(await o.agent.get('/api/admin/staff')).items.find((s: { email: string }) =>
            s.email.startsWith('wangyutong'),
          )!.id,
        },
      ],
    }),
    201,
  );
  return { ...o, storeCodes, campaignCode: campaign.id as string, shop: `/api/shop/t/${o.tenant.slug}/landing` };
}

const visitor = () => randomBytes(12).toString('hex');
const pageInput = (codeId: string, slug = `p-${randomBytes(3).toString('hex')}`) => ({
  slug,
  kind: 'code',
  title: '扫码领券',
  benefitText: '扫码领 ¥10 券',
  imageUrl: 'https://img.example.com/banner.jpg',
  buttonText: '长按识别',
  helpText: '添加店长微信，券自动发放',
  codeId,
});

describe('landing pages', () => {
  it('creates, lists, changes and deletes a page; the public page shows the code; offline is 404', async () => {
    const o = await landingTenant();
    const page = ok(await o.agent.post(LP, pageInput(o.campaignCode, 'coupon-10')), 201);
    assert.equal(page.url, `${o.rt.config.publicUrl}/shop/t/${o.tenant.slug}/l/coupon-10`);
    assert.equal(page.code.name, '双十二活码');
    assert.ok(page.code.qrCodeUrl, 'the WeCom qr_code of the code');
    assert.deepEqual(page.totals, { visits: 0, visitsToday: 0 });
    expectError(await o.agent.post(LP, pageInput(o.campaignCode, 'coupon-10')), 409, 'SLUG_TAKEN');
    assert.equal(ok(await o.agent.get(`${LP}?q=coupon`)).items.length, 1);

    const pub = ok(await new Agent(o.app).get(`${o.shop}/coupon-10`));
    assert.deepEqual(
      [pub.title, pub.benefitText, pub.kind, pub.code.id, pub.code.qrCodeUrl],
      ['扫码领券', '扫码领 ¥10 券', 'code', o.campaignCode, page.code.qrCodeUrl],
    );
    const changed = ok(await o.agent.patch(`${LP}/${page.id}`, { title: '扫码领 ¥20 券', status: 'offline' }));
    assert.deepEqual([changed.title, changed.status, changed.slug], ['扫码领 ¥20 券', 'offline', 'coupon-10']);
    expectError(await new Agent(o.app).get(`${o.shop}/coupon-10`), 404, 'NOT_FOUND');

    const qr = await o.agent.get(`${LP}/${page.id}/qr`);
    assert.equal(qr.statusCode, 200);
    assert.match(String(qr.headers['content-type']), /^image\/svg\+xml/);
    assert.match(qr.body, /^<svg/);

    ok(await o.agent.delete(`${LP}/${page.id}`));
    expectError(await o.agent.get(`${LP}/${page.id}`), 404, 'NOT_FOUND');
  });

  it('shows the nearest store’s code to a position, the default code without one, and skips stores without a position', async () => {
    const o = await landingTenant();
    const codes = Object.values(o.storeCodes);
    const page = ok(
      await o.agent.post(LP, { ...pageInput(o.campaignCode), kind: 'nearest_store', storeCodeIds: codes }),
      201,
    );
    assert.deepEqual(
      page.storeCodes.map((c: { storeName: string; located: boolean }) => [c.storeName, c.located]),
      DEMO_STORES.map((s) => [s.name, true]),
    );
    const at = (lat: number, lng: number) =>
      new Agent(o.app).get(`${o.shop}/${page.slug}/nearest?lat=${lat}&lng=${lng}`);
    // The Bund, across the river from Lujiazui (~1.2 km); Xuhui riverside; Jing'an temple.
    const bund = ok(await at(31.24, 121.49));
    assert.equal(bund.located, true);
    assert.equal(bund.code.id, o.storeCodes.陆家嘴店);
    assert.equal(bund.code.store.name, '陆家嘴店');
    assert.ok(
      bund.code.store.distanceMeters > 1_000 && bund.code.store.distanceMeters < 1_400,
      bund.code.store.distanceMeters,
    );
    assert.ok(bund.code.qrCodeUrl);
    assert.equal(ok(await at(31.18, 121.455)).code.id, o.storeCodes.徐汇滨江店);
    const jingan = ok(await at(31.224, 121.444)).code.store;
    assert.ok(jingan.name === '静安寺店' && jingan.distanceMeters < 100, JSON.stringify(jingan));
    // Denied or unknown position: the page's own answer carries the default code.
    const pub = ok(await new Agent(o.app).get(`${o.shop}/${page.slug}`));
    assert.deepEqual([pub.kind, pub.code.id], ['nearest_store', o.campaignCode]);
    // Stores lose their positions: the default code, not located.
    const units = ok(await o.agent.get('/api/admin/org-units')).items as { id: string; kind: string }[];
    for (const u of units.filter((x) => x.kind === 'store'))
      ok(await o.agent.patch(`/api/admin/org-units/${u.id}`, { latitude: null, longitude: null }));
    o.clock.advance(LANDING_LIMITS.publicCacheMs); // the public pages read codes and stores through a cache
    const nowhere = ok(await at(31.24, 121.49));
    assert.deepEqual([nowhere.located, nowhere.code.id, nowhere.code.store], [false, o.campaignCode, null]);
  });

  it('records a visit once per visitor and day, counts it as a scan of the code, and stats show conversions', async () => {
    const o = await landingTenant();
    const page = ok(await o.agent.post(LP, pageInput(o.campaignCode)), 201);
    const url = `${o.shop}/${page.slug}/visits`;
    const v1 = visitor();
    const browser = new Agent(o.app);
    const first = ok(await browser.post(url, { visitorId: v1, codeId: o.campaignCode }));
    assert.equal(first.recorded, true);
    assert.equal(ok(await browser.post(url, { visitorId: v1, codeId: o.campaignCode })).recorded, false);
    assert.equal(ok(await browser.post(url, { visitorId: visitor(), codeId: o.campaignCode })).recorded, true);
    expectInvalid(await browser.post(url, { visitorId: visitor(), codeId: o.storeCodes.静安寺店 }), 'codeId');
    expectInvalid(await browser.post(url, { visitorId: 'short', codeId: o.campaignCode }), 'visitorId');

    // A customer scans the code in the sandbox and adds: one conversion today (two visitors, one add).
    const code = ok(await o.agent.get(`/api/admin/live-codes/${o.campaignCode}`));
    const s = await demo.sandbox.simulate.scan(demo.corpId, code.configId, { name: '落地页访客' });
    assert.equal(s.delivery?.outcome, 'delivered', JSON.stringify(s.delivery));
    await o.rt.drain({ tenantId: o.tenant.tenantId });

    const stats = ok(await o.agent.get(`${LP}/${page.id}/stats`));
    const today = stats.days.at(-1);
    assert.equal(today.date, first.day);
    assert.deepEqual([today.visits, today.adds, today.conversions], [2, 1, 1]);
    assert.deepEqual([stats.totals.visits, stats.totals.uniqueVisitors, stats.totals.conversions], [2, 2, 1]);
    assert.deepEqual(
      stats.codes.map((c: { codeId: string; visits: number }) => [c.codeId, c.visits]),
      [[o.campaignCode, 2]],
    );
    const lcStats = ok(await o.agent.get(`/api/admin/live-codes/${o.campaignCode}/stats`));
    assert.equal(lcStats.totals.scans, 2, 'the live code counts the page’s visitors as scans');
    assert.deepEqual(ok(await o.agent.get(`${LP}/${page.id}`)).totals, { visits: 2, visitsToday: 2 });

    // The next day the same visitor is a new visit; over both days one unique visitor more.
    o.clock.advance(DAY);
    assert.equal(ok(await browser.post(url, { visitorId: v1, codeId: o.campaignCode })).recorded, true);
    const two = ok(await o.agent.get(`${LP}/${page.id}/stats`));
    assert.deepEqual([two.totals.visits, two.totals.uniqueVisitors], [3, 2]);
    expectInvalid(await o.agent.get(`${LP}/${page.id}/stats?from=2026-01-01&to=2026-12-31`), 'from');
  });

  it('refuses bad input naming the field', async () => {
    const o = await landingTenant();
    const bad = async (body: object, field: string) => expectInvalid(await o.agent.post(LP, body), field);
    await bad({ ...pageInput(o.campaignCode), kind: 'nearest_store' }, 'storeCodeIds');
    await bad({ ...pageInput(o.campaignCode), storeCodeIds: [o.storeCodes.静安寺店] }, 'storeCodeIds');
    await bad({ ...pageInput('lc_0000000000aaaaaaaaaaaaaaaa') }, 'codeId');
    await bad(
      { ...pageInput(o.campaignCode), kind: 'nearest_store', storeCodeIds: [o.campaignCode] },
      'storeCodeIds.0',
    );
    await bad({ ...pageInput(o.campaignCode), slug: 'Bad Slug' }, 'slug');
    await bad({ ...pageInput(o.campaignCode), imageUrl: 'javascript:alert(1)' }, 'imageUrl');
    await bad({ ...pageInput(o.campaignCode), benefitText: '' }, 'benefitText');
    const page = ok(await o.agent.post(LP, pageInput(o.campaignCode)), 201);
    expectInvalid(await o.agent.patch(`${LP}/${page.id}`, { kind: 'nearest_store' }), 'storeCodeIds');
    const nearest = (q: string) => new Agent(o.app).get(`${o.shop}/${page.slug}/nearest?${q}`);
    expectInvalid(await nearest('lat=91&lng=121'), 'lat');
    expectInvalid(await nearest('lat=31&lng=abc'), 'lng');
    expectInvalid(await nearest('lat=31'), 'lng');
  });

  it('keeps tenants apart: another tenant’s ids and slugs are 404', async () => {
    const a = await landingTenant();
    const b = await ownerOfNewTenant();
    const page = ok(await a.agent.post(LP, pageInput(a.campaignCode, 'only-a')), 201);
    for (const path of ['', '/stats', '/qr'])
      expectError(await b.agent.get(`${LP}/${page.id}${path}`), 404, 'NOT_FOUND');
    expectError(await b.agent.patch(`${LP}/${page.id}`, { title: 'x' }), 404, 'NOT_FOUND');
    expectError(await b.agent.delete(`${LP}/${page.id}`), 404, 'NOT_FOUND');
    assert.equal(ok(await b.agent.get(LP)).items.length, 0);
    const other = `/api/shop/t/${b.tenant.slug}/landing/only-a`;
    expectError(await new Agent(b.app).get(other), 404, 'NOT_FOUND');
    expectError(
      await new Agent(b.app).post(`${other}/visits`, { visitorId: visitor(), codeId: a.campaignCode }),
      404,
      'NOT_FOUND',
    );
    // B cannot point its page at A's code.
    expectInvalid(await b.agent.post(LP, pageInput(a.campaignCode)), 'codeId');
    ok(await a.agent.get(`${LP}/${page.id}`));
  });

  it('seeds the demo pages once the live codes exist (nearest store over the store codes, a coupon page)', async () => {
    const o = await landingTenant();
    assert.equal(await seedDemoLandingPages(o.rt, o.tenant.slug), true);
    assert.equal(await seedDemoLandingPages(o.rt, o.tenant.slug), true);
    const pages = ok(await o.agent.get(LP)).items as { slug: string; kind: string; storeCodeIds: string[] }[];
    assert.deepEqual(pages.map((p) => [p.slug, p.kind]).sort(), [
      ['coupon-10', 'code'],
      ['nearest-store', 'nearest_store'],
    ]);
    assert.equal(pages.find((p) => p.kind === 'nearest_store')!.storeCodeIds.length, 3);
    const bare = await ownerOfNewTenant();
    assert.equal(await seedDemoLandingPages(bare.rt, bare.tenant.slug), false, 'waits for live codes');
  });
});
