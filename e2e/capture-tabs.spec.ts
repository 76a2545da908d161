import { Sift } from './support/sift.ts';
import { test as base, expect } from './support/fixtures.ts';
import { storedClippings } from './support/worker-kill.ts';
import { articleAt, DIST_CHROME_TEST } from './capture/support.ts';

// Save link, save selection (context-menu handlers through the worker, as user-path.spec.ts
// does: Playwright cannot click the native menu) and save all tabs, in the test build.

const test = base.extend<{ sift: Sift }>({
  sift: async ({}, use) => {
    const sift = await Sift.launch({ dist: DIST_CHROME_TEST });
    await use(sift);
    await sift.close();
  },
});

async function workerEval<T>(sift: Sift, fn: string): Promise<T> {
  return (await sift.worker()).evaluate(fn) as Promise<T>;
}

type Stored = { id: string; url: string; title: string; kind?: string; html: string; text: string; sourceUrl: string | null };

test('context menu: "Save link" fetches and saves the linked page without opening it; "Save selection" keeps just the passage', async ({ sift, server }) => {
  for (const id of ['save-link', 'save-selection', 'save-all-tabs']) {
    await expect.poll(() => workerEval<boolean>(sift, `chrome.contextMenus.update('${id}', {}).then(() => true, () => false)`)).toBe(true);
  }
  articleAt(server, '/linked', 1);
  const page = await sift.openPage(server.url('/article-en.html'));
  const tabId = await workerEval<number>(sift, `chrome.tabs.query({ url: '${server.url('/article-en.html')}' }).then(t => t[0].id)`);

  await workerEval(sift, `siftOnMenuClicked({ menuItemId: 'save-link', linkUrl: '${server.url('/linked')}', linkText: 'A linked story', editable: false, pageUrl: '' }, { id: ${tabId} })`);
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${tabId} })`), { timeout: 30_000 }).toBe('✓');
  expect(sift.context.pages().some((p) => p.url().endsWith('/linked'))).toBe(false);

  // Select the article's second paragraph, as a user would drag over it.
  const passage = await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p, p')].find((x) => (x.textContent ?? '').length > 120)!;
    const r = document.createRange();
    r.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    return p.textContent!.trim();
  });
  await workerEval(sift, `siftOnMenuClicked({ menuItemId: 'save-selection', selectionText: 'x', editable: false, pageUrl: '' }, { id: ${tabId} })`);
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getTitle({ tabId: ${tabId} })`), { timeout: 20_000 }).toContain('selection is saved');

  const library = await sift.openExtensionPage('src/library/index.html');
  const stored = (await storedClippings(library)) as unknown as Stored[];
  const link = stored.find((c) => c.url.endsWith('/linked'))!;
  expect(link.kind).toBeUndefined();
  expect(link.text.length).toBeGreaterThan(500);
  const sel = stored.find((c) => c.kind === 'selection')!;
  expect(sel.text.replace(/\s+/g, ' ')).toBe(passage.replace(/\s+/g, ' '));
  expect(sel.url).toBe(server.url('/article-en.html'));
  await expect(library.locator('[data-testid=clipping][data-kind=selection]')).toHaveCount(1);
  await expect(library.locator('[data-testid=clipping][data-kind=selection]')).toContainText('Selection');

  // A link whose page cannot be fetched: kept as a link-only clipping, with why, and the badge says so.
  await workerEval(sift, `siftOnMenuClicked({ menuItemId: 'save-link', linkUrl: '${server.url('/no-such-page')}', linkText: 'Gone', editable: false, pageUrl: '' }, { id: ${tabId} })`);
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${tabId} })`), { timeout: 30_000 }).toBe('!');
  const row = library.locator('[data-testid=clipping][data-kind=link]');
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toContainText('Link only');
  await row.click();
  await expect(library.getByTestId('capture-kind')).toContainText('404');

  // The badge of a tab whose page is in the library (the test build may read 127.0.0.1's tabs),
  // gone when the tab goes on to a page that is not (a selection of it is not the page).
  const linked = await sift.openPage(server.url('/linked'));
  const linkedTab = await workerEval<number>(sift, `chrome.tabs.query({ url: '${server.url('/linked')}' }).then(t => t[0].id)`);
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${linkedTab} })`), { timeout: 10_000 }).toBe('✓');
  expect(await workerEval<string>(sift, `chrome.action.getTitle({ tabId: ${linkedTab} })`)).toContain('already in your library');
  await linked.goto(server.url('/article-en.html'));
  await expect.poll(() => workerEval<string>(sift, `chrome.action.getBadgeText({ tabId: ${linkedTab} })`), { timeout: 10_000 }).toBe('');
});

test('"Save all tabs" saves the three article tabs and reports the one that is not an article', async ({ sift, server }) => {
  articleAt(server, '/third-article', 3);
  for (const path of ['/article-en.html', '/seed-article.html', '/third-article', '/news-index.html']) await sift.openPage(server.url(path));
  const options = await sift.openExtensionPage('src/options/index.html');
  // The options page's own button (the toolbar menu item calls the same code).
  await options.evaluate(() => {
    // The browser's permission dialog cannot be answered headless; the test build already holds
    // the permission for 127.0.0.1, so the request is answered "no" here without a dialog.
    (globalThis as unknown as { chrome: { permissions: { request: () => Promise<boolean> } } }).chrome.permissions.request = async () => false;
  });
  await options.getByTestId('save-all-tabs').click();
  const report = options.getByTestId('save-all-tabs-report');
  await expect(report).toHaveAttribute('data-saved', '3', { timeout: 60_000 });
  await expect(report).toHaveAttribute('data-not-articles', '1');
  await expect(report).toHaveAttribute('data-failed', '0');
  const stored = (await storedClippings(options)) as unknown as Stored[];
  expect(stored.map((c) => new URL(c.url).pathname).sort()).toEqual(['/article-en.html', '/seed-article.html', '/third-article']);
});
