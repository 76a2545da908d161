import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { Sift, DIST_CHROME } from '../e2e/support/sift.ts';
import { makeClipping, type Clipping } from '../src/core/clipping.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../src/core/export/library-json.ts';
import { loadCorpus, type CorpusPage } from './library-corpus.ts';
import { cjkQueries, latinQueries } from './library-queries.ts';

// npm run bench:library: a library of 10,000 clippings made from the dev sets' pages (cycled,
// each run through the real pipeline), loaded into the built extension in headless Chromium.
// Reports save time through the real save path, library first paint, search latency for Latin and
// CJK queries, the page's memory and the IndexedDB size. Run it holding the e2e lock, after a
// build: flock /tmp/sift-e2e.lock bash -c 'npm run build && npm run bench:library'

const TOTAL = Number(process.env.SIFT_BENCH_CLIPPINGS ?? 10_000);
const TIMED_SAVES = 100;
const IMPORT_CHUNK = 200;
const WARM_OPENS = 3;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } };

const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
const r1 = (x: number) => Math.round(x * 10) / 10;

function variant(p: CorpusPage, i: number): { url: string; article: CorpusPage['article'] } {
  const sep = p.article.canonicalUrl.includes('?') ? '&' : '?';
  const url = `${p.article.canonicalUrl.replace(/#.*$/, '')}${sep}sift-bench=${i}`;
  return { url, article: { ...p.article, url, canonicalUrl: url } };
}

/** Timed saves: 'clipping.save' from an extension page, as the popup sends it; round trip in the page. */
async function timedSaves(page: Page, corpus: CorpusPage[], from: number, n: number): Promise<number[]> {
  const reqs = Array.from({ length: n }, (_, k) => {
    const p = corpus[(from + k) % corpus.length]!;
    return { id: randomUUID(), article: variant(p, from + k).article, entities: p.entities };
  });
  return page.evaluate(async (list) => {
    const out: number[] = [];
    for (const req of list) {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ sift: 1, name: 'clipping.save', req });
      out.push(performance.now() - t0);
      if (!reply.ok) throw new Error(reply.error?.message);
    }
    return out;
  }, reqs);
}

/** The bulk of the library through 'library.import' (the same worker, store and transactions). */
async function bulkImport(page: Page, corpus: CorpusPage[], from: number, n: number): Promise<number> {
  const t0 = performance.now();
  const now = Date.now();
  for (let at = 0; at < n; at += IMPORT_CHUNK) {
    const clippings: Clipping[] = [];
    for (let k = at; k < Math.min(n, at + IMPORT_CHUNK); k++) {
      const i = from + k;
      const p = corpus[i % corpus.length]!;
      // Saved over about three years, newest last, so dates and the list order are realistic.
      const savedAt = new Date(now - (TOTAL - i) * 2.6 * 3600_000);
      clippings.push(makeClipping(randomUUID(), variant(p, i).article, p.entities, savedAt));
    }
    const json = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), clippings });
    const reply = await page.evaluate((j) => chrome.runtime.sendMessage({ sift: 1, name: 'library.import', req: { json: j } }), json);
    if (!reply.ok) throw new Error(reply.error?.message);
    if ((at / IMPORT_CHUNK) % 10 === 0) log(`imported ${from + at + clippings.length}/${TOTAL}`);
  }
  return performance.now() - t0;
}

interface OpenFigures {
  fcpMs: number;
  firstRowsMs: number;
  allRowsMs: number;
  indexReadyMs: number;
}

async function openLibrary(sift: Sift): Promise<{ page: Page; figures: OpenFigures }> {
  const page = await sift.context.newPage();
  // In front, as a user's tab is: background tabs get their timers throttled.
  await page.bringToFront();
  await page.goto(sift.extensionUrl('src/library/index.html'));
  page.on('console', (m) => m.type() !== 'log' && log(`page ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  const t0 = Date.now();
  for (;;) {
    const state = await page.evaluate(`[document.documentElement.dataset.index, document.querySelector('[data-testid=index-status]')?.textContent, document.visibilityState, location.href, document.querySelectorAll('[data-testid=clipping]').length, performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime)).join(' ')]`);
    const [index, status, visibility, href, rows, marks] = state as string[];
    log(`${href} rows=${rows} marks=${marks}`);
    if (index !== 'ready') await page.screenshot({ path: '/tmp/c-bench-shot.png' });
    if (index === 'ready') break;
    if (Date.now() - t0 > 900_000) throw new Error(`library not ready: ${status}`);
    log(`library ${visibility}: ${index ?? 'starting'} ${status ?? ''}`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  // Evaluated as a string: tsx would wrap named inner functions in a helper the page lacks.
  const figures = (await page.evaluate(`(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN;
    return { fcpMs: fcp, firstRowsMs: mark('sift:first-rows'), allRowsMs: mark('sift:all-rows'), indexReadyMs: mark('sift:index-ready') };
  })()`)) as OpenFigures;
  return { page, figures };
}

async function timeSearch(page: Page, query: string): Promise<{ ms: number; paintMs: number; shown: number }> {
  return page.evaluate(`new Promise((done) => {
    const q = ${JSON.stringify(query)};
    const input = document.querySelector('[data-testid=search]');
    const on = (e) => {
      if (e.detail.query !== q) return;
      document.removeEventListener('sift:searched', on);
      done({ ms: e.detail.ms, paintMs: e.detail.paintMs, shown: e.detail.shown });
    };
    document.addEventListener('sift:searched', on);
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })`);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(process.env.SIFT_DIST ?? DIST_CHROME, 'manifest.json'))) throw new Error('Build first: npm run build (under the e2e lock)');
  const corpus = loadCorpus(log);
  const cjkPages = corpus.filter((p) => /^(zh|ja|ko)/i.test(p.article.lang ?? '') || p.set === 'cjk-dev').length;
  log(`corpus: ${corpus.length} pages (${cjkPages} CJK), median extraction ${r1(median(corpus.map((p) => p.ms)))} ms in Node`);
  // SIFT_DIST: a private copy of dist/chrome, so a long run need not hold the shared e2e lock.
  const sift = await Sift.launch(process.env.SIFT_DIST ? { dist: resolve(process.env.SIFT_DIST) } : {});
  try {
    const page = await sift.openExtensionPage('src/options/index.html');
    log('timed saves into an empty library…');
    const savesEmpty = await timedSaves(page, corpus, 0, TIMED_SAVES);
    const importMs = await bulkImport(page, corpus, TIMED_SAVES, TOTAL - 2 * TIMED_SAVES);
    log('timed saves at full size…');
    const savesFull = await timedSaves(page, corpus, TOTAL - TIMED_SAVES, TIMED_SAVES);
    const storage = await page.evaluate(() => navigator.storage.estimate());
    await page.close();

    log('first open: builds the search index from every clipping…');
    const cold = await openLibrary(sift);
    const persistMs = await cold.page.evaluate(async () => {
      const t0 = performance.now();
      await (globalThis as unknown as { siftPersistIndex(): Promise<void> }).siftPersistIndex();
      return performance.now() - t0;
    });
    const rowsShown = await cold.page.locator('[data-testid=clipping]').count();
    const countText = await cold.page.getByTestId('count').textContent();
    await cold.page.close();

    const warm: OpenFigures[] = [];
    let lib: Page | null = null;
    for (let i = 0; i < WARM_OPENS; i++) {
      if (lib) await lib.close();
      const o = await openLibrary(sift);
      warm.push(o.figures);
      lib = o.page;
    }
    const page2 = lib!;
    const heapAfterOpen = await heapMb(page2);

    const latin = latinQueries(corpus, 40);
    const cjk = cjkQueries(corpus, 40);
    // One warm-up pass (JIT), then the measured pass.
    for (const q of [...latin.slice(0, 5), ...cjk.slice(0, 5)]) await timeSearch(page2, q);
    const measure = async (qs: string[]) => {
      const rows = [];
      for (const q of qs) rows.push(await timeSearch(page2, q));
      return rows;
    };
    const latinRes = await measure(latin);
    const cjkRes = await measure(cjk);
    const heapAfterSearch = await heapMb(page2);
    // Scrolling the virtual list from top to bottom: the rows in the DOM stay a screenful.
    const domRows = (await page2.evaluate(`(async () => {
      const input = document.querySelector('[data-testid=search]');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const vp = document.querySelector('[data-testid=clippings]');
      vp.scrollTop = vp.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return document.querySelectorAll('[data-testid=clipping]').length;
    })()`)) as number;
    const stat = (rows: { ms: number; paintMs: number; shown: number }[]) => ({
      p50Ms: r1(quantile(rows.map((r) => r.ms), 0.5)),
      p95Ms: r1(quantile(rows.map((r) => r.ms), 0.95)),
      p50ToPaintMs: r1(quantile(rows.map((r) => r.paintMs), 0.5)),
      p95ToPaintMs: r1(quantile(rows.map((r) => r.paintMs), 0.95)),
      medianHits: median(rows.map((r) => r.shown)),
      queries: rows.length,
    });
    const warmMedian = (k: keyof OpenFigures) => r1(median(warm.map((w) => w[k])));
    const result = {
      clippings: TOTAL,
      corpusPages: corpus.length,
      corpusCjkPages: cjkPages,
      saveMedianMs: r1(median(savesFull)),
      saveP95Ms: r1(quantile(savesFull, 0.95)),
      saveMedianEmptyMs: r1(median(savesEmpty)),
      bulkImportMs: Math.round(importMs),
      extractionMedianMsNode: r1(median(corpus.map((p) => p.ms))),
      firstPaint: {
        fcpMs: warmMedian('fcpMs'),
        firstRowsMs: warmMedian('firstRowsMs'),
        allRowsMs: warmMedian('allRowsMs'),
        searchReadyMs: warmMedian('indexReadyMs'),
      },
      firstOpenWithoutIndex: {
        firstRowsMs: r1(cold.figures.firstRowsMs),
        indexBuildMs: Math.round(cold.figures.indexReadyMs),
        indexPersistMs: Math.round(persistMs),
        rowsInDom: rowsShown,
        countText,
      },
      searchLatin: stat(latinRes),
      searchCjk: stat(cjkRes),
      rowsInDomAtBottom: domRows,
      memoryHeapMb: r1(heapAfterOpen),
      memoryHeapAfterSearchMb: r1(heapAfterSearch),
      indexedDbUsageMb: r1((storage.usage ?? 0) / 2 ** 20),
      queriesSample: { latin: latin.slice(0, 5), cjk: cjk.slice(0, 5) },
    };
    log(JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result));
  } finally {
    await sift.close();
  }
}

await main();
