import { test, expect, shot } from './support/fixtures.ts';
import { extractInBrowser, saveRequests } from './support/articles.ts';
import { savesUnderKills, storedClippings, type SaveRequest } from './support/worker-kill.ts';
import type { Page } from '@playwright/test';

// The seed article's people, each by a name the page calls them (the tagger may list a person
// under a fuller canonical name, e.g. 马克‧加诺 for 加诺, with the page's name among its aliases):
// the secretary of state, the three foreign ministers and Japan's, the presidents and the
// former secretary the article names, and the reporter in the byline.
const SEED_PEOPLE = ['布林肯', '加诺', '埃布拉德', '康京和', '茂木敏充', '拜登', '特朗普', '蓬佩奥', 'Ivan Pentchoukov'];

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } };

async function saveAll(page: Page, requests: SaveRequest[]): Promise<void> {
  for (const req of requests) {
    const reply = await page.evaluate((r) => chrome.runtime.sendMessage({ sift: 1, name: 'clipping.save', req: r }), req);
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
  }
}

test('every acknowledged save survives service-worker kills before, during and after 50 saves, exactly once', async ({ sift, server }) => {
  const pages = [await extractInBrowser(sift, server, '/seed-article.html'), await extractInBrowser(sift, server, '/article-en.html')];
  const requests = saveRequests(pages, 50);
  const library = await sift.openExtensionPage('src/library/index.html');

  const run = await savesUnderKills(sift, library, requests, { before: true, duringEvery: 3, after: true });
  expect(run.failed).toEqual([]);
  expect(run.acked).toHaveLength(50);
  expect(run.kills).toBeGreaterThanOrEqual(2 + Math.floor(50 / 3));
  // Each kill of the "before" and "after" kind was confirmed by a new worker (a new boot id).
  expect(new Set(run.boots).size).toBeGreaterThanOrEqual(3);
  console.log(`saves: ${run.acked.length} acknowledged, ${run.retries} retried, ${run.kills} kills, ${new Set(run.boots).size} worker lives`);

  const stored = await storedClippings(library);
  const ids = stored.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual([...run.acked].sort());
  expect(new Set(stored.map((c) => c.canonicalUrl)).size).toBe(50);

  // A caller that never saw the replies retries everything under the same ids: nothing doubles.
  await saveAll(library, requests);
  expect(await storedClippings(library)).toHaveLength(50);

  await library.reload();
  await expect(library.getByTestId('count')).toContainText('50');
  await expect(library.getByTestId('clipping').first()).toContainText('#50');
  await library.screenshot({ path: shot('library-after-kills') });
});

test('library: CJK and entity search with highlights, entity index, filters, reader, tags and note, keyboard, delete with undo', async ({ sift, server }) => {
  // The seed page is saved the way a user does it: toolbar click, then Save in the popup.
  const page = await sift.openPage(server.url('/seed-article.html'));
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await popup.getByTestId('save').click();
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');
  await close();

  const library = await sift.openExtensionPage('src/library/index.html');
  const en = await extractInBrowser(sift, server, '/article-en.html');
  await saveAll(library, saveRequests([en], 3, 'https://www.space.com'));
  await library.reload();
  const rows = library.getByTestId('clipping');
  await expect(rows).toHaveCount(4);
  await expect(library.locator('html')).toHaveAttribute('data-index', 'ready');

  // A Chinese word from the body (not the title): only the seed, with the word marked.
  const search = library.getByTestId('search');
  await library.keyboard.press('/');
  await expect(search).toBeFocused();
  await library.keyboard.type('气候变化');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('布林肯与加墨日韩外长通话');
  await expect(rows.first().locator('mark.hit').first()).toHaveText('气候变化');
  await library.screenshot({ path: shot('library-search-cjk') });

  // An entity name; then a Latin prefix as typed (Europa -> "europ").
  await search.fill('墨西哥');
  await expect(rows).toHaveCount(1);
  await search.fill('europ');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('.c-title mark.hit').first()).toHaveText('Europa');
  await search.fill('');
  await expect(rows).toHaveCount(4);

  // The entity index leads to the clippings that mention a name.
  const index = library.getByTestId('entity-index');
  const canada = index.locator('[data-testid=entity-link][data-entity="加拿大"]');
  await expect(canada).toContainText('1');
  await canada.click();
  await expect(rows).toHaveCount(1);
  await expect(library.getByTestId('filter-entity')).toContainText('加拿大');
  await library.getByTestId('filter-clear').click();
  await expect(rows).toHaveCount(4);
  await library.getByTestId('filter-lang').selectOption({ index: 1 });
  const byLang = await rows.count();
  expect(byLang === 1 || byLang === 3).toBe(true);
  await library.getByTestId('filter-clear').click();

  // Keyboard: arrows move, Enter opens the reader, Delete deletes, Undo brings it back.
  await library.getByTestId('clippings').focus();
  await library.keyboard.press('End');
  await library.keyboard.press('Enter');
  await expect(library.getByTestId('reader').getByTestId('title')).toHaveText('布林肯与加墨日韩外长通话 加强合作关系');
  await expect(library.getByTestId('reader').locator('mark[data-entity="加拿大"]').first()).toBeVisible();

  // Tags and note are saved and searchable.
  await library.getByTestId('tags').fill('外交, 2021');
  await library.getByTestId('note').fill('Read again before the summit.');
  await library.getByTestId('note').blur();
  await expect(library.getByTestId('meta-status')).not.toBeEmpty();
  await search.fill('summit');
  await expect(rows).toHaveCount(1);
  await search.fill('');
  await library.screenshot({ path: shot('library-reader') });

  await library.getByTestId('clippings').focus();
  await library.keyboard.press('Home');
  await library.keyboard.press('Delete');
  await expect(rows).toHaveCount(3);
  await expect(library.getByTestId('toast')).toBeVisible();
  await library.getByTestId('undo').click();
  await expect(rows).toHaveCount(4);

  // Several at once: select two, delete them, undo.
  await rows.nth(0).getByTestId('select').check();
  await rows.nth(1).getByTestId('select').check();
  await expect(library.getByTestId('selection-count')).toContainText('2');
  await library.getByTestId('delete-selected').click();
  await expect(rows).toHaveCount(2);
  await library.getByTestId('undo').click();
  await expect(rows).toHaveCount(4);

  await library.reload();
  await search.fill('外交');
  await expect(rows.first()).toContainText('布林肯');
  await rows.first().click();
  await expect(library.getByTestId('tags')).toHaveValue('外交, 2021');
  await expect(library.getByTestId('note')).toHaveValue('Read again before the summit.');
  await search.fill('');

  // The seed page's people in the entity index: each exactly once, by its canonical name or one
  // of its other names (shown in the link's tooltip).
  const people = index.locator('[data-testid=entity-link][data-entity-type=person]');
  await expect(people.first()).toBeVisible();
  const listed = await people.evaluateAll((links) =>
    links.map((b) => ({ name: (b as HTMLElement).dataset.entity!, aliases: JSON.parse((b as HTMLElement).dataset.aliases ?? '[]') as string[], title: (b as HTMLElement).title })),
  );
  for (const name of SEED_PEOPLE) {
    const found = listed.filter((p) => p.name === name || p.aliases.includes(name));
    expect(found, `${name} in ${JSON.stringify(listed)}`).toHaveLength(1);
    if (found[0]!.name !== name) expect(found[0]!.title).toContain(name);
  }
  await library.screenshot({ path: shot('library-entity-index') });
});
