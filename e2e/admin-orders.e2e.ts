import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type APIRequestContext, request } from 'playwright-core';
import { shots, useHarness } from './harness';

const h = useHarness();

/** 3850 → "¥38.50" (the admin shows the totals with shipping, so the test reads them from the API). */
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const SLUG = 'demo';
const TITLE = '浏览器测试订单拿铁';

// biome-ignore lint/suspicious/noExplicitAny: answers of several routes, read field by field in the test
async function json(res: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<any> {
  assert.equal(res.status(), status, `${res.url()}: ${await res.text()}`);
  return res.json();
}

/** The owner through the admin API: a product of its own (¥28, 20 in stock at the first location). */
async function seedProduct(api: APIRequestContext) {
  const { csrfToken } = await json(
    await api.post('/api/admin/auth/login', { data: { email: 'owner@demo.siyu.dev', password: 'siyu-demo' } }),
  );
  const headers = { 'x-csrf-token': csrfToken };
  const post = async (url: string, data: unknown) => {
    const res = await api.post(`/api/admin${url}`, { data, headers });
    assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const category = await post('/catalog/categories', { name: '浏览器测试订单' });
  const product = await post('/catalog/products', {
    title: TITLE,
    categoryId: category.id,
    status: 'on_sale',
    specs: [],
    skus: [{ spec: {}, price: 2800, enabled: true }],
  });
  const skuId = product.skus[0].id as string;
  const locations = await json(await api.get('/api/admin/catalog/locations'));
  await post('/catalog/stock/adjustments', {
    reason: 'purchase',
    lines: [{ skuId, locationId: locations.items[0].id, delta: 20 }],
  });
  return { skuId, headers };
}

/** A shopper logged in with an SMS code, with a default address. */
async function shopper(api: APIRequestContext) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const base = `/api/shop/t/${SLUG}`;
  await json(await api.post(`${base}/auth/sms-code`, { data: { phone } }));
  const sms = await json(await api.get(`/api/dev/sms?phone=${phone}`));
  const { csrfToken } = await json(
    await api.post(`${base}/auth/sms-login`, { data: { phone, code: sms.items[0].code } }),
  );
  const headers = { 'x-csrf-token': csrfToken };
  const post = async (url: string, data: unknown, status = 200) =>
    json(await api.post(`${base}${url}`, { data, headers }), status);
  await post(
    '/addresses',
    { name: '测试买家', phone, province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' },
    201,
  );
  return { post, base };
}

describe('orders in the admin console', () => {
  it('an owner finds a placed order, adjusts its price, remarks and cancels it, and ships and delivers a paid one', async () => {
    const api = await request.newContext({ baseURL: h.url });
    const buyer = await request.newContext({ baseURL: h.url });
    const { skuId, headers } = await seedProduct(api);
    const s = await shopper(buyer);
    const place = (quantity: number) =>
      s.post(
        '/orders',
        { buyNow: { skuId, quantity }, delivery: 'express', clientKey: `e2e-${Date.now()}-${quantity}` },
        201,
      );
    const unpaid = await place(1);
    const paid = await place(2);
    // Paid through the WeChat Pay sandbox of the demo mode: the cashier's confirm sends the notification.
    const pay = await s.post(`/orders/${paid.id}/pay`, { channel: 'wechat_h5' });
    const prepayId = new URL(pay.action.url).searchParams.get('prepay_id');
    await json(await buyer.post(`/sandbox/wechatpay/cashier/confirm?prepay_id=${prepayId}`));
    assert.equal((await json(await buyer.get(`${s.base}/orders/${paid.id}`))).status, 'paid');

    const page = await h.newPage();
    await page.goto(`${h.url}/admin/login`);
    await page.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await page.getByLabel('密码').fill('siyu-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: /(^|\s)订单$/ }).click();

    // The list: the unpaid order under 待付款, amounts in yuan.
    await page.getByRole('tab', { name: '待付款' }).click();
    await page.waitForURL(/status=pending_payment/);
    const row = page.getByRole('row', { name: new RegExp(unpaid.id) });
    await row.getByText(yuan(unpaid.total)).waitFor();
    await row.getByText(TITLE).waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-orders-list.png') });
    await row.getByText(TITLE).click();
    await page.waitForURL(new RegExp(`/admin/orders/${unpaid.id}$`));
    await page.getByTestId('order-status').getByText('待付款').waitFor();

    // Lower the price by ¥1.50 with a reason, confirmed.
    await page.getByRole('button', { name: /^改\s*价$/ }).click();
    await page.getByLabel('调整金额（元）').fill('1.5');
    await page.getByLabel('原因').fill('老客优惠');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page
      .locator('.ant-modal-confirm-title', {
        hasText: `确认把订单 ${unpaid.id} 的应付金额改为 ${yuan(unpaid.total - 150)}？`,
      })
      .waitFor();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('价格已调整').waitFor();
    await page
      .getByTestId('order-price')
      .getByText(yuan(unpaid.total - 150), { exact: true })
      .waitFor();

    await page.getByLabel('内部备注').fill('顾客来电要求周末送达');
    await page.getByRole('button', { name: '添加备注' }).click();
    await page.getByTestId('order-remarks').getByText('顾客来电要求周末送达').waitFor();

    await page.getByRole('button', { name: '修改地址' }).click();
    await page.getByLabel('详细地址').fill('文三路 99 号');
    await page.getByLabel('原因').fill('顾客来电改地址');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('地址已修改').waitFor();
    await page.getByText('浙江省 杭州市 西湖区 文三路 99 号').waitFor();

    await page.getByRole('button', { name: '取消订单' }).click();
    await page.getByLabel('原因').fill('顾客不要了');
    await page.getByRole('dialog').getByRole('button', { name: '取消订单' }).click();
    await page.getByText('订单已取消').waitFor();
    await page.getByTestId('order-status').getByText('已取消').waitFor();
    await page.getByTestId('order-history').getByText('顾客不要了').waitFor();
    assert.equal(await page.getByRole('button', { name: '取消订单' }).count(), 0);
    await page.screenshot({ path: path.join(shots, 'admin-order-cancelled.png'), fullPage: true });

    // The paid order (2 units): found by the beginning of its number, then opened by the whole number.
    await page.goto(`${h.url}/admin/orders`);
    await page.getByLabel('按订单号查找').fill(paid.id.slice(0, 20));
    await page.getByLabel('按订单号查找').press('Enter');
    await page.waitForURL(/orderNo=/);
    await page.getByRole('row', { name: new RegExp(paid.id) }).waitFor();
    await page.getByLabel('按订单号查找').fill(paid.id);
    await page.getByLabel('按订单号查找').press('Enter');
    await page.waitForURL(new RegExp(`/admin/orders/${paid.id}$`));
    await page.getByTestId('order-status').getByText('待发货').waitFor();

    // A first parcel with 1 of the 2 units: the order shows 部分发货 and the parcel.
    await page.getByRole('button', { name: /^发\s*货$/ }).click();
    await page.getByLabel(`${TITLE} 本次发货数量`).fill('1');
    await page.getByLabel('快递公司').fill('顺丰速运');
    await page.getByLabel('快递单号').fill('SF1400000001');
    await page.getByRole('dialog').getByRole('button', { name: '发出 1 件' }).click();
    await page.getByText('包裹已发出，订单部分发货').waitFor();
    await page.getByTestId('order-partial').getByText('部分发货').waitFor();
    await page.getByTestId('order-parcels').getByText('顺丰速运 · SF1400000001').waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-order-partly-shipped.png'), fullPage: true });

    // Someone else ships the rest meanwhile: the 409 is explained and the order reloaded.
    const shipped = await api.post(`/api/admin/orders/${paid.id}/ship`, {
      data: { carrier: '中通快递', trackingNo: 'ZT0001' },
      headers,
    });
    assert.equal(shipped.status(), 200, await shipped.text());
    await page.getByRole('button', { name: /^发\s*货$/ }).click();
    await page.getByLabel('快递公司').fill('顺丰速运');
    await page.getByLabel('快递单号').fill('SF1400000002');
    await page.getByRole('dialog').getByRole('button', { name: '发出 1 件' }).click();
    await page.getByText(/订单状态已变化（当前：已发货）/).waitFor();
    await page
      .getByRole('button', { name: /确\s*定|知道了|OK/ })
      .last()
      .click();
    await page.getByTestId('order-status').getByText('已发货').waitFor();
    await page.getByTestId('order-parcels').getByText('中通快递 · ZT0001').waitFor();

    await page.getByRole('button', { name: '确认送达' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '确认送达' }).click();
    await page.getByText('已标记为送达').waitFor();
    await page.getByTestId('order-status').getByText('已送达').waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-order-delivered.png'), fullPage: true });

    // Statistics: today (in the shop's zone) counts the paid order — with the demo's seeded orders of
    // today, if any, so its GMV is at least the order's total.
    await page.getByRole('menuitem', { name: '订单统计' }).click();
    await page.getByTestId('stats-chart').waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const todayRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: today, exact: true }) });
    const gmv = await todayRow.getByRole('cell').nth(2).innerText();
    assert.ok(Number(gmv.replace(/[¥,]/g, '')) * 100 >= paid.total, `today's GMV ${gmv} counts ${yuan(paid.total)}`);
    await page.screenshot({ path: path.join(shots, 'admin-order-stats.png'), fullPage: true });

    // Settings: a 30-minute deadline and a province override, saved.
    await page.getByRole('menuitem', { name: '订单设置' }).click();
    await page.getByLabel('支付时限（分钟）').fill('30');
    await page.getByRole('button', { name: '添加省份' }).click();
    await page.getByLabel('省份').fill('新疆');
    await page.getByLabel('运费（元）').last().fill('25');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('订单设置已保存').waitFor();
    const settings = await json(await api.get('/api/admin/orders/settings'));
    assert.equal(settings.paymentMinutes, 30);
    assert.deepEqual(settings.shipping.express.provinces, [{ province: '新疆', fee: 2500, freeOver: null }]);
    await page.screenshot({ path: path.join(shots, 'admin-order-settings.png'), fullPage: true });
    await api.dispose();
    await buyer.dispose();
  });
});
