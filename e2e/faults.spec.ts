import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PageServer } from './support/server.ts';
import { Sift } from './support/sift.ts';
import { shot } from './support/fixtures.ts';
import { killWorker, storedClippings, workerBootId } from './support/worker-kill.ts';
import { smallDiskChromium } from './support/small-disk.ts';

// Faults, injected for real: the service worker stopped in the middle of saves, a disk that is
// full, results too large to pass as a message, a tab closed while it is read. Each has one
// defined outcome: a clear message, nothing partial written, nothing lost, nothing hung.

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
};

const PAGES = resolve(import.meta.dirname, 'pages');
const WORKER_GONE = 'Sift restarted in the background. Please try again.';
const STORAGE_FULL = /disk is full or the browser refused more storage/;
const TOO_LARGE = 'This page is too large for Sift to read or save in one go.';

type Stored = Awaited<ReturnType<typeof storedClippings>>[number];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Article text in paragraphs of words drawn from a real article: hard to compress, like prose. */
function prose(chars: number, seed = 7): string {
  const words = readFileSync(resolve(PAGES, 'article-en.html'), 'utf8').replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z,.'-]{2,}$/.test(w));
  let x = seed;
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const para: string[] = [];
    for (let i = 0; i < 60; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      para.push(words[x % words.length]!);
    }
    const p = `<p>${para.join(' ')}.</p>`;
    out.push(p);
    n += p.length;
  }
  return out.join('\n');
}

/** Long pages lay out only what is on screen (content-visibility), as long pages now do. */
function articlePage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>p{content-visibility:auto;contain-intrinsic-size:auto 3em}</style></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

async function status(popup: Page, states: RegExp, timeout = 30_000): Promise<string> {
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', states, { timeout });
  return (await popup.getByTestId('status').getAttribute('data-state'))!;
}

test('the service worker killed during saves: each save ends saved or asks to retry, nothing partial, a retry stores exactly one', async () => {
  test.setTimeout(150_000);
  const server = await new PageServer().start();
  const sift = await Sift.launch();
  try {
    const library = await sift.openExtensionPage('src/library/index.html');
    const tab = sift.context.pages()[0]!;
    const pages = ['/article-en.html', '/seed-article.html', '/bad/mixed-scripts.html', '/bad/rtl-arabic.html', '/bad/iframes.html', '/bad/shadow-dom.html'];
    const delays = [0, 3, 8, 15, 30, 60];
    const outcomes: string[] = [];
    const boots = new Set([await workerBootId(sift)]);
    for (let i = 0; i < pages.length; i++) {
      const url = server.url(pages[i]!);
      await tab.goto(url);
      const { popup, close } = await sift.clickToolbar(tab);
      await status(popup, /^(ready|not-article)$/);
      if ((await popup.getByTestId('status').getAttribute('data-state')) === 'not-article') await popup.getByTestId('show-anyway').click();
      await status(popup, /^ready$/);
      // Save, and stop the worker a moment later: before it reads the message, mid-transaction
      // or after the commit, depending on the delay.
      await popup.getByTestId('save').click();
      await sleep(delays[i]!);
      await sift.stopWorker();
      const first = await status(popup, /^(saved|error)$/);
      outcomes.push(first);
      if (first === 'error') await expect(popup.getByTestId('status')).toContainText(WORKER_GONE);
      const mine = (all: Stored[]) => all.filter((c) => c.url === url);
      const before = mine(await storedClippings(library));
      expect(before.length, `${url}: at most one clipping after the kill`).toBeLessThanOrEqual(1);
      if (first === 'saved') expect(before.length, `${url}: an acknowledged save is stored`).toBe(1);
      // The user presses Save again: a new worker answers, and the clipping exists exactly once.
      await popup.getByTestId('save').click();
      await status(popup, /^saved$/);
      const after = mine(await storedClippings(library));
      expect(after.length).toBe(1);
      const c = after[0]! as Stored & { html: string; text: string; title: string; entities: unknown[] };
      expect(c.text.length, 'the stored clipping is complete').toBeGreaterThan(200);
      if (before.length === 1) {
        const b = before[0]! as typeof c;
        expect({ id: b.id, html: b.html, text: b.text, title: b.title }, 'what the killed save wrote is the whole clipping').toEqual({ id: c.id, html: c.html, text: c.text, title: c.title });
      }
      boots.add(await workerBootId(sift));
      await popup.close();
      await close();
    }
    // Every kill really restarted the worker, and the library holds one clipping per page.
    expect(boots.size).toBe(pages.length + 1);
    expect((await storedClippings(library)).length).toBe(pages.length);
    console.log(JSON.stringify({ kills: pages.length, outcomes }));

    // A quick save (context menu) killed in flight, then repeated: still one clipping.
    const url = server.url('/bad/base-href.html');
    await tab.goto(url);
    const { popup, close } = await sift.clickToolbar(tab);
    await status(popup, /^ready$/);
    await popup.close();
    await close();
    const worker = await sift.worker();
    const tabId = await worker.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(url)} }).then(t => t[0].id)`);
    void worker.evaluate(`siftQuickSave(${tabId})`).catch(() => null);
    await sleep(40);
    // Stop the worker mid-save, then wake a new one (a message from the library) and wait for it.
    await killWorker(sift, library);
    const afterKill = (await storedClippings(library)).filter((c) => c.url === url);
    expect(afterKill.length).toBeLessThanOrEqual(1);
    const fresh = sift.context.serviceWorkers().at(-1)!;
    const again = (await fresh.evaluate(`siftQuickSave(${tabId})`)) as { ok: boolean; error?: string };
    expect(again.ok, again.error).toBe(true);
    expect((await storedClippings(library)).filter((c) => c.url === url).length).toBe(1);
  } finally {
    await sift.close();
    await server.stop();
  }
});

test('a full disk: saving says so, writes nothing partial, and the library stays as it was', async () => {
  // Half a minute alone; longer beside another worker's Chromium on two cores.
  test.setTimeout(240_000);
  const server = await new PageServer().start();
  // About 6 MB of cleaned article (html + text), still more than the 2 MB disk holds once Chromium
  // compresses IndexedDB values (it compresses them: with a 4 MB disk, under 8 MB of page fitted).
  // Half the page of the first version of this test: reading it is most of the test's time.
  const big = articlePage('A very long report that does not fit', prose(3_000_000));
  server.route('/big-article.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(big));
  const sift = await Sift.launch({ executablePath: smallDiskChromium(2) });
  try {
    const library = await sift.openExtensionPage('src/library/index.html');
    const tab = sift.context.pages()[0]!;

    // A normal save fits.
    await tab.goto(server.url('/article-en.html'));
    let opened = await sift.clickToolbar(tab);
    await status(opened.popup, /^ready$/);
    await opened.popup.getByTestId('save').click();
    await status(opened.popup, /^saved$/);
    await opened.popup.close();
    await opened.close();
    const kept = await storedClippings(library);
    expect(kept.length).toBe(1);

    // The big one does not: the popup says the disk is full, twice (a retry changes nothing).
    await tab.goto(server.url('/big-article.html'));
    opened = await sift.clickToolbar(tab);
    await status(opened.popup, /^ready$/, 60_000);
    for (let attempt = 0; attempt < 2; attempt++) {
      await opened.popup.getByTestId('save').click();
      await status(opened.popup, /^error$/, 60_000);
      await expect(opened.popup.getByTestId('status')).toContainText(STORAGE_FULL);
    }
    await opened.popup.screenshot({ path: shot('fault-disk-full') });
    await opened.popup.close();
    await opened.close();

    // The context menu's quick save says the same on the badge.
    const worker = await sift.worker();
    const tabId = await worker.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(server.url('/big-article.html'))} }).then(t => t[0].id)`);
    const quick = (await worker.evaluate(`siftQuickSave(${tabId})`)) as { ok: boolean; error?: string };
    expect(quick.ok).toBe(false);
    expect(quick.error).toMatch(STORAGE_FULL);

    // Nothing partial: the library holds exactly the clipping it had, unchanged.
    const now = await storedClippings(library);
    expect(now).toEqual(kept);
    await library.reload();
    await expect(library.getByTestId('clipping')).toHaveCount(1);
  } finally {
    await sift.close();
    await server.stop();
  }
});

test('results too large to pass as a message are refused with a clear error, and nothing hangs', async () => {
  test.setTimeout(150_000);
  const server = await new PageServer().start();
  // More text than the content script reads (8 M characters): refused before any work.
  const huge = articlePage('Nine million characters', prose(9_000_000, 3));
  server.route('/huge-text.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(huge));
  // Under the text limit (3.3 M characters), but the cleaned result (CJK html + text, 3 bytes a
  // character in UTF-8) is about 20 MB, over the 16 MiB Sift passes on.
  const cjk = '黄河边的小学迎来了第一批图书馆志愿者图书馆只有一个房间书架是村民们用旧木料亲手做的孩子们每周都可以借两本书回家';
  const cjkBody = Array.from({ length: 11_500 }, (_, i) => `<p>${cjk.repeat(6).slice(i % 7)}${i}</p>`).join('\n');
  server.route('/huge-result.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage('结果太大', cjkBody)));
  const sift = await Sift.launch();
  try {
    const library = await sift.openExtensionPage('src/library/index.html');
    const tab = sift.context.pages()[0]!;
    const timings: Record<string, number> = {};
    for (const path of ['/huge-text.html', '/huge-result.html']) {
      await tab.goto(server.url(path));
      const t0 = Date.now();
      const { popup, close } = await sift.clickToolbar(tab);
      await status(popup, /^error$/, 60_000);
      timings[path] = Date.now() - t0;
      await expect(popup.getByTestId('status')).toContainText(TOO_LARGE);
      await popup.close();
      await close();
    }
    const reply = await library.evaluate(() => chrome.runtime.sendMessage({ sift: 1, name: 'no.such.message', req: {} }));
    expect(reply.error?.code, 'the worker still answers').toBe('unknown-message');

    // An import whose one record is over runtime.sendMessage's 64 MiB: the extension page's
    // send() gets Chromium's synchronous throw and the import says why. The two records travel in
    // one message (the chunker fills a chunk before it weighs the next record), so neither is
    // written: nothing partial, and the worker lives on.
    const options = await sift.openExtensionPage('src/options/index.html');
    const now = new Date().toISOString();
    const clipping = (id: string, url: string, text: string) => ({
      id, schema: 1, title: `Import ${id}`, byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
      url, canonicalUrl: url, sourceUrl: null, leadImage: null, excerpt: null, wordCount: 10, readingMinutes: 1,
      html: `<p>${text}</p>`, text, entities: [], tags: [], note: '', savedAt: now, updatedAt: now,
    });
    const file = JSON.stringify({
      format: 'sift-library', version: 1, exportedAt: now, count: 2,
      clippings: [clipping('small-0001', 'https://example.org/small', 'A small clipping that fits.'), clipping('huge-0001', 'https://example.org/huge', 'x'.repeat(36 * 1024 * 1024))],
    });
    const dir = mkdtempSync(join(tmpdir(), 'sift-import-'));
    writeFileSync(join(dir, 'huge.json'), file);
    // The page reads the chosen file lazily, from disk: it must stay there until the import ends.
    await options.getByTestId('import-file').setInputFiles(join(dir, 'huge.json'));
    await expect(options.getByTestId('data-status')).toContainText(/too large|exceeded maximum|Message length/i, { timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
    const stored = await storedClippings(options);
    expect(stored.map((c) => c.id)).toEqual([]);
    const after = await options.evaluate(() => chrome.runtime.sendMessage({ sift: 1, name: 'no.such.message', req: {} }));
    expect(after.error?.code).toBe('unknown-message');
    console.log(JSON.stringify({ timings }));
  } finally {
    await sift.close();
    await server.stop();
  }
});

test('a tab closed while Sift reads it: the popup says so at once', async () => {
  test.setTimeout(60_000);
  const server = await new PageServer().start();
  // A page whose own script never yields once it is told to (an endless loop): the read waits
  // until the tab goes away.
  server.route('/busy.html', (_req, res) =>
    void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      articlePage('Busy', `${prose(4000)}<script>addEventListener('hashchange', () => { for (;;); });</script>`),
    ),
  );
  const sift = await Sift.launch();
  try {
    const tab = sift.context.pages()[0]!;
    const url = server.url('/busy.html');
    await tab.goto(url);
    // The toolbar click grants activeTab; the popup page then reads the tab from a tab of its own
    // (the toolbar popup itself closes when its tab does).
    const opened = await sift.clickToolbar(tab);
    await opened.popup.close();
    await opened.close();
    const tabId = await (await sift.worker()).evaluate(`chrome.tabs.query({ url: ${JSON.stringify(url)} }).then(t => t[0].id)`);
    // Hang the page (a same-document navigation keeps activeTab's grant).
    await tab.evaluate(() => setTimeout(() => (location.hash = 'hang'), 0));
    const reader = await sift.context.newPage();
    await reader.goto(sift.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
    await tab.close();
    const t0 = Date.now();
    await status(reader, /^error$/, 20_000);
    expect(Date.now() - t0, 'the answer comes at once, not after the 30 s timeout').toBeLessThan(10_000);
    await expect(reader.getByTestId('status')).toContainText('There is no page to read in this tab.');
  } finally {
    await sift.close();
    await server.stop();
  }
});
