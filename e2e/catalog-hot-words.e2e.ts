import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { shots, useHarness } from './harness';

const h = useHarness();

describe('hot words and picture sizes in the browser', () => {
  it('an operator edits the hot words; a shopper taps one, sees it in recent searches and clears them', async () => {
    const admin = await h.newPage();
    await admin.goto(`${h.url}/admin/login`);
    await admin.getByLabel('邮箱').fill('owner@demo.siyu.dev');
    await admin.getByLabel('密码').fill('siyu-demo');
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('menuitem', { name: '热搜词' }).click();
    await admin.waitForURL(/\/admin\/catalog\/hot-words$/);

    const input = admin.getByTestId('hot-word-input');
    for (const word of ['桂花拿铁', '生椰拿铁', '可颂']) {
      await input.fill(word);
      await input.press('Enter');
      await admin.getByText(`已添加「${word}」`).waitFor();
    }
    const rows = admin.getByTestId('hot-word');
    await rows.filter({ hasText: '生椰拿铁' }).getByRole('button', { name: '上移' }).click();
    await admin.waitForFunction(() =>
      document.querySelector('[data-testid="hot-word"]')?.textContent?.includes('生椰拿铁'),
    );
    await rows.filter({ hasText: '可颂' }).getByRole('button', { name: '删除' }).click();
    await admin
      .getByRole('tooltip')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await admin.getByText('已删除「可颂」').waitFor();
    assert.deepEqual(
      (await rows.allTextContents()).map((t) => t.replace(/^\d+/, '')),
      ['生椰拿铁', '桂花拿铁'],
    );
    await admin.screenshot({ path: path.join(shots, 'admin-hot-words.png') });

    const shop = await h.newPage({ mobile: true });
    await shop.goto(`${h.url}/shop/t/demo/search`);
    const chips = shop.getByTestId('hot-words').getByRole('button');
    await chips.first().waitFor();
    assert.deepEqual((await chips.allTextContents()).slice(0, 2), ['生椰拿铁', '桂花拿铁']);
    await shop.screenshot({ path: path.join(shots, 'shop-hot-words.png') });
    await chips.filter({ hasText: '桂花拿铁' }).click();
    await shop.waitForURL((u) => u.searchParams.get('q') === '桂花拿铁');
    const card = shop.getByTestId('product-card').first();
    await card.waitFor();

    // the card loads a small WebP size, chosen by srcset, not the uploaded original
    const img = card.locator('img');
    await shop.waitForFunction(
      (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
      await img.elementHandle(),
    );
    const { srcset, current } = await img.evaluate((el: HTMLImageElement) => ({
      srcset: el.srcset,
      current: el.currentSrc,
    }));
    assert.match(srcset, /\?w=240 240w, .*\?w=480 480w$/);
    assert.match(current, /\?w=(240|480)$/);
    const res = await shop.request.get(current);
    assert.equal(res.headers()['content-type'], 'image/webp');

    await shop.goBack();
    await shop.getByTestId('recent-searches').getByRole('button', { name: '桂花拿铁' }).waitFor();
    await shop.getByTestId('clear-recent').click();
    await shop.getByRole('button', { name: '确定' }).click();
    await shop.getByTestId('recent-searches').waitFor({ state: 'detached' });
    await shop.getByTestId('hot-words').waitFor();
  });
});
