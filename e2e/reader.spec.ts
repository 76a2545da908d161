import type { Page } from '@playwright/test';
import { test, expect, shot } from './support/fixtures.ts';
import { Sift } from './support/sift.ts';
import { newTabId } from './support/tabs.ts';

// The reader as a person uses it: the popup on the seed page (a Chinese news article), its
// "Aa" menu (font size, line length, theme) remembered across popups and shared with the options
// page, the hover/focus card of a highlight, "open in a tab", and the keyboard shortcuts.

const SEED_TITLE = '布林肯与加墨日韩外长通话 加强合作关系';

async function workerEval<T>(sift: Sift, fn: string): Promise<T> {
  return (await sift.worker()).evaluate(fn) as Promise<T>;
}

async function openPopup(sift: Sift, page: Page): Promise<{ popup: Page; close: () => Promise<void> }> {
  const opened = await sift.clickToolbar(page);
  await expect(opened.popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  return opened;
}

const bg = (p: Page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('popup: fits Chrome\'s limits, themes apply, font size and width are remembered, highlights explain themselves', async ({ sift, server }) => {
  const page = await sift.openPage(server.url('/seed-article.html'));
  let { popup, close } = await openPopup(sift, page);
  await expect(popup.getByTestId('title')).toHaveText(SEED_TITLE);

  // Chrome caps a popup at 800 x 600; nothing may scroll sideways.
  const box = await popup.evaluate(() => ({ w: innerWidth, h: innerHeight, sw: document.documentElement.scrollWidth }));
  expect(box.w).toBeLessThanOrEqual(800);
  expect(box.h).toBeLessThanOrEqual(600);
  expect(box.sw).toBeLessThanOrEqual(box.w);

  // A Chinese article gets the CJK measure (40em at medium width) and a CJK face.
  const reader = popup.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-script', 'cjk');
  const measure = await reader.evaluate((r) => parseFloat(getComputedStyle(r).maxWidth) / parseFloat(getComputedStyle(r).fontSize));
  expect(measure).toBeCloseTo(40, 1);
  expect(await popup.getByTestId('article').evaluate((b) => getComputedStyle(b).fontFamily)).toMatch(/CJK SC|PingFang SC|YaHei/);

  // Hover and keyboard focus on a highlight both show its type and mention count.
  const mark = popup.locator('mark[data-entity-type="person"]').first();
  const tip = popup.getByTestId('entity-tip');
  await mark.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText((await mark.getAttribute('data-entity'))!);
  await expect(tip).toContainText(/Person · \d+ mentions?/);
  await popup.mouse.move(5, 300);
  await expect(tip).toBeHidden();
  const place = popup.locator('mark[data-entity-type="place"][tabindex="0"]').first();
  await place.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Place');
  // Screen readers get the same words as the mark's accessible description.
  const described = await place.evaluate((m) => document.getElementById(m.getAttribute('aria-describedby')!)?.textContent);
  expect(described).toMatch(/^Place, \d+ mentions?$/);
  await popup.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  // The "Aa" menu: two steps larger, wide lines, each theme in turn.
  await popup.getByTestId('display-toggle').click();
  const size0 = await popup.getByTestId('article').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  await popup.getByTestId('font-larger').click();
  await popup.getByTestId('font-larger').click();
  await expect(popup.getByTestId('font-size-value')).toHaveText(`${size0 + 2} px`);
  expect(await popup.getByTestId('article').evaluate((b) => parseFloat(getComputedStyle(b).fontSize))).toBe(size0 + 2);
  await popup.getByTestId('width-wide').check();
  await expect(popup.locator('html')).toHaveAttribute('data-width', 'wide');
  const themes = { dark: 'rgb(21, 24, 28)', sepia: 'rgb(246, 239, 225)', light: 'rgb(255, 255, 255)' } as const;
  for (const [theme, colour] of Object.entries(themes)) {
    await popup.getByTestId(`theme-${theme}`).check();
    await expect(popup.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await bg(popup), `${theme} background`).toBe(colour);
  }
  await popup.getByTestId('theme-sepia').check();
  await expect.poll(() => workerEval<{ theme: string }>(sift, `chrome.storage.local.get('settings').then(r => r.settings)`)).toMatchObject({
    theme: 'sepia',
    fontSize: size0 + 2,
    width: 'wide',
  });
  await popup.keyboard.press('Escape');
  await expect(popup.getByTestId('display-menu')).not.toHaveAttribute('open', '');
  await popup.close();
  await close();

  // The next popup opens the same way; so does the options page.
  ({ popup, close } = await openPopup(sift, page));
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await expect(popup.locator('html')).toHaveAttribute('data-width', 'wide');
  expect(await bg(popup)).toBe(themes.sepia);
  expect(await popup.getByTestId('article').evaluate((b) => parseFloat(getComputedStyle(b).fontSize))).toBe(size0 + 2);
  await popup.screenshot({ path: shot('reader-popup-sepia') });
  await popup.close();
  await close();
  const options = await sift.openExtensionPage('src/options/index.html');
  await expect(options.getByTestId('theme-sepia')).toBeChecked();
  await expect(options.getByTestId('font-size')).toHaveValue(String(size0 + 2));
  await expect(options.getByTestId('width')).toHaveValue('wide');
  // Changing the theme in the options page applies there at once.
  await options.getByTestId('theme-dark').check();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg(options)).toBe(themes.dark);
  await options.close();
});

test('"open in a tab" hands the article to a full tab that can still save it', async ({ sift, server }) => {
  const page = await sift.openPage(server.url('/article-en.html'));
  const { popup, close } = await openPopup(sift, page);
  const title = await popup.getByTestId('title').innerText();
  const text = await popup.getByTestId('article').innerText();
  const [tab] = await Promise.all([sift.context.waitForEvent('page'), popup.getByTestId('open-in-tab').click()]);
  await close();
  await tab.waitForLoadState();
  expect(tab.url()).toContain('src/popup/index.html?view=');
  await expect(tab.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(tab.locator('html')).toHaveAttribute('data-mode', 'tab');
  await expect(tab.getByTestId('title')).toHaveText(title);
  expect(await tab.getByTestId('article').innerText()).toBe(text);
  // A Latin article gets the Latin measure: about 70 characters.
  const reader = tab.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-script', 'other');
  const width = await reader.evaluate((r) => r.getBoundingClientRect().width);
  const ch = await reader.evaluate((r) => {
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(10);
    probe.style.whiteSpace = 'nowrap';
    r.querySelector('.article-body')!.append(probe);
    const w = probe.getBoundingClientRect().width / 10;
    probe.remove();
    return w;
  });
  expect(width / ch).toBeGreaterThan(66);
  expect(width / ch).toBeLessThan(74);
  await tab.screenshot({ path: shot('reader-tab-en') });
  await tab.reload();
  await expect(tab.getByTestId('title')).toHaveText(title);
  await tab.getByTestId('save').click();
  await expect(tab.getByTestId('status')).toHaveAttribute('data-state', 'saved');
  const library = await sift.openExtensionPage('src/library/index.html');
  await expect(library.getByTestId('clipping')).toHaveCount(1);
  await expect(library.getByTestId('clipping').first()).toContainText(title);
});

test('keyboard shortcuts are listed with a way to change them; the save shortcut saves with badge feedback', async ({ sift, server }) => {
  const options = await sift.openExtensionPage('src/options/index.html');
  const list = options.getByTestId('shortcuts');
  await expect(list.locator('dt[data-command="_execute_action"]')).toHaveText('Alt + Shift + S');
  await expect(list.locator('dt[data-command="save-article"]')).toHaveText('Alt + Shift + D');
  await expect(list).toContainText('Open Sift on this page');
  await expect(list).toContainText('Save this article to the library');
  await expect(options.getByTestId('shortcut-settings-url')).toHaveText('chrome://extensions/shortcuts');
  const [settingsTab] = await Promise.all([sift.context.waitForEvent('page'), options.getByTestId('open-shortcut-settings').click()]);
  await expect.poll(() => settingsTab.url()).toBe('chrome://extensions/shortcuts');
  await settingsTab.close();
  await options.screenshot({ path: shot('reader-options-shortcuts'), fullPage: true });

  // A pressed shortcut grants activeTab like a click; the toolbar click stands in for that grant,
  // then the command handler runs as Chromium would call it.
  const page = await sift.openPage(server.url('/seed-article.html'));
  const { popup, close } = await openPopup(sift, page);
  await popup.close();
  await close();
  const tabId = await workerEval<number>(sift, `chrome.tabs.query({ url: '${server.url('/seed-article.html')}' }).then(t => t[0].id)`);
  await workerEval(sift, `siftOnCommand('save-article', { id: ${tabId} })`);
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${tabId} })`), { timeout: 20_000 }).toBe('✓');
  expect(await workerEval<string>(sift, `chrome.action.getTitle({ tabId: ${tabId} })`)).toContain(SEED_TITLE);

  // On a page no extension may read, the badge says it failed and the tooltip says why.
  // (Without the tabs permission the worker cannot see a chrome:// URL: the active tab is that page.)
  let restricted: Page | undefined;
  const badId = await newTabId(await sift.worker(), async () => (restricted = await sift.openPage('chrome://version/')));
  await workerEval(sift, `siftOnCommand('save-article', { id: ${badId} })`);
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${badId} })`)).toBe('!');
  expect(await workerEval<string>(sift, `chrome.action.getTitle({ tabId: ${badId} })`)).toContain('not saved');
  await restricted!.close();
});

test('in a Chinese browser the popup, the options page and the library speak Chinese', async ({ server }) => {
  const sift = await Sift.launch({ lang: 'zh-CN' });
  try {
    const page = await sift.openPage(server.url('/seed-article.html'));
    const { popup, close } = await openPopup(sift, page);
    await expect(popup.locator('html')).toHaveAttribute('lang', /^zh/);
    await expect(popup.getByTestId('save')).toHaveText('保存');
    await expect(popup.getByTestId('open-library')).toContainText('文库');
    await expect(popup.getByTestId('display-toggle')).toHaveAttribute('aria-label', '文字与主题');
    // Dates and numbers through Intl in the UI language.
    await expect(popup.locator('.article-meta time')).toHaveText('2021年1月27日');
    await expect(popup.locator('.article-meta .reading-time')).toHaveText(/^阅读约 \d+ 分钟$/);
    await popup.locator('mark[data-entity-type="place"][tabindex="0"]').first().focus();
    await expect(popup.getByTestId('entity-tip')).toContainText(/地点 · 提及 \d+ 次/);
    await popup.getByTestId('display-toggle').click();
    await expect(popup.getByTestId('font-size-value')).toHaveText(/^\d+ 像素$/);
    await expect(popup.getByTestId('theme-sepia')).toBeAttached();
    await expect(popup.locator('.display-panel')).toContainText('字号');
    await popup.keyboard.press('Escape');
    await popup.screenshot({ path: shot('reader-popup-zh') });
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('status')).toHaveText('已保存到文库');
    await close();

    const options = await sift.openExtensionPage('src/options/index.html');
    await expect(options.locator('#h-reading')).toHaveText('阅读');
    await expect(options.locator('#h-shortcuts')).toHaveText('键盘快捷键');
    await expect(options.getByTestId('shortcuts')).toContainText('在此页面打开 Sift');
    await expect(options.getByTestId('shortcuts')).toContainText('将此文章保存到文库');
    await expect(options.getByTestId('language-hint')).toContainText('中文');
    await options.screenshot({ path: shot('reader-options-zh'), fullPage: true });

    const library = await sift.openExtensionPage('src/library/index.html');
    await expect(library.locator('html')).toHaveAttribute('lang', /^zh/);
    await expect(library).toHaveTitle('Sift 文库');
    await expect(library.getByTestId('clipping')).toHaveCount(1);
  } finally {
    await sift.close();
  }
});
