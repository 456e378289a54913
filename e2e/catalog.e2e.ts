import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('catalog in the admin console', () => {
  it('an operator creates a product with a 2×2 SKU matrix, prices it, puts it on sale, finds it in the list and stocks it', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/admin/login`);
    await page.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await page.getByLabel('密码').fill('siyu-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '员工' }).waitFor();

    const me = await (await page.request.get(`${h.url}/api/admin/auth/me`)).json();
    const category = await page.request.post(`${h.url}/api/admin/catalog/categories`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { name: '浏览器测试分类' },
    });
    assert.equal(category.status(), 201, await category.text());

    await page.getByRole('menuitem', { name: /(^|\s)商品$/ }).click();
    await page.getByRole('button', { name: '新建商品' }).first().click();
    await page.getByLabel('标题', { exact: true }).fill('测试燕麦拿铁');
    await page.getByLabel('副标题').fill('OATLY 燕麦奶');
    await page.getByLabel('分类', { exact: true }).click();
    await page.getByTitle('浏览器测试分类').click();

    await page.getByRole('button', { name: '添加规格' }).click();
    await page.getByLabel('规格名 1').fill('杯型');
    for (const v of ['中杯', '大杯']) {
      await page.getByLabel('规格值 1').fill(v);
      await page.getByLabel('规格值 1').press('Enter');
    }
    await page.getByRole('button', { name: '添加规格' }).click();
    await page.getByLabel('规格名 2').fill('温度');
    for (const v of ['冰', '热']) {
      await page.getByLabel('规格值 2').fill(v);
      await page.getByLabel('规格值 2').press('Enter');
    }
    await page.getByLabel('售价（元） 4').waitFor();
    const prices = ['19.9', '19.90', '22.9', '23.01'];
    for (const [i, p] of prices.entries()) await page.getByLabel(`售价（元） ${i + 1}`).fill(p);
    await page.getByLabel('批量填充 成本（元）').fill('6.35');
    await page.getByRole('button', { name: '应用到全部' }).click();
    await page.getByText('在售', { exact: true }).click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('商品已创建').waitFor();
    await page.waitForURL(/\/admin\/catalog\/products\/prd_/);
    await page.screenshot({ path: path.join(shots, 'catalog-product-editor.png'), fullPage: true });

    const id = page.url().split('/').pop() ?? '';
    const product = await (await page.request.get(`${h.url}/api/admin/catalog/products/${id}`)).json();
    assert.equal(product.status, 'on_sale');
    assert.deepEqual(
      product.skus.map((s: { specText: string; price: number; cost: number }) => [s.specText, s.price, s.cost]),
      [
        ['中杯 / 冰', 1990, 635],
        ['中杯 / 热', 1990, 635],
        ['大杯 / 冰', 2290, 635],
        ['大杯 / 热', 2301, 635],
      ],
    );

    await page.getByRole('menuitem', { name: /(^|\s)商品$/ }).click();
    const row = page.getByRole('row', { name: /测试燕麦拿铁/ });
    await row.waitFor();
    await row.getByText('¥19.90 – ¥23.01').waitFor();
    await row.getByText('在售').waitFor();
    await page.screenshot({ path: path.join(shots, 'catalog-products.png') });

    // Goods come in: 10 大杯 / 热 at the first store, recorded with a reference.
    await page.getByRole('menuitem', { name: /(^|\s)库存$/ }).click();
    await page.getByRole('button', { name: '调整库存' }).first().click();
    await page.getByLabel('商品 1').click();
    await page.getByLabel('商品 1').fill('测试燕麦拿铁');
    // The picker searches after a pause: wait until the results are only the searched product (the
    // first list, before the search, holds it too and is replaced under the pointer).
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await page.waitForFunction(
      () => {
        const shown = [...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].filter(
          (e) => (e as HTMLElement).offsetParent !== null,
        );
        return shown.length === 1 && shown[0]?.getAttribute('title') === '测试燕麦拿铁';
      },
      undefined,
      { timeout: 15_000 },
    );
    await options.first().click();
    await page.getByLabel('SKU 1').click();
    await page.getByTitle('大杯 / 热').click();
    await page.getByLabel('门店/仓库 1').click();
    await page.getByTitle(/静安寺店/).click();
    await page.getByLabel('数量变化 1').fill('10');
    await page.getByLabel('单号').fill('PO-E2E-1');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('库存已调整').waitFor();
    await page.getByRole('tab', { name: '出入库流水' }).click();
    const movement = page.getByRole('row', { name: /PO-E2E-1/ });
    await movement.getByText('+10').waitFor();
    await movement.getByText('采购入库').waitFor();
    const after = await (await page.request.get(`${h.url}/api/admin/catalog/products/${id}`)).json();
    assert.equal(after.stock.onHand, 10);
  });
});
