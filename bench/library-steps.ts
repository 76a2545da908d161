import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { makeClipping, type Clipping } from '../src/core/clipping.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../src/core/export/library-json.ts';
import type { CorpusPage } from './library-corpus.ts';

// The steps of bench:library (and of bench/library-profile.ts) in the built extension: saves
// through the real save path, the bulk through 'library.import', opening the library page,
// timing one search from its input event to the frame that shows the results.

const IMPORT_CHUNK = 200;

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } };

export const log = (s: string) => process.stderr.write(`${s}\n`);
export const median = (xs: number[]) => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}
export const r1 = (x: number) => Math.round(x * 10) / 10;

function variant(p: CorpusPage, i: number): { url: string; article: CorpusPage['article'] } {
  const sep = p.article.canonicalUrl.includes('?') ? '&' : '?';
  const url = `${p.article.canonicalUrl.replace(/#.*$/, '')}${sep}sift-bench=${i}`;
  return { url, article: { ...p.article, url, canonicalUrl: url } };
}

/** Timed saves: 'clipping.save' from an extension page, as the popup sends it; round trip in the page. */
export async function timedSaves(page: Page, corpus: CorpusPage[], from: number, n: number): Promise<number[]> {
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
export async function bulkImport(page: Page, corpus: CorpusPage[], from: number, n: number, total: number): Promise<number> {
  const t0 = performance.now();
  const now = Date.now();
  for (let at = 0; at < n; at += IMPORT_CHUNK) {
    const clippings: Clipping[] = [];
    for (let k = at; k < Math.min(n, at + IMPORT_CHUNK); k++) {
      const i = from + k;
      const p = corpus[i % corpus.length]!;
      // Saved over about three years, newest last, so dates and the list order are realistic.
      const savedAt = new Date(now - (total - i) * 2.6 * 3600_000);
      clippings.push(makeClipping(randomUUID(), variant(p, i).article, p.entities, savedAt));
    }
    const json = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), clippings });
    const reply = await page.evaluate((j) => chrome.runtime.sendMessage({ sift: 1, name: 'library.import', req: { json: j } }), json);
    if (!reply.ok) throw new Error(reply.error?.message);
    if ((at / IMPORT_CHUNK) % 10 === 0) log(`imported ${from + at + clippings.length}/${total}`);
  }
  return performance.now() - t0;
}

export interface OpenFigures {
  fcpMs: number;
  firstRowsMs: number;
  allRowsMs: number;
  indexReadyMs: number;
}

/** Open the library page in front (background tabs get throttled timers) and wait for its index. */
export async function openLibrary(newPage: () => Promise<Page>, url: string): Promise<{ page: Page; figures: OpenFigures }> {
  const page = await newPage();
  await page.bringToFront();
  await page.goto(url);
  page.on('console', (m) => m.type() !== 'log' && log(`page ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  const t0 = Date.now();
  for (;;) {
    const state = await page.evaluate(`[document.documentElement.dataset.index, document.querySelector('[data-testid=index-status]')?.textContent, document.querySelectorAll('[data-testid=clipping]').length, performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime)).join(' ')]`);
    const [index, status, rows, marks] = state as string[];
    if (index === 'ready') {
      log(`library open: rows in DOM ${rows}; ${marks}`);
      break;
    }
    if (Date.now() - t0 > 900_000) throw new Error(`library not ready: ${status}`);
    log(`library: ${index ?? 'starting'} ${status ?? ''}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  // Evaluated as a string: tsx would wrap named inner functions in a helper the page lacks.
  const figures = (await page.evaluate(`(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN;
    return { fcpMs: fcp, firstRowsMs: mark('sift:first-rows'), allRowsMs: mark('sift:all-rows'), indexReadyMs: mark('sift:index-ready') };
  })()`)) as OpenFigures;
  return { page, figures };
}

export interface SearchTiming {
  /** The page's own figure: search, filters and the rows' DOM, inside the input handler. */
  ms: number;
  /** From the input event to the frame that shows the results (next animation frame, then a task). */
  paintMs: number;
  shown: number;
  /** The page's breakdown of `ms` (when it reports one), and when the next frame began (frameStart). */
  stages?: Record<string, number>;
}

/** One search as typed: the query is put in the box and an input event dispatched, as the browser does. */
export async function timeSearch(page: Page, query: string): Promise<SearchTiming> {
  return page.evaluate(`new Promise((done) => {
    const q = ${JSON.stringify(query)};
    const input = document.querySelector('[data-testid=search]');
    let detail = null;
    const on = (e) => { if (e.detail.query === q) detail = e.detail; };
    document.addEventListener('sift:searched', on);
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.removeEventListener('sift:searched', on);
    let settled = false;
    let frameMs = NaN;
    const finish = () => {
      if (settled) return;
      settled = true;
      const stages = Object.assign({}, detail ? detail.stages : {}, { frameStart: frameMs });
      done({ ms: detail ? detail.ms : NaN, paintMs: performance.now() - t0, shown: detail ? detail.shown : -1, stages });
    };
    requestAnimationFrame(() => {
      frameMs = performance.now() - t0;
      setTimeout(finish, 0);
    });
    setTimeout(finish, 2000);
  })`);
}
