import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Sift } from '../e2e/support/sift.ts';
import { clipping, makeSyncDist, message } from '../e2e/support/sync.ts';
// @ts-expect-error -- a plain .mjs script without types
import { startSyncServer } from '../scripts/sync-server.mjs';

// npm run bench:sync: two Chromium profiles with the built extension and one CouchDB-protocol
// server on 127.0.0.1 (scripts/sync-server.mjs, in memory). Measures the first sync of a library
// up (A) and down (B), the extra IndexedDB space sync takes on A, one edit on A reaching B, and
// 1,000 edits on each side of the same clippings merged. Build first (npm run build:chrome).
//   SIFT_BENCH_CLIPPINGS=N (default 10000), SIFT_BENCH_EDITS (default 20), SIFT_BENCH_CONFLICTS (default 1000)

const N = Number(process.env.SIFT_BENCH_CLIPPINGS ?? 10_000);
const EDITS = Number(process.env.SIFT_BENCH_EDITS ?? 20);
const CONFLICTS = Math.min(N, Number(process.env.SIFT_BENCH_CONFLICTS ?? 1000));
const USER = 'bench';
const PASSWORD = 'bench-password';

const log = (...a: unknown[]) => console.error('[bench:sync]', ...a);

/** An article body of about 6,000 characters of text (a typical news article) and its HTML. */
function body(i: number): string {
  const words = ['river', 'council', 'budget', 'harbour', 'election', 'museum', 'rain', 'school', 'bridge', 'market', '城市', '委员会'];
  const out: string[] = [];
  for (let p = 0; p < 12; p++) {
    const s: string[] = [];
    for (let w = 0; w < 80; w++) s.push(words[(i * 7 + p * 13 + w * 31) % words.length]!);
    out.push(s.join(' '));
  }
  return out.join('\n');
}

function richClipping(i: number): Record<string, unknown> {
  const text = body(i);
  const c = clipping(randomUUID(), i, text);
  c.html = text.split('\n').map((p) => `<p>${p}</p>`).join('');
  return c;
}

async function usage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/**
 * The service worker's peak JS heap while `fn` runs: Runtime.getHeapUsage on the worker's own
 * DevTools target every 200 ms (a busy worker answers between its tasks). Through the browser
 * session's Target.sendMessageToTarget: Playwright's sessions cannot address a worker target.
 */
async function peakHeap<T>(sift: Sift, fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  const { session, close } = await sift.browserSession();
  let peak = 0;
  let running = true;
  const waiting = new Map<number, (used: number) => void>();
  let next = 1;
  session.on('Target.receivedMessageFromTarget' as never, ((e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result?.usedSize ?? 0);
  }) as never);
  const sampler = (async () => {
    let attached = null as { targetId: string; sessionId: string } | null;
    while (running) {
      try {
        const { targetInfos } = (await session.send('Target.getTargets' as never)) as unknown as { targetInfos: { targetId: string; type: string; url: string }[] };
        const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
        if (sw && attached?.targetId !== sw.targetId) {
          const { sessionId } = (await session.send('Target.attachToTarget' as never, { targetId: sw.targetId, flatten: false } as never)) as unknown as { sessionId: string };
          attached = { targetId: sw.targetId, sessionId };
        }
        if (attached) {
          const id = next++;
          const used = await new Promise<number>((ok) => {
            waiting.set(id, ok);
            void session.send('Target.sendMessageToTarget' as never, { sessionId: attached!.sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) } as never).catch(() => ok(0));
            setTimeout(() => ok(0), 5000);
          });
          waiting.delete(id);
          peak = Math.max(peak, used);
        }
      } catch {
        attached = null;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    const value = await fn();
    return { value, peakMb: Number((peak / 2 ** 20).toFixed(1)) };
  } finally {
    running = false;
    await sampler;
    await close();
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function readClipping(page: Page, id: string): Promise<{ note: string; tags: string[] } | undefined> {
  return page.evaluate(async (cid) => {
    const open = indexedDB.open('sift');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const req = db.transaction('clippings').objectStore('clippings').get(cid);
    return new Promise<{ note: string; tags: string[] } | undefined>((ok) => (req.onsuccess = () => ok(req.result)));
  }, id);
}

async function main(): Promise<void> {
  const dist = makeSyncDist();
  const server = await startSyncServer({ users: { [USER]: PASSWORD } });
  const [a, b] = await Promise.all([Sift.launch({ dist }), Sift.launch({ dist })]);
  const config = { enabled: true, url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD };
  try {
    const pa = await a.openExtensionPage('src/options/index.html');
    const pb = await b.openExtensionPage('src/options/index.html');
    const ids: string[] = [];
    // Baseline in the same run: writing the same clippings into the library (no sync).
    const t0 = performance.now();
    for (let i = 0; i < N; i += 500) {
      const chunk = Array.from({ length: Math.min(500, N - i) }, (_, k) => richClipping(i + k));
      ids.push(...chunk.map((c) => c.id as string));
      await message(pa, 'clipping.restore', { clippings: chunk });
    }
    const importMs = performance.now() - t0;
    // Past the library's change debounce (1.5 s), so the first sync is the run sync.configure starts.
    await new Promise((r) => setTimeout(r, 3000));
    const before = await usage(pa);
    log(`${N} clippings in A, ${(before / 2 ** 20).toFixed(1)} MB`);

    let t = performance.now();
    const { value: up, peakMb: workerPeakHeapMbUp } = await peakHeap(a, () => message<{ state: string; sent: number; ms: object }>(pa, 'sync.configure', { config }));
    const firstSyncUpMs = performance.now() - t;
    if (up.state !== 'ok') throw new Error(`first sync up: ${JSON.stringify(up)}`);
    log(`up: ${firstSyncUpMs.toFixed(0)} ms, sent ${up.sent}, steps ${JSON.stringify(up.ms)}, worker heap peak ${workerPeakHeapMbUp} MB`);
    await new Promise((r) => setTimeout(r, 1000));
    const after = await usage(pa);

    t = performance.now();
    const { value: down, peakMb: workerPeakHeapMbDown } = await peakHeap(b, () => message<{ state: string; received: number; ms: object }>(pb, 'sync.configure', { config }));
    const firstSyncDownMs = performance.now() - t;
    if (down.state !== 'ok') throw new Error(`first sync down: ${JSON.stringify(down)}`);
    log(`down: ${firstSyncDownMs.toFixed(0)} ms, received ${down.received}, steps ${JSON.stringify(down.ms)}, worker heap peak ${workerPeakHeapMbDown} MB`);

    // One edit on A reaching B: A sends at once, B pulls at once (the debounce and the timer's
    // wait, which a user would also see, are left out).
    const lat: number[] = [];
    for (let e = 0; e < EDITS; e++) {
      const id = ids[(e * 7919) % ids.length]!;
      const note = `edit ${e} ${randomUUID()}`;
      const t0 = performance.now();
      await message(pa, 'clipping.update', { id, note });
      const ta = performance.now();
      const sa = await message<{ ms: object }>(pa, 'sync.now', {});
      const tb = performance.now();
      const sb = await message<{ ms: object }>(pb, 'sync.now', {});
      if (e < 2) log(`edit ${e}: update ${Math.round(ta - t0)} ms, A ${Math.round(tb - ta)} ms ${JSON.stringify(sa.ms)}, B ${Math.round(performance.now() - tb)} ms ${JSON.stringify(sb.ms)}`);
      const got = await readClipping(pb, id);
      if (got?.note !== note) throw new Error(`edit ${e} did not arrive`);
      lat.push(performance.now() - t0);
    }
    log(`edit to the other device, each (ms): ${lat.map((x) => Math.round(x)).join(' ')}`);

    // The same clippings edited on both sides: tags on A, notes on B, then both sync.
    const both = ids.slice(0, CONFLICTS);
    for (const id of both) await message(pa, 'clipping.update', { id, tags: ['edited on A'] });
    for (const id of both) await message(pb, 'clipping.update', { id, note: 'edited on B' });
    t = performance.now();
    const m1 = await message<{ merged: number }>(pa, 'sync.now', {});
    const m2 = await message<{ merged: number }>(pb, 'sync.now', {});
    const m3 = await message<{ merged: number }>(pa, 'sync.now', {});
    const mergeMs = performance.now() - t;
    const merged = m1.merged + m2.merged + m3.merged;
    const remote = server.db(server.databaseOf(USER));
    const all = await remote.allDocs({ include_docs: true, conflicts: true });
    const conflictsLeft = all.rows.filter((r: { doc?: { _conflicts?: string[] } }) => r.doc?._conflicts?.length).length;
    let mergedRight = 0;
    for (const id of both.slice(0, 50)) {
      const [ca, cb] = [await readClipping(pa, id), await readClipping(pb, id)];
      if (ca?.note === 'edited on B' && cb?.note === 'edited on B' && ca.tags[0] === 'edited on A' && cb.tags[0] === 'edited on A') mergedRight++;
    }
    const result = {
      clippings: N,
      firstSyncUpMs: Math.round(firstSyncUpMs),
      firstSyncDownMs: Math.round(firstSyncDownMs),
      editToOtherDeviceMedianMs: Math.round(quantile(lat, 0.5)),
      editToOtherDeviceP95Ms: Math.round(quantile(lat, 0.95)),
      extraStorageRatio: Number(((after - before) / before).toFixed(2)),
      workerPeakHeapMbUp,
      workerPeakHeapMbDown,
      conflictsLeft,
      libraryMb: Number((before / 2 ** 20).toFixed(1)),
      importMs: Math.round(importMs),
      firstSyncUpVsImport: Number((firstSyncUpMs / importMs).toFixed(1)),
      conflictingEditsEachSide: CONFLICTS,
      conflictMergeMs: Math.round(mergeMs),
      conflictsMerged: merged,
      mergedCorrectlyOf50: mergedRight,
      serverDocs: all.rows.length,
    };
    console.log(JSON.stringify(result));
  } finally {
    await Promise.all([a.close(), b.close()]);
    await server.stop();
  }
}

await main();
