import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { shots, useHarness } from './harness';

const h = useHarness();

/** A title the demo seed does not use, so the test buys its own product among the seeded 拿铁. */
const TITLE = '浏览器下单拿铁';
const PHONE = '13600136000';

/** The test's own product through the admin API: 杯型 中杯 ¥28 / 大杯 ¥32, 20 of each in stock. */
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
  const category = await post('/catalog/categories', { name: '浏览器下单饮品' });
  const product = (await post('/catalog/products', {
    title: TITLE,
    categoryId: category.id,
    status: 'on_sale',
    specs: [{ name: '杯型', values: ['中杯', '大杯'] }],
    skus: [
      { spec: { 杯型: '中杯' }, price: 2800, enabled: true },
      { spec: { 杯型: '大杯' }, price: 3200, enabled: true },
    ],
  })) as { id: string; skus: { id: string }[] };
  const locations = (await (await request.get(`${h.url}/api/admin/catalog/locations`)).json()) as {
    items: { id: string }[];
  };
  await post('/catalog/stock/adjustments', {
    reason: 'purchase',
    lines: product.skus.map((s) => ({ skuId: s.id, locationId: locations.items[0]!.id, delta: 20 })),
  });
  // the admin session must not leak into the shopper's page
  await request.post(`${h.url}/api/admin/auth/logout`, { headers }).catch(() => {});
  return product;
}

/** Logs in on the shop's login page with a code from the SMS sandbox. */
async function smsLogin(page: Page) {
  await page.getByPlaceholder('请输入手机号').fill(PHONE);
  await page.getByTestId('send-code').click();
  await page.getByText('验证码已发送').waitFor();
  const sms = (await (await page.request.get(`${h.url}/api/dev/sms?phone=${PHONE}`)).json()) as {
    items: { code: string }[];
  };
  await page.getByPlaceholder('请输入 6 位验证码').fill(sms.items[0]!.code);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

/** Searches and waits for the card of the test's product (scrolling if it is further down). */
async function searchFor(page: Page, word: string) {
  const input = page.getByPlaceholder('搜索商品，如 拿铁');
  await input.fill(word);
  await input.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === word);
  const card = page.getByTestId('product-card').filter({ hasText: TITLE });
  for (let i = 0; i < 10 && !(await card.isVisible()); i++) {
    const footer = page.locator('.feed-footer');
    if ((await footer.textContent())?.includes('没有更多了')) break;
    const more = page.waitForResponse((r) => r.url().includes('/catalog/search'));
    await footer.scrollIntoViewIfNeeded();
    await more;
  }
  await card.waitFor();
  return card;
}

const apiAnswer = (page: Page, method: string, pathEnd: RegExp) =>
  page.waitForResponse((r) => r.request().method() === method && pathEnd.test(new URL(r.url()).pathname));

describe('shop purchase in the browser', () => {
  it('a guest adds 拿铁 to the cart, logs in at checkout, adds an address and pays in the sandbox', async () => {
    const page = await h.newPage({ mobile: true });
    const product = await seedProduct(page.request);
    const option = (value: string) => page.getByTestId('spec-option').filter({ hasText: value });

    // find the product as a guest and pick a spec: 大杯 × 2 into the guest cart (kept in the browser)
    await page.goto(`${h.url}/shop/t/demo/`);
    await page.getByTestId('search-entry').click();
    await (await searchFor(page, '拿铁')).click();
    await page.waitForURL(new RegExp(`/products/${product.id}$`));
    await option('大杯').click();
    await page.getByText('已选 大杯 · 有货').waitFor();
    await page.getByTestId('buy-quantity').locator('.adm-stepper-plus').click();
    // the stepper re-renders after the click: wait for it rather than reading at once
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('[data-testid="buy-quantity"] input')?.value === '2',
    );
    const quoted = apiAnswer(page, 'POST', /\/cart\/quote$/);
    await page.getByTestId('add-to-cart').click();
    assert.equal((await quoted).status(), 200);
    await page.getByText('已加入购物车').waitFor();
    assert.equal(page.url().includes('/login'), false, 'a guest adds without logging in');

    // the cart tab (badge 2): the guest's item, selected, ¥64.00; 结算 asks to log in, then continues
    await page.goto(`${h.url}/shop/t/demo/cart`);
    await page.locator('[data-testid="cart-badge"][data-count="2"]').waitFor();
    const item = page.getByTestId('cart-item').filter({ hasText: TITLE });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /大杯/);
    await page.getByTestId('cart-guest-hint').waitFor();
    assert.equal(await page.getByTestId('cart-total').textContent(), '¥64.00');
    await page.screenshot({ path: path.join(shots, 'shop-cart.png') });
    await page.getByTestId('cart-checkout').click();
    await page.waitForURL(/\/login\?redirect=/);
    const merged = apiAnswer(page, 'POST', /\/cart\/merge$/);
    await smsLogin(page);
    const mergedRes = await merged;
    assert.equal(mergedRes.status(), 200);
    const report = (await mergedRes.json()) as { lines: { outcome: string; quantity: number }[] };
    assert.deepEqual(
      report.lines.map((l) => [l.outcome, l.quantity]),
      [['merged', 2]],
      'the guest cart joined the new customer cart',
    );
    await page.waitForURL(/\/checkout$/);

    // a new shopper has no address: add one from the checkout and come back to it
    await page.getByTestId('checkout-address').click();
    await page.waitForURL(/\/me\/addresses\/new\?pick=1$/);
    await page.getByLabel('收货人').fill('林小拾');
    await page.getByLabel('手机号').fill(PHONE);
    await page.getByLabel('省份').fill('上海市');
    await page.getByLabel('城市').fill('上海市');
    await page.getByLabel('区/县').fill('静安区');
    await page.getByLabel('详细地址').fill('南京西路 1618 号 2 楼');
    const saved = apiAnswer(page, 'POST', /\/addresses$/);
    await page.getByTestId('address-save').click();
    assert.equal((await saved).status(), 201);
    await page.waitForURL(/\/checkout$/);
    await page.getByTestId('checkout-address').getByText('林小拾').waitFor();
    // ¥64.00 of items, ¥10.00 shipping (free from ¥99 in the demo's rules)
    await page.getByTestId('breakdown').getByText('¥64.00').waitFor();
    assert.equal(await page.getByTestId('breakdown-total').textContent(), '¥74.00');
    await page.getByPlaceholder('选填，如口味、送达时间等').fill('少冰');
    await page.screenshot({ path: path.join(shots, 'shop-checkout.png') });

    // submit: the order is placed, then the sandbox cashier (沙箱支付) opens
    const placed = apiAnswer(page, 'POST', /\/shop\/t\/demo\/orders$/);
    await page.getByTestId('submit-order').click();
    const placedRes = await placed;
    assert.equal(placedRes.status(), 201, await placedRes.text());
    const order = (await placedRes.json()) as { id: string; total: number; status: string };
    assert.equal(order.total, 7400);
    assert.equal(order.status, 'pending_payment');
    await page.waitForURL(/\/sandbox\/wechatpay\/cashier\?/);
    await page.getByText('沙箱支付').waitFor();
    await page.getByText('¥74.00').waitFor();
    await page.screenshot({ path: path.join(shots, 'shop-sandbox-cashier.png') });
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.getByText('支付成功').waitFor();

    // back in the shop: the cashier returns to the order page, which shows it paid, 待发货
    await page.getByTestId('sandbox-return').click();
    await page.waitForURL(new RegExp(`/orders/${order.id}`));
    await page.locator('[data-testid="order-detail"][data-status="paid"]').waitFor();
    assert.equal(await page.getByTestId('order-detail').getByTestId('order-status').textContent(), '待发货');
    await page.getByTestId('order-timeline').getByText('支付成功').waitFor();
    await page.screenshot({ path: path.join(shots, 'shop-order-paid.png') });

    // 我的 (待发货 shows 1) → 我的订单 → 待发货 lists it; the cart no longer holds what was bought
    await page.goto(`${h.url}/shop/t/demo/me`);
    await page.locator('[data-testid="me-orders-paid"][data-count="1"]').waitFor();
    await page.getByTestId('me-orders').click();
    await page.waitForURL(/\/orders$/);
    await page.locator('.adm-tabs-tab').filter({ hasText: '待发货' }).click();
    const card = page.locator(`[data-testid="order-card"][data-order="${order.id}"]`);
    await card.waitFor();
    assert.equal(await card.getByTestId('order-status').textContent(), '待发货');
    assert.match((await card.textContent()) ?? '', /¥74\.00/);
    await page.screenshot({ path: path.join(shots, 'shop-my-orders.png') });
    await page.goto(`${h.url}/shop/t/demo/cart`);
    await page.getByText('购物车还是空的').waitFor();
  });
});
