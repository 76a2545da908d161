import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, shot } from './support/fixtures.ts';
import { extractInBrowser, saveRequests } from './support/articles.ts';
import { storedClippings } from './support/worker-kill.ts';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } };

async function message(page: Page, name: string, req: unknown): Promise<unknown> {
  const reply = await page.evaluate(([n, r]) => chrome.runtime.sendMessage({ sift: 1, name: n, req: r }), [name, req] as const);
  expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
  return reply.value;
}

/**
 * Click something that downloads, and return the file the page handed to the browser. Downloads
 * started by extension pages bypass Playwright's download handling (Chromium writes them to the
 * user's Downloads folder), so the Blob is taken where the page makes its object URL, together
 * with the name on the link that is clicked.
 */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  await page.evaluate(() => {
    const w = window as unknown as { __lastDownload?: Promise<{ name: string; b64: string }>; __hooked?: boolean };
    if (w.__hooked) return;
    w.__hooked = true;
    const make = URL.createObjectURL.bind(URL);
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = make(obj);
      if (obj instanceof Blob) blobs.set(url, obj);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob && this.download) {
        const name = this.download;
        w.__lastDownload = blob.arrayBuffer().then((buf) => {
          let bin = '';
          const bytes = new Uint8Array(buf);
          for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return { name, b64: btoa(bin) };
        });
      }
      return click.call(this);
    };
  });
  await page.evaluate(() => delete (window as unknown as { __lastDownload?: unknown }).__lastDownload);
  await click();
  await expect.poll(() => page.evaluate(() => !!(window as unknown as { __lastDownload?: unknown }).__lastDownload)).toBe(true);
  const got = await page.evaluate(() => (window as unknown as { __lastDownload: Promise<{ name: string; b64: string }> }).__lastDownload);
  return { name: got.name, bytes: Buffer.from(got.b64, 'base64') };
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

test('export all -> clear -> import restores the library exactly; Markdown and HTML exports are complete and inert', async ({ sift, server }) => {
  const seed = await extractInBrowser(sift, server, '/seed-article.html');
  const en = await extractInBrowser(sift, server, '/article-en.html');
  const options = await sift.openExtensionPage('src/options/index.html');
  const requests = saveRequests([seed, en], 4, 'https://example.org');
  for (const r of requests) await message(options, 'clipping.save', r);
  await message(options, 'clipping.update', { id: requests[0]!.id, tags: ['外交', 'to read'], note: '第一条笔记\nsecond line' });

  const before = byId(await storedClippings(options));
  expect(before).toHaveLength(4);
  await options.reload();
  await expect(options.getByTestId('library-count')).toContainText('4');

  const json = await download(options, () => options.getByTestId('export-json').click());
  expect(json.name).toMatch(/^sift-library-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(json.bytes.toString('utf8'));
  expect(file).toMatchObject({ format: 'sift-library', version: 1, count: 4 });

  options.once('dialog', (d) => void d.accept());
  await options.getByTestId('clear-library').click();
  // The export above left "Exported 4 clippings." in this status: wait for the clear's own words.
  await expect(options.getByTestId('data-status')).toContainText('Deleted 4');
  expect(await storedClippings(options)).toEqual([]);

  await options.getByTestId('import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
  await expect(options.getByTestId('data-status')).toContainText('4 added');
  expect(byId(await storedClippings(options))).toEqual(before);
  await options.screenshot({ path: shot('options-data-import'), fullPage: true });

  // Importing the same file again changes nothing.
  await options.getByTestId('import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
  await expect(options.getByTestId('data-status')).toContainText('4 unchanged');

  // All as Markdown: a zip of .md files with front matter.
  const md = await download(options, () => options.getByTestId('export-markdown').click());
  expect(md.name).toMatch(/\.zip$/);
  const mdFiles = unzipSync(new Uint8Array(md.bytes));
  expect(Object.keys(mdFiles)).toHaveLength(4);
  const tagged = Object.values(mdFiles).map((u) => strFromU8(u)).find((t) => t.includes('tags: ["外交", "to read"]'));
  expect(tagged).toBeDefined();
  expect(tagged).toMatch(/^---\ntitle: "布林肯与加墨日韩外长通话 加强合作关系 #1"\nurl: "https:\/\/example.org\/clip\/0"/);
  expect(tagged).toContain('note: "第一条笔记\\nsecond line"');
  expect(tagged).toContain('布林肯没有对议员详细说明他将采取什么措施来对抗中共。');

  // All as HTML: standalone, no script, a CSP of its own.
  const html = await download(options, () => options.getByTestId('export-html').click());
  const htmlFiles = Object.values(unzipSync(new Uint8Array(html.bytes))).map((u) => strFromU8(u));
  expect(htmlFiles).toHaveLength(4);
  for (const h of htmlFiles) {
    expect(h).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(h).toContain(`default-src 'none'`);
  }
  expect(htmlFiles.some((h) => h.includes('Europa'))).toBe(true);

  // From the library: a selection of two as a Markdown zip, and one clipping as HTML.
  const library = await sift.openExtensionPage('src/library/index.html');
  const rows = library.getByTestId('clipping');
  await expect(rows).toHaveCount(4);
  await rows.nth(0).getByTestId('select').check();
  await rows.nth(2).getByTestId('select').check();
  const two = await download(library, () => library.getByTestId('selected-md').click());
  expect(Object.keys(unzipSync(new Uint8Array(two.bytes)))).toHaveLength(2);
  const selJson = JSON.parse((await download(library, () => library.getByTestId('selected-json').click())).bytes.toString('utf8'));
  expect(selJson.clippings.map((c: { id: string }) => c.id).sort()).toEqual([await rows.nth(0).getAttribute('data-id'), await rows.nth(2).getAttribute('data-id')].sort());
  await library.screenshot({ path: shot('library-selection') });
  await rows.nth(1).click();
  const one = await download(library, () => library.getByTestId('export-html').click());
  expect(one.name).toMatch(/\.html$/);
  expect(one.bytes.toString('utf8')).toContain('<h1>');

  // The search index was dropped with the clear and is rebuilt from the imported clippings.
  await library.getByTestId('search').fill('气候变化');
  await expect(rows).toHaveCount(2);
});
