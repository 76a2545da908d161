import { test, expect, until, rows, saveWithPopup } from './support/fixtures.ts';

// The library in Firefox: list, search in Chinese and English, open a clipping, delete with undo.
const SEED = '布林肯与加墨日韩外长通话 加强合作关系';

test('library: lists what was saved, searches Chinese and English, opens a clipping, deletes with undo', async ({ ff, server }) => {
  await saveWithPopup(ff, server.url('/seed-article.html'));
  await saveWithPopup(ff, server.url('/article-en.html'));

  const library = await ff.openExtensionPage('src/library/index.html');
  let list = await until(() => rows(library), (r) => r.length === 2, 'two clippings');
  // Newest first.
  expect(list[1]).toContain(SEED);
  const en = list[0]!.split('\n')[0]!;
  await until(() => library.$eval('html', (h) => h.dataset.index ?? ''), (s) => s === 'ready', 'search index');

  // A Chinese word from the body (not the title): only the seed, with the word marked.
  await library.click('[data-testid=search]');
  await library.keyboard.type('气候变化');
  list = await until(() => rows(library), (r) => r.length === 1, 'Chinese search');
  expect(list[0]).toContain(SEED);
  await until(() => library.$eval('[data-testid=clipping] mark.hit', (m) => m.textContent), (t) => t === '气候变化', 'the word marked');
  // A Latin prefix as typed (Europa -> "europ") finds the English article only.
  await library.$eval('[data-testid=search]', (s) => ((s as HTMLInputElement).value = ''));
  await library.click('[data-testid=search]');
  await library.keyboard.type('europ');
  list = await until(() => rows(library), (r) => r.length === 1 && !r[0]!.includes('布林肯'), 'English search');
  expect(list[0]).toContain(en);
  await library.click('[data-testid=search]', { count: 3 });
  await library.keyboard.press('Backspace');
  await until(() => rows(library), (r) => r.length === 2, 'search cleared');

  // Open a clipping: its article, with its names highlighted.
  await library.click('[data-testid=clipping]:last-child');
  await until(() => library.$eval('[data-testid=reader] [data-testid=title]', (t) => t.textContent).catch(() => ''), (t) => t === SEED, 'reader title');
  expect(await library.$$eval('[data-testid=reader] mark[data-entity="加拿大"]', (m) => m.length)).toBeGreaterThan(0);

  // Delete from the keyboard, then Undo brings it back.
  await library.focus('[data-testid=clippings]');
  await library.keyboard.press('Home');
  await library.keyboard.press('Delete');
  await until(() => rows(library), (r) => r.length === 1, 'deleted');
  expect(await library.$eval('[data-testid=toast]', (t) => (t as HTMLElement).hidden)).toBe(false);
  await library.click('[data-testid=undo]');
  await until(() => rows(library), (r) => r.length === 2, 'undone');
  await ff.reload(library);
  await until(() => rows(library), (r) => r.length === 2, 'two after reload');
});
