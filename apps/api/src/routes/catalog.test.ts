import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawSampleImage } from '@siyu/core/catalog';
import { type Agent, loginAs, ownerOfNewTenant } from '../testing';
import { expectError, expectInvalid, ok } from './tags.fixtures';

const CATS = '/api/admin/catalog/categories';
const PRODUCTS = '/api/admin/catalog/products';
const STOCK = '/api/admin/catalog/stock';
const IMAGES = '/api/admin/catalog/images';
const SPECS = [
  { name: '杯型', values: ['中杯', '大杯'] },
  { name: '温度', values: ['冰', '热'] },
];
const matrix = (price = 2000) =>
  ['中杯', '大杯'].flatMap((size, i) =>
    ['冰', '热'].map((temp) => ({ spec: { 杯型: size, 温度: temp }, price: price + i * 300 })),
  );

const PNG = await drawSampleImage(640, 480, ['#f3e5d0', '#8b5a2b'], 'png');

async function catalogTenant() {
  const o = await ownerOfNewTenant();
  const a = o.agent;
  const coffee = ok(await a.post(CATS, { name: '咖啡' }), 201);
  const store = ok(await a.post('/api/admin/org-units', { kind: 'store', name: '国贸店' }), 201);
  return { ...o, a, coffee, store };
}

async function staffWithRole(o: Awaited<ReturnType<typeof catalogTenant>>, roleKey: string, orgUnitIds: string[] = []) {
  const roles = ok(await o.a.get('/api/admin/roles')).items;
  const role = roles.find((r: { key: string }) => r.key === roleKey);
  const email = `${roleKey}-${o.tenant.slug}@x.test`;
  ok(
    await o.a.post('/api/admin/staff', {
      name: roleKey,
      email,
      roleIds: [role.id],
      orgUnitIds,
      mode: 'password',
      password: 'role-pass-123',
    }),
    201,
  );
  return loginAs(o.app, email, 'role-pass-123');
}

/** Sends an image as the raw body, with the session cookie and CSRF token of the agent. */
async function upload(a: Agent, body: Buffer, type = 'application/octet-stream') {
  const r = await a.app.inject({
    method: 'POST',
    url: IMAGES,
    remoteAddress: a.ip,
    payload: body,
    headers: {
      'content-type': type,
      cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': a.csrf ?? '',
    },
  });
  return Object.assign(r, { data: JSON.parse(r.body) });
}

describe('admin catalog API', () => {
  it('manages the category tree: unique sibling names, no cycles, 409 when it has children or products', async () => {
    const { a, coffee } = await catalogTenant();
    const beans = ok(await a.post(CATS, { name: '咖啡豆', parentId: coffee.id, sort: 2 }), 201);
    assert.deepEqual([beans.parentId, beans.depth, beans.sort], [coffee.id, 2, 2]);
    expectError(await a.post(CATS, { name: '咖啡豆', parentId: coffee.id }), 409, 'CATEGORY_NAME_TAKEN');
    ok(await a.post(CATS, { name: '咖啡豆' }), 201); // another parent: fine
    expectInvalid(await a.post(CATS, { name: '' }), 'name');
    expectInvalid(await a.post(CATS, { name: 'x', parentId: 'cat_0000000000aaaaaaaaaaaaaaaa' }), 'parentId');
    expectInvalid(await a.patch(`${CATS}/${coffee.id}`, { parentId: beans.id }), 'parentId');
    const third = ok(await a.post(CATS, { name: '单品', parentId: beans.id }), 201);
    expectInvalid(await a.post(CATS, { name: '太深', parentId: third.id }), 'parentId');
    expectError(await a.delete(`${CATS}/${coffee.id}`), 409, 'CATEGORY_HAS_CHILDREN');
    ok(await a.post(PRODUCTS, { title: '耶加雪菲', categoryId: third.id, skus: [{ price: 8800 }] }), 201);
    const res = await a.delete(`${CATS}/${third.id}`);
    expectError(res, 409, 'CATEGORY_HAS_PRODUCTS');
    assert.equal(res.data.error.details.count, 1);
    const list = ok(await a.get(CATS)).items;
    assert.deepEqual(
      list.map((c: { name: string; depth: number; productCount: number }) => [c.name, c.depth, c.productCount]),
      [
        ['咖啡', 1, 0],
        ['咖啡豆', 2, 0],
        ['单品', 3, 1],
        ['咖啡豆', 1, 0],
      ],
    );
    const renamed = ok(await a.patch(`${CATS}/${beans.id}`, { name: '精品豆' }));
    assert.equal(renamed.name, '精品豆');
    const found = ok(await a.get(`${PRODUCTS}?q=${encodeURIComponent('精品')}`)).items;
    assert.deepEqual(
      found.map((p: { title: string }) => p.title),
      ['耶加雪菲'],
      'category names are searchable',
    );
  });

  it('creates and edits products with the SKU matrix; validation names the field; delete needs off sale', async () => {
    const { a, coffee } = await catalogTenant();
    const created = await a.post(PRODUCTS, {
      title: '拿铁',
      subtitle: '经典',
      categoryId: coffee.id,
      tags: ['热销', '热销'],
      description: '<p>香<script>x</script></p>',
      specs: SPECS,
      skus: matrix(),
      status: 'on_sale',
    });
    const p = ok(created, 201);
    assert.deepEqual(
      [p.tags, p.description, p.skus.length, p.priceMin, p.priceMax],
      [['热销'], '<p>香</p>', 4, 2000, 2300],
    );
    expectInvalid(
      await a.post(PRODUCTS, { title: 'x', categoryId: coffee.id, specs: SPECS, skus: matrix().slice(1) }),
      'skus',
    );
    expectInvalid(await a.post(PRODUCTS, { title: 'x', categoryId: coffee.id, skus: [{ price: -1 }] }), 'price');
    expectInvalid(await a.post(PRODUCTS, { title: 'x', categoryId: coffee.id, skus: [] }), 'skus');
    expectInvalid(
      await a.post(PRODUCTS, { title: 'x', categoryId: 'cat_0000000000aaaaaaaaaaaaaaaa', skus: [{ price: 1 }] }),
      'categoryId',
    );
    expectInvalid(
      await a.post(PRODUCTS, {
        title: 'x',
        categoryId: coffee.id,
        imageIds: ['img_0000000000aaaaaaaaaaaaaaaa'],
        skus: [{ price: 1 }],
      }),
      'imageIds.0',
    );
    expectInvalid(
      await a.post(PRODUCTS, {
        title: 'x',
        categoryId: coffee.id,
        status: 'on_sale',
        skus: [{ price: 1, enabled: false }],
      }),
      'status',
    );
    const cheaper = matrix(1500);
    const edited = ok(await a.patch(`${PRODUCTS}/${p.id}`, { skus: cheaper, title: '燕麦拿铁' }));
    assert.deepEqual(
      edited.skus.map((s: { id: string }) => s.id),
      p.skus.map((s: { id: string }) => s.id),
      'same combinations keep their SKU ids',
    );
    assert.deepEqual([edited.title, edited.priceMin, edited.subtitle], ['燕麦拿铁', 1500, '经典']);
    expectError(await a.delete(`${PRODUCTS}/${p.id}`), 409, 'PRODUCT_ON_SALE');
    const bulk = ok(
      await a.post(`${PRODUCTS}/bulk-status`, { ids: [p.id, 'prd_0000000000aaaaaaaaaaaaaaaa'], status: 'off_sale' }),
    );
    assert.deepEqual([bulk.updated, bulk.skipped.map((s: { code: string }) => s.code)], [1, ['NOT_FOUND']]);
    ok(await a.delete(`${PRODUCTS}/${p.id}`));
    expectError(await a.get(`${PRODUCTS}/${p.id}`), 404, 'NOT_FOUND');
  });

  it('uploads images checked by their bytes, serves them publicly, and uses them on products', async () => {
    const { a, coffee, app, tenant } = await catalogTenant();
    const img = await upload(a, PNG, 'image/jpeg'); // the declared type does not matter
    assert.equal(img.statusCode, 201, img.body);
    assert.deepEqual([img.data.contentType, img.data.bytes], ['image/png', PNG.length]);
    assert.equal(img.data.url, `/api/shop/t/${tenant.slug}/catalog/images/${img.data.id}`);
    const bad = await upload(a, Buffer.from('<svg onload="alert(1)"></svg>'), 'image/svg+xml');
    assert.deepEqual([bad.statusCode, bad.data.error.code], [400, 'IMAGE_TYPE']);
    const big = await upload(a, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    assert.ok([400, 413].includes(big.statusCode), big.body);
    const served = await app.inject({ method: 'GET', url: img.data.url });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.ok(served.rawPayload.equals(PNG));
    assert.equal(img.data.srcset, `${img.data.url}?w=240 240w, ${img.data.url}?w=480 480w`);
    const thumb = await app.inject({ method: 'GET', url: img.data.thumbUrl });
    assert.deepEqual([thumb.statusCode, thumb.headers['content-type']], [200, 'image/webp']);
    assert.equal(thumb.rawPayload.toString('latin1', 8, 12), 'WEBP');
    assert.ok(thumb.rawPayload.length < PNG.length);
    const badWidth = await app.inject({ method: 'GET', url: `${img.data.url}?w=100` });
    assert.equal(badWidth.statusCode, 400);
    const damaged = await upload(a, PNG.subarray(0, 100));
    assert.deepEqual([damaged.statusCode, damaged.data.error.code], [400, 'IMAGE_TYPE']);
    const p = ok(
      await a.post(PRODUCTS, { title: '摩卡', categoryId: coffee.id, imageIds: [img.data.id], skus: [{ price: 1 }] }),
      201,
    );
    const { id, url, thumbUrl, mediumUrl, srcset } = img.data;
    assert.deepEqual(p.cover, { id, url, thumbUrl, mediumUrl, srcset });
    const cat = ok(await a.patch(`${CATS}/${coffee.id}`, { iconImageId: img.data.id }));
    assert.equal(cat.icon.id, img.data.id);
  });

  it('adjusts stock with reasons, lists movements and low stock; 409 below zero; 400 for a non-stock unit', async () => {
    const { a, coffee, store } = await catalogTenant();
    const dept = ok(await a.post('/api/admin/org-units', { kind: 'department', name: '市场部' }), 201);
    const p = ok(
      await a.post(PRODUCTS, { title: '美式', categoryId: coffee.id, skus: [{ price: 1500 }], lowStockThreshold: 3 }),
      201,
    );
    const sku = p.skus[0].id;
    const adj = (reason: string, delta: number, locationId = store.id) =>
      a.post(`${STOCK}/adjustments`, { reason, reference: 'PO-9', lines: [{ skuId: sku, locationId, delta }] });
    const levels = ok(await adj('purchase', 5)).items;
    assert.deepEqual([levels[0].onHand, levels[0].locationName], [5, '国贸店']);
    expectError(await adj('damage', -6), 409, 'STOCK_SHORT');
    expectInvalid(await adj('damage', 2), 'lines.0.delta');
    expectInvalid(await adj('purchase', 0), 'delta');
    expectInvalid(await adj('purchase', 1, dept.id), 'lines.0.locationId');
    expectInvalid(
      await a.post(`${STOCK}/adjustments`, {
        reason: 'order_ship',
        lines: [{ skuId: sku, locationId: store.id, delta: 1 }],
      }),
      'reason',
    );
    ok(await adj('damage', -3));
    const low = ok(await a.get(`${STOCK}/low`)).items;
    assert.deepEqual(
      low.map((l: { skuId: string; available: number }) => [l.skuId, l.available]),
      [[sku, 2]],
    );
    const moves = ok(await a.get(`${STOCK}/movements?skuId=${sku}`)).items;
    assert.deepEqual(
      new Set(moves.map((m: { reason: string; delta: number }) => `${m.reason}${m.delta}`)),
      new Set(['purchase5', 'damage-3']),
    );
    const locations = ok(await a.get('/api/admin/catalog/locations')).items;
    assert.deepEqual(
      locations.map((l: { name: string }) => l.name),
      ['国贸店'],
    );
    const lowOnly = ok(await a.get(`${PRODUCTS}?lowStock=true`)).items;
    assert.deepEqual(
      lowOnly.map((x: { id: string; lowStock: boolean }) => [x.id, x.lowStock]),
      [[p.id, true]],
    );
  });

  it('checks permissions: the analyst views but cannot change; the operator manages but cannot adjust stock', async () => {
    const o = await catalogTenant();
    const p = ok(await o.a.post(PRODUCTS, { title: '美式', categoryId: o.coffee.id, skus: [{ price: 1500 }] }), 201);
    const analyst = await staffWithRole(o, 'analyst');
    ok(await analyst.get(PRODUCTS));
    ok(await analyst.get(`${PRODUCTS}/${p.id}`));
    expectError(await analyst.post(CATS, { name: '新' }), 403, 'FORBIDDEN');
    expectError(await analyst.patch(`${PRODUCTS}/${p.id}`, { title: 'x' }), 403, 'FORBIDDEN');
    const operator = await staffWithRole(o, 'operator');
    ok(await operator.patch(`${PRODUCTS}/${p.id}`, { title: '冰美式' }));
    const adjust = { reason: 'purchase', lines: [{ skuId: p.skus[0].id, locationId: o.store.id, delta: 1 }] };
    expectError(await operator.post(`${STOCK}/adjustments`, adjust), 403, 'FORBIDDEN');
    ok(await o.a.post(`${STOCK}/adjustments`, adjust));
    const sales = await staffWithRole(o, 'sales');
    expectError(await sales.get(PRODUCTS), 403, 'FORBIDDEN');
  });
});
