import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('owned channels in the browser', () => {
  it('the owner sends test SMS and mail through the demo sandboxes and reads the log', async () => {
    const admin = await h.newPage();
    await admin.goto(`${h.url}/admin/login`);
    await admin.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await admin.getByLabel('密码').fill('siyu-demo');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('menuitem', { name: '触达渠道' }).click();
    await admin.waitForURL(/\/admin\/channels$/);

    const sms = admin.getByRole('tabpanel', { name: '短信' });
    await sms.getByText(/演示模式：短信发往内置沙箱/).waitFor();
    await sms.getByLabel('手机号').fill('13912345678');
    await sms.getByLabel('code', { exact: true }).fill('8642');
    await sms.getByRole('button', { name: /发送测试/ }).click();
    await sms.getByText('发送成功').waitFor();
    const inbox = await admin.evaluate(
      async () =>
        (await (await fetch('/sandbox/sms/messages?phone=13912345678')).json()) as { items: { text: string }[] },
    );
    assert.equal(inbox.items[0]?.text, '【思域商城】您的验证码为8642，5分钟内有效。');

    // The same number again within a minute: the sandbox answers as Aliyun does, and the page says why.
    await sms.getByRole('button', { name: /发送测试/ }).click();
    await sms.getByText('触发号码频率限制，请稍后再试').waitFor();
    assert.ok(await sms.getByText('isv.BUSINESS_LIMIT_CONTROL').isVisible());
    await admin.screenshot({ path: path.join(shots, 'admin-channels-sms.png') });

    await admin.getByRole('tab', { name: '邮件' }).click();
    const email = admin.getByRole('tabpanel', { name: '邮件' });
    await email.getByLabel('收件地址').fill('ops@example.com');
    await email.getByRole('button', { name: /发送测试/ }).click();
    await email.getByText('发送成功').waitFor();

    await admin.getByRole('tab', { name: '发送记录' }).click();
    const log = admin.getByRole('tabpanel', { name: '发送记录' });
    await log.getByText('isv.BUSINESS_LIMIT_CONTROL', { exact: false }).waitFor();
    assert.equal(await log.locator('.ant-tag', { hasText: '已发送' }).count(), 2);
    assert.ok(await log.getByText('13912345678').first().isVisible(), 'the owner holds customers.pii: unmasked');
  });
});
