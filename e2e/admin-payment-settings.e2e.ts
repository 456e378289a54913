import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('payment settings in the browser', () => {
  it('the owner tests the demo sandbox keys, switches Alipay off, and sees a bad APIv3 key named', async () => {
    const admin = await h.newPage();
    await admin.goto(`${h.url}/admin/login`);
    await admin.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await admin.getByLabel('密码').fill('siyu-demo');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('menuitem', { name: '支付设置' }).click();
    await admin.waitForURL(/\/admin\/payment-settings$/);

    const wechat = admin.getByRole('tabpanel', { name: '微信支付（API v3）' });
    await wechat.getByText('当前为演示沙箱配置').waitFor();
    await wechat.getByRole('button', { name: /测试配置/ }).click();
    await wechat.getByText('测试通过').waitFor();
    assert.ok(await wechat.getByText(/demo sandbox accepted our signed request/).isVisible());
    await admin.screenshot({ path: path.join(shots, 'admin-payment-settings.png') });

    // Alipay off: saved, and the shop no longer offers it (the switch is what the API stores).
    await admin.getByRole('tab', { name: '支付宝' }).click();
    const alipay = admin.getByRole('tabpanel', { name: '支付宝' });
    await alipay.getByRole('switch', { name: '启用' }).click();
    await alipay.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText('已保存').waitFor();
    const stored = await admin.evaluate(async () => {
      const r = await fetch('/api/admin/settings/payments');
      return (await r.json()) as { alipay: { enabled: boolean; sandbox: boolean; appPrivateKey: { set: boolean } } };
    });
    assert.deepEqual(
      [stored.alipay.enabled, stored.alipay.sandbox, stored.alipay.appPrivateKey.set],
      [false, true, true],
    );

    // Leaving the sandbox shows the key fields; a 31-character APIv3 key is refused on its field.
    await admin.getByRole('tab', { name: '微信支付（API v3）' }).click();
    await wechat.getByRole('switch', { name: '使用演示沙箱' }).click();
    await wechat.getByLabel('APIv3 密钥').fill('x'.repeat(31));
    await wechat.getByRole('button', { name: /保\s*存/ }).click();
    await wechat.getByText(/32/).first().waitFor();
    const fieldError = await wechat.locator('.ant-form-item-has-error').first().textContent();
    assert.match(fieldError ?? '', /APIv3/, fieldError ?? '');
  });
});
