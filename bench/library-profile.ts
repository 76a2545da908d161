import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.ts';
import { loadCorpus } from './library-corpus.ts';
import { cjkQueries, latinQueries } from './library-queries.ts';
import { bulkImport, log, median, openLibrary, quantile, r1, timeSearch, type SearchTiming } from './library-steps.ts';

// A developer's tool for the library page's search latency (not part of npm test or bench:*):
// keeps a 10,000-clipping library in a Chromium profile that survives runs, so each build can be
// measured in a minute instead of re-importing for fifteen, and can record a CPU profile of the
// searches. Same corpus, queries and timing as bench:library.
//   npx tsx bench/library-profile.ts --ext /tmp/build-copy --profile /tmp/lib-profile [--cpu out.cpuprofile] [--trace out.json] [--rounds 2]
// --trace records a Chromium trace of 20 searches and sums the page's main-thread work by kind
// (script, style, layout, paint...), to see where the time between input and paint goes.
// The extension must always be loaded from the same --ext path: its id (and so its IndexedDB)
// is derived from that path.

const { values: args } = parseArgs({
  options: {
    ext: { type: 'string' },
    profile: { type: 'string', default: '/tmp/sift-lib-profile' },
    cpu: { type: 'string' },
    trace: { type: 'string' },
    shot: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    clippings: { type: 'string', default: process.env.SIFT_BENCH_CLIPPINGS ?? '10000' },
  },
});
const TOTAL = Number(args.clippings);

async function storedCount(page: Page): Promise<number> {
  return page.evaluate(`new Promise((done, fail) => {
    const open = indexedDB.open('sift');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('clippings')) return done(0);
      const req = db.transaction('clippings').objectStore('clippings').count();
      req.onsuccess = () => { done(req.result); db.close(); };
      req.onerror = () => fail(req.error);
    };
  })`);
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function, from a CDP CPU profile, largest first. */
function topSelf(profile: { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] }, n: number): string[] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

/** Main-thread time of the library page by event kind over a few searches (top-level events only). */
async function traceSearches(page: Page, queries: string[], file: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const on = cdp as unknown as { on(name: string, f: (e: { value: TraceEvent[] }) => void): void; once(name: string, f: () => void): void };
  on.on('Tracing.dataCollected', (e) => void events.push(...e.value));
  const done = new Promise<void>((resolve) => on.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' } as never);
  for (const q of queries) await timeSearch(page, q);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  // The renderer's main thread: the one that ran the page's input handler.
  const main = events.find((e) => e.name === 'EventDispatch' || e.name === 'FunctionCall');
  const byName = new Map<string, number>();
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X' || !e.dur) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20);
  // CPU time (not wall time, which a loaded machine inflates) of the main thread's tasks.
  const cpuMs = events.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && e.name === 'RunTask').reduce((sum, e) => sum + ((e as { tdur?: number }).tdur ?? 0) / 1000, 0);
  log(`main-thread CPU per search (all its tasks, to the end of the next frame): ${(cpuMs / queries.length).toFixed(1)} ms`);
  log(`trace of ${queries.length} searches: ${file}; main-thread time by event (nested events counted in their parents too):\n${top.map(([n, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${n}`).join('\n')}`);
}

async function main(): Promise<void> {
  if (!args.ext || !existsSync(resolve(args.ext, 'manifest.json'))) throw new Error('--ext: a copy of dist/chrome');
  const ext = resolve(args.ext);
  mkdirSync(args.profile!, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(args.profile!, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
    viewport: { width: 1280, height: 860 },
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const corpus = await loadCorpus(log);
    const options = await context.newPage();
    await options.goto(`${base}src/options/index.html`);
    const have = await storedCount(options);
    if (have === 0) {
      log(`importing ${TOTAL} clippings from ${corpus.length} corpus pages…`);
      await bulkImport(options, corpus, 0, TOTAL, TOTAL);
    } else if (have !== TOTAL) throw new Error(`the profile holds ${have} clippings, not ${TOTAL}: use another --profile`);
    await options.close();

    const { page, figures } = await openLibrary(() => context.newPage(), `${base}src/library/index.html`);
    await page.evaluate(() => (globalThis as unknown as { siftPersistIndex(): Promise<void> }).siftPersistIndex());
    log(`open: ${JSON.stringify(figures)}`);
    const latin = latinQueries(corpus, 40);
    const cjk = cjkQueries(corpus, 40);
    for (const q of [...latin.slice(0, 5), ...cjk.slice(0, 5)]) await timeSearch(page, q);
    const cdp = await context.newCDPSession(page);
    if (args.cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const res: Record<string, SearchTiming[]> = { latin: [], cjk: [] };
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const q of latin) res.latin!.push(await timeSearch(page, q));
      for (const q of cjk) res.cjk!.push(await timeSearch(page, q));
    }
    if (args.cpu) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] } };
      writeFileSync(args.cpu, JSON.stringify(profile));
      log(`CPU profile: ${args.cpu}; self time, top 25:\n${topSelf(profile, 25).join('\n')}`);
    }
    if (args.trace) await traceSearches(page, [...latin.slice(0, 10), ...cjk.slice(0, 10)], args.trace);
    // The entity index follows when typing pauses: its cost, after a pause after each query.
    await page.evaluate(() => performance.clearMeasures('sift:entity-index'));
    for (const q of [...latin.slice(0, 10), ...cjk.slice(0, 10), '']) {
      await timeSearch(page, q);
      await page.waitForTimeout(800);
    }
    if (args.shot) {
      await timeSearch(page, cjk[0]!);
      await page.waitForTimeout(1000);
      await page.screenshot({ path: args.shot });
    }
    const entityMs = await page.evaluate(() => performance.getEntriesByName('sift:entity-index').map((m) => m.duration));
    const out: Record<string, unknown> = {
      clippings: TOTAL,
      corpusPages: corpus.length,
      open: figures,
      entityIndex: { p50Ms: r1(median(entityMs)), maxMs: r1(Math.max(...entityMs)), n: entityMs.length },
    };
    for (const [name, rows] of Object.entries(res)) {
      const stages: Record<string, number> = {};
      for (const key of Object.keys(rows[0]?.stages ?? {})) {
        stages[`${key}P50`] = r1(quantile(rows.map((r) => r.stages?.[key] ?? 0), 0.5));
        stages[`${key}P95`] = r1(quantile(rows.map((r) => r.stages?.[key] ?? 0), 0.95));
      }
      const slow = [...rows].map((r, i) => ({ r, q: (name === 'latin' ? latin : cjk)[i % 40] })).sort((a, b) => b.r.paintMs - a.r.paintMs).slice(0, 3);
      out[name] = {
        p50Ms: r1(median(rows.map((r) => r.ms))),
        p95Ms: r1(quantile(rows.map((r) => r.ms), 0.95)),
        p50ToPaintMs: r1(median(rows.map((r) => r.paintMs))),
        p95ToPaintMs: r1(quantile(rows.map((r) => r.paintMs), 0.95)),
        medianHits: median(rows.map((r) => r.shown)),
        maxHits: Math.max(...rows.map((r) => r.shown)),
        ...stages,
        slowest: slow.map((s) => `${s.q} (${r1(s.r.ms)} / ${r1(s.r.paintMs)} ms, ${s.r.shown} hits)`),
        n: rows.length,
      };
    }
    console.log(JSON.stringify(out));
  } finally {
    await context.close();
  }
}

await main();
