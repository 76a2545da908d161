// npm run bench:import [-- --pages 2000] [--dist dist/chrome-test]
//
// A Pocket-format CSV of 2,000 addresses, imported through the options page of the test build
// (npm run build:test: it may fetch from 127.0.0.1 only) in headless Chromium. A local server
// answers with the dev-set pages of ../shared/bench (all five extraction sets, cycled; their own
// canonical addresses disabled so every address is a page of its own): 5% answer slowly (1.5 s),
// 3% are 404, 2% answer 500 once and then the page (a retry recovers them).
//
// Measured: wall time from choosing the file to an empty queue (pages per second), each item's
// time from claim to save (p95), the share that ended as complete clippings, and, from /proc,
// the extension process's peak resident memory and CPU time (the service worker, the offscreen
// document and the options page share that one renderer). Baseline in the same run: plain
// Readability (fetch, DOMParser, parse) over a sample of the same pages in an ordinary tab, its
// renderer's CPU time per page; cpuRatioToReadability = Sift's CPU per page / that.
//
// Prints a summary, then one JSON object on the last line.
import http from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Sift } from '../e2e/support/sift.ts';
import { quantile } from './lib/timer.ts';
import { connectHeapProbe, heapByTarget, heapSnapshot } from './lib/heap-probe.ts';
import { writeFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : def;
};
const N = Number(opt('pages', '2000'));
const DIST = resolve(opt('dist', 'dist/chrome-test'));
const BENCH = resolve(import.meta.dirname, '..', '..', 'shared', 'bench');
const SETS = ['zyte-dev', 'trafilatura-dev', 'cjk-dev', 'daniel-dev', 'newsweb-dev'];
const SLOW_MS = 1500;
const BASELINE_SAMPLE = Number(opt('baseline', '300'));
// --heap: log each extension context's JS heap as the import runs (where memory grows).
const HEAP = argv.includes('--heap');

if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No build at ${DIST}: run npm run build:test first.`);

/** Dev-set page bytes, their canonical and og:url marks renamed (ASCII, so any encoding survives). */
function loadPool(): Buffer[] {
  const pool: Buffer[] = [];
  for (const set of SETS) {
    const dir = join(BENCH, set, 'html');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const raw = f.endsWith('.gz') ? gunzipSync(readFileSync(join(dir, f))) : readFileSync(join(dir, f));
      const s = raw.toString('latin1').replace(/rel=(["']?)canonical/gi, 'rel=$1x-canonical').replace(/og:url/gi, 'og:x-url');
      pool.push(Buffer.from(s, 'latin1'));
    }
  }
  return pool;
}

const pool = loadPool();
const kind = (n: number): 'slow' | '404' | '500' | 'ok' => {
  const k = (n * 37) % 100;
  return k < 5 ? 'slow' : k < 8 ? '404' : k < 10 ? '500' : 'ok';
};
const served500 = new Set<number>();
let baselining = false;
const READABILITY = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');

const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  const m = /^\/p\/(\d+)$/.exec(path);
  if (m) {
    const n = Number(m[1]);
    // The baseline's requests (after the import) read the page itself, never a slow or failing answer.
    if (baselining) return void res.writeHead(200, { 'content-type': 'text/html' }).end(pool[n % pool.length]);
    const k = kind(n);
    if (k === '404') return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    if (k === '500' && !served500.has(n)) {
      served500.add(n);
      return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Server error</h1>');
    }
    const send = () => res.writeHead(200, { 'content-type': 'text/html' }).end(pool[n % pool.length]);
    if (k === 'slow') return void setTimeout(send, SLOW_MS);
    return void send();
  }
  if (path === '/readability.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(READABILITY);
  if (path === '/baseline') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>baseline</title><script src="/readability.js"></script>');
  res.writeHead(404).end();
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---- /proc: the Chromium processes of this run ----
function procs(): Map<number, { ppid: number; cmd: string }> {
  const out = new Map<number, { ppid: number; cmd: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(d), { ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}
function descendants(root: number, all: Map<number, { ppid: number; cmd: string }>): number[] {
  const kids: number[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [pid, info] of all) {
      if (info.ppid !== p) continue;
      kids.push(pid);
      queue.push(pid);
    }
  }
  return kids;
}
const TICK = 100; // USER_HZ
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
}
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

const sift = await Sift.launch({ dist: DIST });
const profile = (sift as unknown as { profile: string }).profile;
const probe = HEAP ? await connectHeapProbe((sift as unknown as { cdpPort: string }).cdpPort) : null;
let all = procs();
const main = [...all].find(([, p]) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes('--type='))?.[0];
if (!main) throw new Error('Chromium main process not found');

const options = await sift.openExtensionPage('src/options/index.html');
all = procs();
const ext = descendants(main, all).filter((pid) => all.get(pid)!.cmd.includes('--extension-process'));
if (!ext.length) throw new Error('The extension process was not found');

const rows = ['title,url,time_added,tags,status'];
for (let i = 0; i < N; i++) rows.push(`Page ${i},${origin}/p/${i},${1_600_000_000 + i},bench,unread`);

let peak = 0;
const sample = () => {
  let total = 0;
  for (const pid of ext) {
    try {
      total += rssMb(pid);
    } catch {
      // ended
    }
  }
  peak = Math.max(peak, total);
};
const sampler = setInterval(sample, 250);
const cpu0 = ext.reduce((s, p) => s + cpuMs(p), 0);
const t0 = performance.now();
await options.locator('[data-testid=import-reading-list]').setInputFiles({ name: 'pocket.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
const panel = options.locator('[data-testid=queue]');
let last = '';
let lastBucket = -1;
for (;;) {
  await new Promise((r) => setTimeout(r, 1000));
  const d = await panel.evaluate((el) => ({ ...(el as HTMLElement).dataset })).catch(() => ({}) as Record<string, string>);
  const line = `done ${d.done} failed ${d.failed} waiting ${d.waiting} rss ${Math.round(ext.reduce((a, p) => a + rssMb(p), 0))} MB`;
  const bucket = Math.floor(Number(d.done ?? 0) / 100);
  if (line.split(' rss')[0] !== last.split(' rss')[0] && bucket !== lastBucket) {
    lastBucket = bucket;
    const heaps = HEAP ? ` heap ${(await heapByTarget(probe!, sift.extensionId, argv.includes('--gc'))).map((h) => `${h.url.split('/').slice(-2, -1)[0] ?? h.url}=${h.usedMb}MB/${h.documents}d/${h.nodes}n`).join(' ')}` : '';
    process.stderr.write(`${line}${heaps} (${Math.round((performance.now() - t0) / 1000)} s)\n`);
  }
  last = line;
  if (d.waiting === '0' && Number(d.done) + Number(d.failed) >= N) break;
}
const wallMs = performance.now() - t0;
const cpuSift = ext.reduce((s, p) => s + cpuMs(p), 0) - cpu0;
clearInterval(sampler);
sample();
// --snapshot DIR: heap snapshots of the offscreen document and the options page once the queue is empty.
if (probe && argv.includes('--snapshot')) {
  // The offscreen document may be closed by then (the cleaner is released when the queue is idle).
  for (const part of ['offscreen', 'options']) {
    const snap = await heapSnapshot(probe, sift.extensionId, part).catch((err: Error) => void process.stderr.write(`${err.message}\n`));
    if (snap) writeFileSync(join(opt('snapshot', '.'), `${part}.heapsnapshot`), snap);
  }
}

const items = (await options.evaluate(
  () =>
    new Promise((ok, ko) => {
      const open = indexedDB.open('sift');
      open.onsuccess = () => {
        const r = open.result.transaction('queue').objectStore('queue').getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      };
      open.onerror = () => ko(open.error);
    }),
)) as { state: string; outcome?: string; ms?: number; reason?: string }[];
const clipped = items.filter((i) => i.outcome === 'clipped').length;
const linkOnly = items.filter((i) => i.outcome === 'link-only').length;
const already = items.filter((i) => i.outcome === 'already-saved').length;
const failed = items.filter((i) => i.state === 'failed').length;
const times = items.filter((i) => typeof i.ms === 'number').map((i) => i.ms!).sort((a, b) => a - b);
const reasons = new Map<string, number>();
for (const i of items) if (i.outcome === 'link-only' || i.state === 'failed') reasons.set((i.reason ?? '').slice(0, 80), (reasons.get((i.reason ?? '').slice(0, 80)) ?? 0) + 1);
process.stderr.write(`extension processes: ${ext.length}; link-only/failed reasons: ${JSON.stringify([...reasons])}\n`);
const odd = (items as { url?: string; reason?: string; outcome?: string }[]).filter((i) => i.outcome === 'link-only' && !/404/.test(i.reason ?? ''));
if (odd.length) process.stderr.write(`link-only pages (pool index = page number mod ${pool.length}): ${odd.map((i) => `${i.url} ${i.reason}`).join('; ')}\n`);
const servable = Array.from({ length: N }, (_, i) => kind(i)).filter((k) => k !== '404').length;

// ---- Baseline: plain Readability on a sample of the same pages, in an ordinary tab ----
baselining = true;
const before = new Set(descendants(main, procs()));
const tab = await sift.openPage(`${origin}/baseline`);
const fresh = descendants(main, procs()).filter((p) => !before.has(p) && procs().get(p)?.cmd.includes('--type=renderer'));
// The same pages Sift was given, sampled evenly over the N addresses (so each dev page weighs as
// often as it was imported); answered without the slow or failing kinds.
const count = Math.min(BASELINE_SAMPLE, N);
const paths = Array.from({ length: count }, (_, i) => Math.floor((i * N) / count)).map((n) => `/p/${n % pool.length}`);
const cpuB0 = fresh.reduce((s, p) => s + cpuMs(p), 0);
const baselineWall = (await tab.evaluate(async (list) => {
  const R = (globalThis as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
  const t = performance.now();
  for (const p of list) {
    const html = await (await fetch(p)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    new R(doc).parse();
  }
  return performance.now() - t;
}, paths)) as number;
const cpuBaseline = fresh.reduce((s, p) => s + cpuMs(p), 0) - cpuB0;
await probe?.disconnect();
await sift.close();
server.close();

const siftPerPage = cpuSift / N;
const basePerPage = (cpuBaseline || baselineWall) / paths.length;
const out = {
  pages: N,
  clipped,
  failed,
  linkOnly,
  alreadySaved: already,
  servable,
  clippedShareOfServable: Number((clipped / servable).toFixed(4)),
  pagesPerSecond: Number((N / (wallMs / 1000)).toFixed(2)),
  p95Ms: Math.round(quantile(times, 0.95)),
  medianMs: Math.round(quantile(times, 0.5)),
  siftCpuMsPerPage: Math.round(siftPerPage),
  readabilityCpuMsPerPage: Math.round(basePerPage),
  cpuRatioToReadability: Number((siftPerPage / basePerPage).toFixed(2)),
  peakMemoryMb: Math.round(peak),
  wallSeconds: Math.round(wallMs / 1000),
  limits: { total: 4, perHost: 2 },
};
console.log(`imported ${N} addresses in ${out.wallSeconds} s: ${clipped} clipped, ${linkOnly} link-only, ${failed} failed, ${already} already saved`);
console.log(`p95 ${out.p95Ms} ms a page (median ${out.medianMs}); Sift CPU ${out.siftCpuMsPerPage} ms/page vs plain Readability ${out.readabilityCpuMsPerPage} ms/page (${paths.length} pages)`);
console.log(JSON.stringify(out));
