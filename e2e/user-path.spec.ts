import type { Page } from '@playwright/test';
import { test, expect, shot } from './support/fixtures.ts';
import type { Sift } from './support/sift.ts';

// The seed page: a Chinese news article inside navigation bars, promotional link lists,
// a share QR code and a tracking pixel; five names are tagged with links to /tag/ pages.
const FIRST = '据美国国务院对外发布的消息，国务卿安东尼‧布林肯（Antony Blinken）周二（1月26日）打出了他任内的第一通外交电话';
const LAST = '布林肯没有对议员详细说明他将采取什么措施来对抗中共。';
const CLUTTER = ['首页', '美国新闻', '热点推荐', '翻墙教程', '疫情象最后通牒', '禁书下载', '纪录片《寻找勇气》', '手机上长按并复制下列链接或二维码分享本文章'];
const TAGGED = ['布林肯', '加拿大', '墨西哥', '日本', '韩国'];

async function openSeedPopup(sift: Sift, url: string): Promise<{ page: Page; popup: Page; close: () => Promise<void> }> {
  const page = await sift.openPage(url);
  const { popup, close } = await sift.clickToolbar(page);
  return { page, popup, close };
}

async function workerEval<T>(sift: Sift, fn: string): Promise<T> {
  const w = await sift.worker();
  return w.evaluate(fn) as Promise<T>;
}

test('toolbar click shows the cleaned seed article, highlights its tags, saves it, and the library shows it', async ({ sift, server }) => {
  const { popup, close } = await openSeedPopup(sift, server.url('/seed-article.html'));
  const status = popup.getByTestId('status');
  await expect(status).toHaveAttribute('data-state', 'ready');
  await expect(popup.getByTestId('title')).toHaveText('布林肯与加墨日韩外长通话 加强合作关系');

  const body = popup.getByTestId('article');
  const text = (await body.innerText()).replace(/\s+/g, '');
  expect(text).toContain(FIRST.replace(/\s+/g, ''));
  expect(text).toContain(LAST);
  for (const line of CLUTTER) expect(text, `clutter "${line}"`).not.toContain(line);

  for (const name of TAGGED) {
    const marks = body.locator(`mark[data-entity="${name}"]`);
    expect(await marks.count(), `highlights of ${name}`).toBeGreaterThan(0);
    await expect(marks.first()).toHaveAttribute('data-entity-type', /^(person|place|organization|topic)$/);
  }
  const panel = popup.getByTestId('entities');
  for (const name of TAGGED) await expect(panel.locator(`[data-entity="${name}"]`)).toHaveCount(1);
  await popup.screenshot({ path: shot('popup-seed') });
  // The article is painted first; its names follow from a second script and are highlighted after.
  const [articleAt, namesAt] = await popup.evaluate(() =>
    ['sift:article-painted', 'sift:names-painted'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1),
  );
  expect(articleAt).toBeGreaterThan(0);
  expect(namesAt).toBeGreaterThan(articleAt!);

  await popup.getByTestId('save').click();
  await expect(status).toHaveAttribute('data-state', 'saved');
  // Saving the same page again updates the clipping instead of adding a second one.
  await popup.getByTestId('save').click();
  await expect(status).toHaveAttribute('data-state', 'saved');
  await close();

  const library = await sift.openExtensionPage('src/library/index.html');
  const items = library.getByTestId('clipping');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('布林肯与加墨日韩外长通话');
  await items.first().click();
  const reader = library.getByTestId('article');
  await expect(reader).toContainText(LAST);
  const libraryText = (await reader.innerText()).replace(/\s+/g, '');
  expect(libraryText).toBe(text);
  // The clipping was saved with its names.
  for (const name of TAGGED) expect(await reader.locator(`mark[data-entity="${name}"]`).count(), `saved highlight of ${name}`).toBeGreaterThan(0);
  await library.screenshot({ path: shot('library-seed') });

  // A second, different page is listed first (newest first); deleting it leaves the seed.
  const { popup: popup2, close: close2 } = await openSeedPopup(sift, server.url('/article-en.html'));
  await expect(popup2.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await popup2.getByTestId('save').click();
  await expect(popup2.getByTestId('status')).toHaveAttribute('data-state', 'saved');
  await close2();
  await library.reload();
  await expect(items).toHaveCount(2);
  await expect(items.first()).not.toContainText('布林肯');
  await items.first().click();
  await library.getByTestId('delete').click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('布林肯');
});

test('context menu "Save article" is registered and saves the active tab without opening anything', async ({ sift, server }) => {
  // Menus are created on install; update() rejects for an id that does not exist.
  await expect
    .poll(() => workerEval<boolean>(sift, `chrome.contextMenus.update('save-article', {}).then(() => true, () => false)`))
    .toBe(true);

  const page = await sift.openPage(server.url('/seed-article.html'));
  // A real right-click grants activeTab for the tab; the toolbar click grants the same, so it
  // stands in for the native menu, which Playwright cannot click.
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await popup.close();
  await close();

  const tabId = await workerEval<number>(sift, `chrome.tabs.query({ url: '${server.url('/seed-article.html')}' }).then(t => t[0].id)`);
  await workerEval(sift, `siftOnMenuClicked({ menuItemId: 'save-article', editable: false, pageUrl: '' }, { id: ${tabId} })`);
  await expect
    .poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${tabId} })`), { timeout: 20_000 })
    .toBe('✓');
  const title = await workerEval<string>(sift, `chrome.action.getTitle({ tabId: ${tabId} })`);
  expect(title).toContain('布林肯与加墨日韩外长通话');

  const library = await sift.openExtensionPage('src/library/index.html');
  await expect(library.getByTestId('clipping')).toHaveCount(1);
  await expect(library.getByTestId('clipping').first()).toContainText('布林肯');
});

test('turning off places in the options removes place highlights from the next popup', async ({ sift, server }) => {
  const first = await openSeedPopup(sift, server.url('/seed-article.html'));
  await expect(first.popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  expect(await first.popup.locator('mark[data-entity-type="place"]').count()).toBeGreaterThan(0);
  await first.popup.close();
  await first.close();

  const options = await sift.openExtensionPage('src/options/index.html');
  const toggle = options.getByTestId('toggle-place');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await options.screenshot({ path: shot('options'), fullPage: true });

  const page = sift.context.pages().find((p) => p.url().includes('seed-article'))!;
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(popup.locator('mark[data-entity-type="place"]')).toHaveCount(0);
  expect(await popup.locator('mark[data-entity-type]').count()).toBeGreaterThan(0);
  await expect(popup.getByTestId('entities').locator('[data-entity-type="place"]')).toHaveCount(0);
  await close();
});

test('a browser page gives the error state in plain words', async ({ sift }) => {
  const page = await sift.openPage('chrome://version/');
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'error');
  await expect(popup.getByTestId('notice')).toContainText('Browsers do not let extensions read this page');
  await expect(popup.getByTestId('save')).toBeDisabled();
  await popup.screenshot({ path: shot('popup-restricted') });
  await close();
});

test('a page that is not an article says so and offers "show anyway"', async ({ sift, server }) => {
  const page = await sift.openPage(server.url('/news-index.html'));
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'not-article');
  await expect(popup.getByTestId('notice')).toContainText('mostly links');
  await popup.screenshot({ path: shot('popup-not-article') });
  await popup.getByTestId('show-anyway').click();
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(popup.getByTestId('article')).toContainText('Council approves new budget');
  await close();
});
