import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('WeCom settings in the browser', () => {
  it('the owner sees the demo sandbox connection, tests it, and generates callback keys', async () => {
    const admin = await h.newPage();
    await admin.goto(`${h.url}/admin/login`);
    await admin.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await admin.getByLabel('密码').fill('siyu-demo');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('menuitem', { name: '企业微信设置' }).click();
    await admin.waitForURL(/\/admin\/wecom-settings$/);
    await admin.getByText(/演示用的企业微信沙箱/).waitFor();
    assert.equal(await admin.getByLabel('企业 ID（CorpID）').inputValue(), 'wwsiyudemo000001');
    await admin.getByText(/\/webhooks\/wecom\/ten_/).waitFor();

    await admin.getByRole('button', { name: '测试连接' }).click();
    await admin.getByText('连接正常').waitFor();
    await admin.screenshot({ path: path.join(shots, 'admin-wecom-settings.png'), fullPage: true });

    const before = await admin.getByLabel('EncodingAESKey').inputValue();
    await admin.getByRole('button', { name: /随机生成/ }).click();
    await admin.waitForFunction(
      (old) => (document.querySelector('#wecom_settings_encodingAesKey') as HTMLInputElement)?.value !== old,
      before,
    );
    assert.match(await admin.getByLabel('EncodingAESKey').inputValue(), /^[A-Za-z0-9]{43}$/);

    // A bad token is refused by the server and shown on the field.
    await admin.getByLabel('Token').fill('ab');
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText(/3–32/).waitFor();
  });
});
