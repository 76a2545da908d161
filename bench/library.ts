import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { Sift, DIST_CHROME } from '../e2e/support/sift.ts';
import { loadCorpus } from './library-corpus.ts';
import { cjkQueries, latinQueries } from './library-queries.ts';
import { bulkImport, log, median, openLibrary, quantile, r1, timedSaves, timeSearch, type OpenFigures, type SearchTiming } from './library-steps.ts';

// npm run bench:library: a library of 10,000 clippings made from the dev sets' pages (cycled,
// each run through the real pipeline), loaded into the built extension in headless Chromium.
// Reports save time through the real save path, library first paint, search latency for Latin and
// CJK queries, the page's memory and the IndexedDB size. Run it after a build, on a copy of the
// build so the long run does not hold the shared e2e lock:
//   flock /tmp/sift-e2e.lock bash -c 'npm run build:chrome && rm -rf /tmp/x && cp -r dist/chrome /tmp/x'
//   SIFT_DIST=/tmp/x npm run bench:library

const TOTAL = Number(process.env.SIFT_BENCH_CLIPPINGS ?? 10_000);
const TIMED_SAVES = 100;
const WARM_OPENS = 3;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(process.env.SIFT_DIST ?? DIST_CHROME, 'manifest.json'))) throw new Error('Build first: npm run build (under the e2e lock)');
  const corpus = await loadCorpus(log);
  const cjkPages = corpus.filter((p) => /^(zh|ja|ko)/i.test(p.article.lang ?? '') || p.set === 'cjk-dev').length;
  log(`corpus: ${corpus.length} pages (${cjkPages} CJK), median extraction ${r1(median(corpus.map((p) => p.ms)))} ms in Node`);
  // SIFT_DIST: a private copy of dist/chrome, so a long run need not hold the shared e2e lock.
  const sift = await Sift.launch(process.env.SIFT_DIST ? { dist: resolve(process.env.SIFT_DIST) } : {});
  try {
    const page = await sift.openExtensionPage('src/options/index.html');
    log('timed saves into an empty library…');
    const savesEmpty = await timedSaves(page, corpus, 0, TIMED_SAVES);
    log(`save median (empty library): ${r1(median(savesEmpty))} ms`);
    const importMs = await bulkImport(page, corpus, TIMED_SAVES, TOTAL - 2 * TIMED_SAVES, TOTAL);
    log('timed saves at full size…');
    const savesFull = await timedSaves(page, corpus, TOTAL - TIMED_SAVES, TIMED_SAVES);
    log(`save median at ${TOTAL}: ${r1(median(savesFull))} ms, p95 ${r1(quantile(savesFull, 0.95))} ms; bulk import ${Math.round(importMs)} ms`);
    const storage = await page.evaluate(() => navigator.storage.estimate());
    await page.close();

    log('first open: builds the search index from every clipping…');
    const cold = await openLibrary(() => sift.context.newPage(), sift.extensionUrl('src/library/index.html'));
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
      const o = await openLibrary(() => sift.context.newPage(), sift.extensionUrl('src/library/index.html'));
      warm.push(o.figures);
      lib = o.page;
    }
    const page2 = lib!;
    await page2.bringToFront();
    log('searches…');

    const latin = latinQueries(corpus, 40);
    const cjk = cjkQueries(corpus, 40);
    // One warm-up pass (JIT), then the measured pass.
    for (const q of [...latin.slice(0, 5), ...cjk.slice(0, 5)]) await timeSearch(page2, q);
    const measure = async (qs: string[]) => {
      const rows: SearchTiming[] = [];
      for (const q of qs) rows.push(await timeSearch(page2, q));
      return rows;
    };
    const latinRes = await measure(latin);
    const cjkRes = await measure(cjk);
    log('memory…');
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
    const stat = (rows: SearchTiming[]) => ({
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
