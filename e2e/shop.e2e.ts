import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('shop in the browser', () => {
  it('a shopper registers with an SMS code, sees the profile and edits the nickname', async () => {
    const page = await h.newPage({ mobile: true });
    const phone = '13700137000';
    await page.goto(`${h.url}/shop/`);
    await page.waitForURL(/\/shop\/t\/demo/);
    await page.getByTestId('brand-name').waitFor();
    assert.match((await page.getByTestId('brand-name').textContent()) ?? '', /拾光咖啡/);
    await page.getByTestId('login-card').getByRole('button').click();
    await page.getByPlaceholder('请输入手机号').fill(phone);
    await page.getByTestId('send-code').click();
    await page.getByText('验证码已发送').waitFor();

    const sms = await (await page.request.get(`${h.url}/api/dev/sms?phone=${phone}`)).json();
    const code = sms.items[0].code as string;
    assert.match(code, /^\d{6}$/);
    assert.match(sms.items[0].text, /拾光咖啡/);
    await page.getByPlaceholder('请输入 6 位验证码').fill(code);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByText('注册成功，欢迎加入 拾光咖啡').waitFor();
    await page.screenshot({ path: path.join(shots, 'shop-registered.png') });

    await page.goto(`${h.url}/shop/t/demo/me`);
    await page.getByTestId('me-phone').waitFor();
    assert.equal(await page.getByTestId('me-phone').textContent(), '137****7000');
    await page.goto(`${h.url}/shop/t/demo/me/profile`);
    const nickname = page.getByLabel('昵称');
    await nickname.fill('小拾');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.goto(`${h.url}/shop/t/demo/me`);
    await page.getByText('小拾').waitFor();
    const me = await (await page.request.get(`${h.url}/api/shop/t/demo/me`)).json();
    assert.equal(me.account.nickname, '小拾');
  });
});
