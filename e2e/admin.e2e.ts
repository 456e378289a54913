import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('admin console in the browser', () => {
  it('staff log in, create a staff member who can then log in, and log out', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await page.getByLabel('密码').fill('siyu-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('拾光咖啡').first().waitFor();
    await page.getByRole('menuitem', { name: '员工' }).click();
    await page.getByRole('cell', { name: '周晓岚' }).waitFor();

    await page.getByRole('button', { name: '添加员工' }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('郑可欣');
    await drawer.getByLabel('邮箱').fill('zhengkexin@demo.siyu.dev');
    await drawer.getByLabel('角色').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^运营$/ });
    await option.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option-selected', { hasText: /^运营$/ })
      .waitFor();
    await drawer.getByText('添加员工').first().click(); // closes the dropdown without leaving the drawer
    await drawer.getByText('直接设置密码').click();
    await drawer.getByLabel('初始密码').fill('kexin-pass-2026');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/admin/staff') && r.request().method() === 'POST',
      {
        timeout: 30_000,
      },
    );
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const res = await created.catch(async (e) => {
      await page.screenshot({ path: path.join(shots, 'admin-staff-not-sent.png') });
      const errors = await drawer.locator('.ant-form-item-explain-error').allTextContents();
      throw new Error(`the form was not sent; field errors: ${JSON.stringify(errors)}; ${e}`);
    });
    assert.equal(res.status(), 201, await res.text());
    await page.getByRole('cell', { name: '郑可欣' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-staff.png') });

    const api = await page.request.get(`${h.url}/api/admin/staff?q=${encodeURIComponent('郑可欣')}`);
    const list = await api.json();
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].email, 'zhengkexin@demo.siyu.dev');
    assert.equal(list.items[0].status, 'active');

    const second = await h.newPage();
    await second.goto(`${h.url}/admin/login`);
    await second.getByLabel('邮箱').fill('zhengkexin@demo.siyu.dev');
    await second.getByLabel('密码').fill('kexin-pass-2026');
    await second.getByRole('button', { name: /登\s*录/ }).click();
    await second.getByText('郑可欣').first().waitFor();
    assert.equal(await second.getByRole('menuitem', { name: '操作日志' }).count(), 0, 'an operator has no audit menu');

    await page.getByText('沈明远').first().click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/admin\/login/);
  });

  it('switches the console to English', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/admin/login`);
    await page.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await page.getByLabel('密码').fill('siyu-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '员工' }).waitFor();
    await page.getByText('简体中文').first().click();
    await page.getByText('English', { exact: true }).last().click();
    await page.getByRole('menuitem', { name: 'Staff' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'admin-english.png') });
  });
});
