import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('channel live codes in the browser', () => {
  it('an operator creates a live code, a customer scans it in the sandbox, and the CRM has them with its tag', async () => {
    const stamp = Date.now().toString(36).slice(-5);
    const codeName = `海报活码${stamp}`;
    const tagName = `活码标签${stamp}`;
    const nickname = `扫码顾客${stamp}`;

    const admin = await h.newPage();
    await admin.goto(`${h.url}/admin/login`);
    await admin.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await admin.getByLabel('密码').fill('siyu-demo');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('menuitem', { name: '渠道活码' }).waitFor();

    // A tag of its own, so the check below cannot match a seeded one.
    const me = await (await admin.request.get(`${h.url}/api/admin/auth/me`)).json();
    const csrf = { 'x-csrf-token': me.csrfToken };
    const group = await admin.request.post(`${h.url}/api/admin/tag-groups`, {
      headers: csrf,
      data: { name: `渠道${stamp}` },
    });
    assert.equal(group.status(), 201, await group.text());
    const tag = await admin.request.post(`${h.url}/api/admin/tags`, {
      headers: csrf,
      data: { groupId: (await group.json()).id, name: tagName },
    });
    assert.equal(tag.status(), 201, await tag.text());

    // Create the code in the form, with the keyboard where a person would use it.
    await admin.getByRole('menuitem', { name: '渠道活码' }).click();
    await admin.waitForURL(/\/admin\/live-codes$/);
    await admin.getByRole('button', { name: '新建活码' }).first().click();
    await admin.waitForURL(/\/admin\/live-codes\/new$/);
    await admin.getByLabel('活码名称').fill(codeName);
    await admin.locator('#liveCode_members_0_staffId').click();
    await admin.locator('#liveCode_members_0_staffId').fill('王雨桐');
    await admin.keyboard.press('Enter');
    await admin.locator('#liveCode_tagIds').click();
    await admin.locator('#liveCode_tagIds').fill(tagName);
    await admin.keyboard.press('Enter');
    await admin.keyboard.press('Escape');
    await admin.getByRole('radio', { name: '自定义欢迎语' }).check();
    await admin.locator('#liveCode_welcomeText').fill('你好{昵称}，我是{员工}，欢迎来到{渠道}');
    await admin.screenshot({ path: path.join(shots, 'admin-live-code-form.png'), fullPage: true });
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await admin.waitForURL(/\/admin\/live-codes$/);
    const row = admin.getByRole('row', { name: new RegExp(codeName) });
    await row.waitFor();

    // The QR thumbnail is the code drawn again by the QR route.
    const thumb = row.getByRole('img', { name: `${codeName} 的二维码` });
    await admin.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await thumb.elementHandle());
    await admin.screenshot({ path: path.join(shots, 'admin-live-codes.png'), fullPage: true });

    // A print file from the download menu.
    await row.getByRole('button', { name: /下载二维码/ }).click();
    await admin.getByRole('menuitem', { name: 'PNG（带品牌 Logo）' }).hover();
    const [file] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('menuitem', { name: '8 cm · 258×258 px' }).click(),
    ]);
    assert.equal(file.suggestedFilename(), `${codeName}-258.png`);

    const list = await (
      await admin.request.get(`${h.url}/api/admin/live-codes?q=${encodeURIComponent(codeName)}`)
    ).json();
    const code = list.items[0];
    assert.equal(code.name, codeName);

    // The sandbox page lists the code's contact way; its scan link opens the sandbox scan page.
    await admin.getByRole('menuitem', { name: '企业微信沙箱' }).click();
    await admin.getByText('沙箱 · 演示模式').waitFor();
    await admin.getByRole('tab', { name: '活码' }).click();
    const wayRow = admin.getByRole('row', { name: new RegExp(code.state) });
    const [scanPage] = await Promise.all([
      admin.context().waitForEvent('page'),
      wayRow.getByRole('link', { name: '扫码添加' }).click(),
    ]);
    await scanPage.waitForURL(new RegExp(`/sandbox/wecom/scan/contact_way/${code.configId}$`));
    await scanPage.getByLabel('微信昵称（可不填）').fill(nickname);
    await scanPage.getByRole('button', { name: '添加为好友' }).click();
    await scanPage.getByText(/已完成/).waitFor();
    await scanPage.screenshot({ path: path.join(shots, 'sandbox-scan.png') });

    // The customer is in the CRM with the code's tag (put on in the add's processing, which may end just
    // after the scan page answers).
    const tagged = async () => {
      const res = await admin.request.get(`${h.url}/api/admin/customers?q=${encodeURIComponent(nickname)}`);
      const items = (await res.json()).items as { tags: { name: string }[] }[];
      return items.some((c) => c.tags.some((t) => t.name === tagName));
    };
    for (let i = 0; i < 20 && !(await tagged()); i++) await admin.waitForTimeout(500);
    await admin.getByRole('menuitem', { name: /客户$/ }).click();
    await admin.getByLabel('搜索客户').fill(nickname);
    await admin.getByLabel('搜索客户').press('Enter');
    const customer = admin.getByRole('row', { name: new RegExp(nickname) });
    await customer.getByText(tagName).waitFor();
    await admin.screenshot({ path: path.join(shots, 'admin-live-code-customer.png'), fullPage: true });

    // The welcome message went out through the sandbox, with the variables filled in.
    await admin.getByRole('menuitem', { name: '企业微信沙箱' }).click();
    await admin.getByRole('tab', { name: '欢迎语' }).click();
    await admin.getByText(`你好${nickname}，我是王雨桐，欢迎来到${codeName}`).waitFor();
    await admin.screenshot({ path: path.join(shots, 'admin-wecom-sandbox.png'), fullPage: true });

    // The code's stats count the add, per day and per staff member.
    await admin.getByRole('menuitem', { name: '渠道活码' }).click();
    await admin
      .getByRole('row', { name: new RegExp(codeName) })
      .getByRole('button', { name: /数\s*据/ })
      .click();
    await admin.waitForURL(new RegExp(`/admin/live-codes/${code.id}/stats$`));
    await admin.getByTestId('live-code-chart').waitFor();
    const staffRow = admin.getByRole('row', { name: /^王雨桐 \d/ });
    assert.match((await staffRow.innerText()).replace(/\s+/g, ' '), /王雨桐 1 0 1 0/);
    await admin.screenshot({ path: path.join(shots, 'admin-live-code-stats.png'), fullPage: true });

    // Edit: rename the code and switch to weighted distribution; the list shows the change.
    await admin.getByRole('button', { name: '返回列表' }).click();
    await admin
      .getByRole('row', { name: new RegExp(codeName) })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await admin.waitForURL(new RegExp(`/admin/live-codes/${code.id}/edit$`));
    assert.equal(await admin.getByLabel('活码名称').inputValue(), codeName);
    await admin.getByLabel('活码名称').fill(`${codeName}改`);
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await admin.waitForURL(/\/admin\/live-codes$/);
    await admin.getByRole('link', { name: `${codeName}改` }).waitFor();
  });
});
