import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { shots, useHarness } from './harness';

const h = useHarness();

async function login(page: Page) {
  await page.goto(`${h.url}/admin/login`);
  await page.getByLabel('邮箱').fill('owner@demo.siyu.dev');
  await page.getByLabel('密码').fill('siyu-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '渠道活码' }).waitFor();
  const me = await (await page.request.get(`${h.url}/api/admin/auth/me`)).json();
  return { 'x-csrf-token': me.csrfToken as string };
}

async function json(res: { status(): number; text(): Promise<string> }, status = 200) {
  const text = await res.text();
  assert.equal(res.status(), status, text);
  return JSON.parse(text);
}

describe('landing pages and customer groups in the browser', () => {
  it('a nearest-store landing page shows the store closest to the visitor and its code, and counts the visit', async () => {
    const stamp = Date.now().toString(36).slice(-5);
    const admin = await h.newPage();
    const csrf = await login(admin);
    const api = (p: string) => `${h.url}/api/admin${p}`;
    const units = (await json(await admin.request.get(api('/org-units')))).items as { id: string; name: string }[];
    const staff = (await json(await admin.request.get(api('/staff?limit=50')))).items as {
      id: string;
      email: string;
    }[];
    const staffId = (name: string) => staff.find((s) => s.email.startsWith(`${name}@`))!.id;
    const code = async (store: string, member: string) =>
      (
        await json(
          await admin.request.post(api('/live-codes'), {
            headers: csrf,
            data: {
              name: `${store}落地${stamp}`,
              orgUnitId: units.find((u) => u.name === store)!.id,
              members: [{ staffId: staffId(member) }],
            },
          }),
          201,
        )
      ).id as string;
    const jingan = await code('静安寺店', 'wangyutong');
    const lujiazui = await code('陆家嘴店', 'zhangzixuan');
    const page = await json(
      await admin.request.post(api('/landing-pages'), {
        headers: csrf,
        data: {
          slug: `near-${stamp}`,
          kind: 'nearest_store',
          title: `到店有礼${stamp}`,
          benefitText: '扫码添加店长，领 ¥10 新人券',
          codeId: jingan,
          storeCodeIds: [jingan, lujiazui],
        },
      }),
      201,
    );

    // A visitor standing in Lujiazui (near the Oriental Pearl Tower).
    const shopper = await h.newPage({ mobile: true });
    await shopper.context().grantPermissions(['geolocation'], { origin: h.url });
    await shopper.context().setGeolocation({ latitude: 31.2397, longitude: 121.4998 });
    await shopper.goto(`${h.url}/shop/t/demo/l/near-${stamp}`);
    await shopper.getByRole('heading', { name: `到店有礼${stamp}` }).waitFor();
    await shopper.getByText('扫码添加店长，领 ¥10 新人券').waitFor();
    await shopper.getByText('离你最近的门店').waitFor();
    await shopper.locator('.landing__store-name', { hasText: '陆家嘴店' }).waitFor();
    const qr = shopper.locator('.landing img').last();
    await shopper.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await qr.elementHandle());
    await shopper.screenshot({ path: path.join(shots, 'shop-landing-nearest.png'), fullPage: true });

    // The visit is counted once for the day.
    for (let i = 0; i < 50; i++) {
      const stats = await json(await admin.request.get(api(`/landing-pages/${page.id}/stats`)));
      if (stats.totals.visits === 1) break;
      assert.ok(i < 49, `visits: ${JSON.stringify(stats.totals)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('a group made in WeCom shows in 客户群 with its owner; the admin syncs the groups', async () => {
    const stamp = Date.now().toString(36).slice(-5);
    const name = `新品试饮群${stamp}`;
    const admin = await h.newPage();
    await login(admin);
    // A member creates a group in the (simulated) WeCom client: the callback reaches the registry.
    const made = await admin.request.post(`${h.url}/sandbox/wecom/simulate/create-group`, {
      data: { owner: 'wangyutong', name },
    });
    assert.equal(made.status(), 200, await made.text());

    // The callback is processed by a job: wait for the registry, then look at it in the console.
    for (let i = 0; ; i++) {
      const list = await json(await admin.request.get(`${h.url}/api/admin/groups?q=${encodeURIComponent(name)}`));
      if (list.items.length === 1) break;
      assert.ok(i < 120, `group ${name} in the registry`);
      await admin.waitForTimeout(500);
    }
    await admin.getByRole('menuitem', { name: '客户群' }).click();
    await admin.waitForURL(/\/admin\/groups$/);
    const row = admin.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    await row.getByText('王雨桐').waitFor();
    await admin.getByRole('button', { name: /从企业微信同步|继续同步/ }).click();
    await admin.getByText(/上次同步/).waitFor({ timeout: 30_000 });
    await admin.screenshot({ path: path.join(shots, 'admin-groups.png'), fullPage: true });
    await row.getByRole('link', { name }).click();
    await admin.waitForURL(/\/admin\/groups\/grp_/);
    await admin.getByText(name).first().waitFor();
  });
});
