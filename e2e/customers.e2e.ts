import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('customers in the admin console', () => {
  it('an operator finds a customer by pinyin initials, opens the profile and adds a note', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/admin/login`);
    await page.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await page.getByLabel('密码').fill('siyu-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('menuitem', { name: '员工' }).waitFor();

    const me = await (await page.request.get(`${h.url}/api/admin/auth/me`)).json();
    const created = await page.request.post(`${h.url}/api/admin/customers`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { name: '欧阳靖雯', phone: '13912340000', city: '上海' },
    });
    assert.equal(created.status(), 201, await created.text());
    const customer = await created.json();

    await page.getByRole('menuitem', { name: /客户$/ }).click();
    await page.getByLabel('搜索客户').fill('oyjw');
    await page.getByLabel('搜索客户').press('Enter');
    await page.getByRole('link', { name: '欧阳靖雯' }).click();
    await page.waitForURL(new RegExp(`/admin/customers/${customer.id}`));
    await page.getByTestId('customer-name').waitFor();
    await page.screenshot({ path: path.join(shots, 'customer-profile.png') });

    await page.getByRole('tab', { name: '备注' }).click();
    await page.getByLabel('新备注').fill('喜欢燕麦拿铁，周末常来静安寺店。');
    await page.getByRole('button', { name: '添加备注' }).click();
    await page.getByText('喜欢燕麦拿铁，周末常来静安寺店。').waitFor();
    const tl = await (
      await page.request.get(`${h.url}/api/admin/customers/${customer.id}/timeline?types=note.added`)
    ).json();
    assert.equal(tl.items.length, 1);
  });
});
