import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { shots, useHarness } from './harness';

const h = useHarness();

/** A title the demo seed does not use, so the test finds its own product among the seeded 拿铁. */
const TITLE = '浏览器测试拿铁';

/**
 * A product of its own, made through the admin API (so the test does not lean on the demo seed):
 * 浏览器测试拿铁, 杯型 × 温度 with 大杯/热 not sold (a disabled SKU), 中杯/热 plenty, 中杯/冰 3 left and
 * 大杯/冰 sold out.
 */
async function seedProduct(request: APIRequestContext) {
  const login = await request.post(`${h.url}/api/admin/auth/login`, {
    data: { email: 'owner@demo.siyu.dev', password: 'siyu-demo' },
  });
  assert.equal(login.status(), 200, await login.text());
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const post = async (url: string, data: unknown) => {
    const res = await request.post(`${h.url}/api/admin${url}`, { data, headers });
    assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const category = await post('/catalog/categories', { name: '浏览器测试饮品' });
  const sku = (cup: string, temp: string, price: number, enabled = true) => ({
    spec: { 杯型: cup, 温度: temp },
    price,
    listPrice: cup === '中杯' ? 3200 : null,
    enabled,
  });
  const product = await post('/catalog/products', {
    title: TITLE,
    subtitle: '秋天限定，桂花香气',
    categoryId: category.id,
    status: 'on_sale',
    tags: ['季节限定'],
    description: '<p>精选<strong>桂花</strong>酱</p><script>window.__injected = true</script>',
    specs: [
      { name: '杯型', values: ['中杯', '大杯'] },
      { name: '温度', values: ['热', '冰'] },
    ],
    skus: [sku('中杯', '热', 2800), sku('中杯', '冰', 2800), sku('大杯', '热', 3200, false), sku('大杯', '冰', 3200)],
  });
  const skuId = (cup: string, temp: string) =>
    (product.skus as { id: string; spec: Record<string, string> }[]).find(
      (s) => s.spec.杯型 === cup && s.spec.温度 === temp,
    )!.id;
  const locations = (await (await request.get(`${h.url}/api/admin/catalog/locations`)).json()) as {
    items: { id: string }[];
  };
  const locationId = locations.items[0]!.id;
  await post('/catalog/stock/adjustments', {
    reason: 'purchase',
    lines: [
      { skuId: skuId('中杯', '热'), locationId, delta: 50 },
      { skuId: skuId('中杯', '冰'), locationId, delta: 3 },
    ],
  });
  return product as { id: string };
}

/** Types a word into the search page and waits for the card of the test's product (scrolling if it is further down). */
async function searchFor(page: Page, word: string) {
  const input = page.getByPlaceholder('搜索商品，如 拿铁');
  await input.fill(word);
  await input.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === word);
  const card = page.getByTestId('product-card').filter({ hasText: TITLE });
  for (let i = 0; i < 10 && !(await card.isVisible()); i++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(300);
  }
  await card.waitFor();
  return card;
}

describe('shop catalog in the browser', () => {
  it('a shopper finds 拿铁 by Chinese and by pinyin, opens it and picks a spec', async () => {
    const page = await h.newPage({ mobile: true });
    const product = await seedProduct(page.request);

    await page.goto(`${h.url}/shop/t/demo/`);
    await page.getByTestId('search-entry').click();
    await page.waitForURL(/\/shop\/t\/demo\/search$/);
    await searchFor(page, '拿铁');
    await page.screenshot({ path: path.join(shots, 'shop-search-latte.png') });
    const card = await searchFor(page, 'natie');
    assert.match((await card.textContent()) ?? '', /¥28\.00/);

    await card.click();
    await page.waitForURL(new RegExp(`/products/${product.id}$`));
    await page.getByTestId('product-title').waitFor();
    assert.equal(await page.getByTestId('product-title').textContent(), TITLE);
    assert.equal(await page.evaluate(() => (window as { __injected?: boolean }).__injected ?? false), false);
    assert.equal(await page.getByTestId('rich-text').locator('script').count(), 0);

    const option = (value: string) => page.getByTestId('spec-option').filter({ hasText: value });
    // 大杯 comes only 冰 (sold out) or 热 (not sold): nothing to buy
    assert.equal(await option('大杯').getAttribute('data-state'), 'sold_out');
    await option('中杯').click();
    await option('冰').click();
    await page.getByText('已选 中杯 / 冰 · 仅剩 3 件').waitFor();
    assert.match((await page.getByTestId('price').first().textContent()) ?? '', /28\.00/);
    await option('热').click();
    await page.getByText('已选 中杯 / 热 · 有货').waitFor();
    await page.screenshot({ path: path.join(shots, 'shop-product-detail.png') });
    // a logged-out shopper adds to the guest cart (kept in the browser); buying now asks to log in first
    await page.getByTestId('add-to-cart').click();
    await page.getByText('已加入购物车').waitFor();
    await page.getByTestId('buy-now').click();
    await page.waitForURL(
      (u) => u.pathname.endsWith('/login') && (u.searchParams.get('redirect') ?? '').endsWith(product.id),
    );

    // the 分类 tab lists the new category
    await page.goto(`${h.url}/shop/t/demo/category`);
    await page.getByTestId('category-rail-item').filter({ hasText: '浏览器测试饮品' }).click();
    await page.getByTestId('category-pane').getByText(TITLE).waitFor();
  });
});
