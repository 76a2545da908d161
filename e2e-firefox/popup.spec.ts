import { test, expect, until } from './support/fixtures.ts';

// The toolbar popup in Firefox, with the same stable hooks as in Chromium (e2e/user-path.spec.ts).
const TITLE = '布林肯与加墨日韩外长通话 加强合作关系';
const FIRST = '据美国国务院对外发布的消息，国务卿安东尼‧布林肯（Antony Blinken）周二（1月26日）打出了他任内的第一通外交电话';
const LAST = '布林肯没有对议员详细说明他将采取什么措施来对抗中共。';
const CLUTTER = ['首页', '美国新闻', '热点推荐', '翻墙教程', '禁书下载', '手机上长按并复制下列链接或二维码分享本文章'];
const TAGGED = ['布林肯', '加拿大', '墨西哥', '日本', '韩国'];
const squash = (s: string) => s.replace(/\s+/g, '');

test('toolbar popup on the seed article: ready, the cleaned article, names highlighted, Save, then the library lists it', async ({ ff, server }) => {
  const page = await ff.openPage(server.url('/seed-article.html'));
  const popup = await ff.clickToolbar(page);
  await popup.waitState('ready');
  expect(await popup.text('[data-testid=title]')).toBe(TITLE);
  const text = squash(await popup.text('[data-testid=article]'));
  expect(text).toContain(squash(FIRST));
  expect(text).toContain(LAST);
  for (const line of CLUTTER) expect(text, `clutter "${line}"`).not.toContain(line);
  for (const name of TAGGED) {
    expect(await popup.count(`[data-testid=article] mark[data-entity="${name}"]`), `highlights of ${name}`).toBeGreaterThan(0);
    expect(await popup.attr(`[data-testid=article] mark[data-entity="${name}"]`, 'data-entity-type')).toMatch(/^(person|place|organization|topic)$/);
    expect(await popup.count(`[data-testid=entities] [data-entity="${name}"]`)).toBe(1);
  }
  // The article is painted first; its names follow and are highlighted after.
  const marks = await popup.marks();
  expect(marks['sift:article-painted']?.at).toBeGreaterThan(0);
  expect(marks['sift:names-painted']!.at).toBeGreaterThan(marks['sift:article-painted']!.at);

  await popup.click('[data-testid=save]');
  await popup.waitState('saved');
  await popup.click('[data-testid=save]');
  await popup.waitState('saved');
  await popup.close();

  const library = await ff.openExtensionPage('src/library/index.html');
  await until(() => library.$$eval('[data-testid=clipping]', (r) => r.length), (n) => n === 1, 'one clipping');
  expect(await library.$eval('[data-testid=clipping]', (r) => (r as HTMLElement).innerText)).toContain(TITLE);
});

test('a page that is not an article says so and offers "show anyway"', async ({ ff, server }) => {
  const page = await ff.openPage(server.url('/news-index.html'));
  const popup = await ff.clickToolbar(page);
  await popup.waitState('not-article');
  expect(await popup.text('[data-testid=notice]')).toContain('mostly links');
  await popup.click('[data-testid=show-anyway]');
  await popup.waitState('ready');
  expect(await popup.text('[data-testid=article]')).toContain('Council approves new budget');
});

test('a page Firefox does not let extensions read gives the error state in plain words', async ({ ff }) => {
  const page = await ff.openPage('about:robots');
  const popup = await ff.clickToolbar(page);
  await popup.waitState('error');
  expect(await popup.text('[data-testid=notice]')).toContain('Browsers do not let extensions read this page');
  expect(await popup.eval<boolean>(`return d.querySelector('[data-testid=save]').disabled;`)).toBe(true);
});

test('context menu "Save article" is registered and its handler saves the tab without opening anything', async ({ ff, server }) => {
  // Menus are created on install; update() rejects for an id that does not exist.
  expect(await ff.ext<boolean>(`browser.contextMenus.update('save-article', {}).then(() => true, () => false)`)).toBe(true);
  const url = server.url('/seed-article.html');
  const page = await ff.openPage(url);
  // A real right-click grants activeTab as the toolbar click does; the native menu cannot be
  // clicked from a test, so the toolbar click stands in for it and the handler is called directly.
  const popup = await ff.clickToolbar(page);
  await popup.waitState('ready');
  await popup.close();
  const tabId = await ff.tabId(url);
  await ff.background('siftOnMenuClicked', { menuItemId: 'save-article', editable: false, pageUrl: url }, { id: tabId });
  await until(() => ff.ext<string>(`browser.action.getBadgeText({ tabId: ${tabId} })`), (t) => t === '✓', 'badge', 20_000);
  expect(await ff.ext<string>(`browser.action.getTitle({ tabId: ${tabId} })`)).toContain('布林肯与加墨日韩外长通话');
  const library = await ff.openExtensionPage('src/library/index.html');
  await until(() => library.$$eval('[data-testid=clipping]', (r) => r.map((e) => (e as HTMLElement).innerText)), (t) => t.length === 1 && t[0]!.includes('布林肯'), 'the saved clipping');
});
