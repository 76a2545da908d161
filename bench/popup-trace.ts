// npm run bench:popup-trace [-- --limit N] [--dist dist/chrome] [--dir DIR]
//
// What the popup's own time is made of, from a Chromium trace (CDP Tracing over the real toolbar
// click, as bench:popup clicks). For each page, on the popup renderer's main thread:
//   start:  popup document (navigationStart) -> request sent (sift:extract-sent)
//   render: answer received (sift:extract-received) -> article painted (sift:article-painted)
// each split into the trace events that ran (inclusive times by name, scripts by file) and the
// time the thread sat idle (waiting on the network stack, IPC or the next frame).
// Prints a table, then one JSON object on the last line.
import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Sift, DIST_CHROME } from '../e2e/support/sift.ts';
import { median } from './lib/timer.ts';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; cat: string; args?: { data?: { url?: string; frame?: string } } }

const argv = process.argv.slice(2);
const get = (n: string) => (argv.indexOf(`--${n}`) >= 0 ? argv[argv.indexOf(`--${n}`) + 1] : undefined);
const DIR = resolve(get('dir') ?? '/work/shared/bench/zyte-dev');
const LIMIT = Number(get('limit') ?? 8);
const DIST = resolve(get('dist') ?? DIST_CHROME);
const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'disabled-by-default-devtools.timeline', 'loading', 'blink'];

/** Inclusive time by event name inside [from, to] on one thread, plus busy (top-level tasks) and idle. */
function split(events: TraceEvent[], from: number, to: number): Record<string, number> {
  const out: Record<string, number> = { window: (to - from) / 1000 };
  // Busy: the union of the thread's top-level tasks (the two task events nest, so not summed).
  const tasks: [number, number][] = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const s = Math.max(e.ts, from), t = Math.min(e.ts + e.dur, to);
    if (t <= s) continue;
    const ms = (t - s) / 1000;
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') tasks.push([s, t]);
    const url = e.args?.data?.url;
    const key = e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule' || e.name === 'ParseAuthorStyleSheet'
      ? `${e.name} ${url ? url.replace(/^.*\/(?=[^/]+$)/, '') : ''}`.trim()
      : e.name;
    out[key] = (out[key] ?? 0) + ms;
  }
  let busy = 0, end = -Infinity;
  for (const [s, t] of tasks.sort((a, b) => a[0] - b[0])) {
    if (t <= end) continue;
    busy += t - Math.max(s, end);
    end = t;
  }
  out.busy = busy / 1000;
  out.idle = Math.max(0, out.window! - busy);
  return out;
}

async function main(): Promise<void> {
  const files = readdirSync(join(DIR, 'html')).filter((f) => /\.html(\.gz)?$/.test(f)).sort().slice(0, LIMIT);
  const pages = new Map(files.map((f) => {
    const raw = readFileSync(join(DIR, 'html', f));
    return [f.replace(/\.html(\.gz)?$/, ''), f.endsWith('.gz') ? gunzipSync(raw) : raw] as const;
  }));
  const server = http.createServer((req, res) => {
    const body = pages.get(/^\/p\/([^/]+)\.html$/.exec(req.url ?? '')?.[1] ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sift = await Sift.launch({ dist: DIST, args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  const starts: Record<string, number>[] = [];
  const renders: Record<string, number>[] = [];
  try {
    const tab = await sift.openPage('about:blank');
    const ids = [...pages.keys()];
    for (const [i, id] of [ids[0]!, ...ids].entries()) {
      await tab.goto(`${origin}/p/${id}.html`, { waitUntil: 'load' }).catch(() => undefined);
      const { session, close } = await sift.browserSession();
      const events: TraceEvent[] = [];
      session.on('Tracing.dataCollected' as never, ((e: { value: TraceEvent[] }) => events.push(...e.value)) as never);
      const done = new Promise<void>((ok) => session.once('Tracing.tracingComplete' as never, (() => ok()) as never));
      await session.send('Tracing.start' as never, { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' } as never);
      const { popup, close: closePopup } = await sift.clickToolbar(tab);
      await popup.waitForFunction(() => performance.getEntriesByName('sift:article-painted').length + performance.getEntriesByName('sift:notice-painted').length > 0, undefined, { timeout: 30_000 }).catch(() => undefined);
      await popup.close();
      await closePopup();
      await session.send('Tracing.end' as never);
      await done;
      await close();
      if (i === 0) continue; // warm-up
      const mark = (n: string) => events.find((e) => e.cat.includes('blink.user_timing') && e.name === n);
      const sent = mark('sift:extract-sent'), received = mark('sift:extract-received'), painted = mark('sift:article-painted');
      if (!sent || !received || !painted) {
        process.stderr.write(`${id.slice(0, 12)}: no article marks\n`);
        continue;
      }
      const thread = events.filter((e) => e.pid === painted.pid && e.tid === painted.tid);
      const nav = events.find((e) => e.pid === painted.pid && e.name === 'navigationStart' && e.cat.includes('blink.user_timing'))
        ?? thread.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts)[0]!;
      starts.push(split(thread, nav.ts, sent.ts));
      renders.push(split(thread, received.ts, painted.ts));
      process.stderr.write(`${id.slice(0, 12)} start ${starts.at(-1)!.window!.toFixed(1)} ms, render ${renders.at(-1)!.window!.toFixed(1)} ms\n`);
    }
  } finally {
    await sift.close();
    server.close();
  }
  const summarise = (rows: Record<string, number>[]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const med = Object.fromEntries(keys.map((k) => [k, Math.round(median(rows.map((r) => r[k] ?? 0)) * 10) / 10]));
    return Object.fromEntries(Object.entries(med).filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]));
  };
  const start = summarise(starts), render = summarise(renders);
  for (const [name, s] of [['popup document -> request sent', start], ['answer received -> article painted', render]] as const) {
    console.log(`\n${name} (median ms over ${starts.length} clicks; events are inclusive and nest)`);
    for (const [k, v] of Object.entries(s)) console.log(`  ${k.padEnd(48)} ${v}`);
  }
  console.log(JSON.stringify({ bench: 'popup-trace', dist: DIST, clicks: starts.length, startMs: start, renderMs: render }));
}

await main();
