import type { ElementHandle } from 'puppeteer-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, until, saveWithPopup, storedClippings } from './support/fixtures.ts';

// The options page in Firefox: settings persist and reach the popup; export -> clear -> import.
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

test('settings persist across reloads and the next popup follows them', async ({ ff, server }) => {
  const options = await ff.openExtensionPage('src/options/index.html');
  const checked = (id: string) => options.$eval(`[data-testid=${id}]`, (e) => (e as HTMLInputElement).checked);
  expect(await checked('toggle-place')).toBe(true);
  await options.click('[data-testid=toggle-place]');
  await options.click('[data-testid=theme-sepia]');
  await until(() => ff.ext<Record<string, unknown>>('browser.storage.local.get()'), (s) => JSON.stringify(s).includes('sepia'), 'settings stored');
  await ff.reload(options);
  expect(await checked('toggle-place')).toBe(false);
  expect(await checked('theme-sepia')).toBe(true);

  const page = await ff.openPage(server.url('/seed-article.html'));
  const popup = await ff.clickToolbar(page);
  await popup.waitState('ready');
  expect(await popup.count('mark[data-entity-type="place"]')).toBe(0);
  expect(await popup.count('mark[data-entity-type]')).toBeGreaterThan(0);
  expect(await popup.eval<string>(`return d.documentElement.dataset.theme ?? '';`)).toBe('sepia');
});

test('export the library, delete everything, import the file: the library is back exactly', async ({ ff, server }) => {
  await saveWithPopup(ff, server.url('/seed-article.html'));
  await saveWithPopup(ff, server.url('/article-en.html'));
  const before = byId(await storedClippings(ff));
  expect(before).toHaveLength(2);
  await ff.message('clipping.update', { id: before[0]!.id, tags: ['外交', 'to read'], note: '第一条笔记' });
  const tagged = byId(await storedClippings(ff));

  const options = await ff.openExtensionPage('src/options/index.html');
  await until(() => options.$eval('[data-testid=library-count]', (e) => e.textContent ?? ''), (t) => t.includes('2'), 'library count');
  // A real download: Firefox writes the file the page offers into the profile's download folder.
  await options.click('[data-testid=export-json]');
  const name = await until(() => Promise.resolve(readdirSync(ff.downloads).find((f) => /^sift-library-.*\.json$/.test(f))), (f) => !!f, 'the export file');
  const file = join(ff.downloads, name!);
  const text = await until(() => Promise.resolve(readFileSync(file, 'utf8')), (t) => t.trim().endsWith('}'), 'the export written');
  expect(JSON.parse(text)).toMatchObject({ format: 'sift-library', version: 1, count: 2 });

  options.once('dialog', (d) => void d.accept());
  await options.click('[data-testid=clear-library]');
  await until(() => options.$eval('[data-testid=data-status]', (e) => e.textContent ?? ''), (t) => t.includes('Deleted 2'), 'cleared');
  expect(await storedClippings(ff)).toEqual([]);

  const input = (await options.$('input[data-testid=import-file]')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(file);
  await until(() => options.$eval('[data-testid=data-status]', (e) => e.textContent ?? ''), (t) => t.includes('2 added'), 'imported');
  expect(byId(await storedClippings(ff))).toEqual(tagged);
});
