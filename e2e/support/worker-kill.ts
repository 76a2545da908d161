import type { Page } from '@playwright/test';
import type { Sift } from './sift.ts';

// The extension API as the pages see it (evaluated in an extension page, not in Node).
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

// Kill Sift's service worker around and during saves, the way Chromium does to an idle or
// misbehaving worker, and record which saves the extension acknowledged. Shared by the library's
// durability test and the fault tests: the contract is "every acknowledged save is stored exactly
// once, and a retry under the same id never duplicates".

export interface SaveRequest {
  id: string;
  /** core/types Article and Entity[] (kept loose here: the harness does not import src/). */
  article: { url: string; canonicalUrl: string; title: string; [k: string]: unknown };
  entities: unknown[];
}

export interface SaveRun {
  /** Ids whose save got an ok reply (on the first try or a retry). */
  acked: string[];
  /** Ids given up on after maxAttempts (each with its last error). */
  failed: { id: string; error: string }[];
  /** Attempts that failed and were retried (a killed worker mid-save shows up here). */
  retries: number;
  kills: number;
  /** Boot ids seen: one per worker life. */
  boots: string[];
}

export interface KillOptions {
  /** Kill before the first save. Default true. */
  before?: boolean;
  /** Kill while every Nth save is in flight. Default 3. */
  duringEvery?: number;
  /** Kill after the last save. Default true. */
  after?: boolean;
  maxAttempts?: number;
}

/** The running worker's boot id (a global the worker sets at start), waking it if stopped. */
export async function workerBootId(sift: Sift): Promise<string> {
  for (let i = 0; i < 50; i++) {
    try {
      const w = await sift.worker();
      return (await w.evaluate('globalThis.siftBootId')) as string;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('The service worker did not come back');
}

/**
 * Stop the worker and wait until a new one has started (woken by a message from `page`), so the
 * caller knows the kill really happened. Returns the new boot id.
 */
export async function killWorker(sift: Sift, page: Page): Promise<string> {
  const before = await workerBootId(sift);
  await sift.stopWorker();
  for (let i = 0; i < 100; i++) {
    // Any message wakes a stopped worker; unknown names are answered without side effects.
    await page.evaluate(() => chrome.runtime.sendMessage({ sift: 1, name: 'no.such.message', req: {} }).catch(() => null));
    const now = await workerBootId(sift).catch(() => before);
    if (now !== before) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The service worker was not restarted after the kill');
}

/** Install, in an extension page, a save function that retries under the same id until acknowledged. */
async function installSaver(page: Page, maxAttempts: number): Promise<void> {
  await page.evaluate((max) => {
    type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    const w = window as unknown as { __siftSave?: (req: unknown) => Promise<{ ok: boolean; attempts: number; error?: string }> };
    w.__siftSave = async (req) => {
      let last = '';
      for (let attempt = 1; attempt <= max; attempt++) {
        try {
          const reply = (await chrome.runtime.sendMessage({ sift: 1, name: 'clipping.save', req })) as Reply | undefined;
          if (reply?.ok) return { ok: true, attempts: attempt };
          last = reply ? `${reply.error?.code}: ${reply.error?.message}` : 'no reply';
        } catch (err) {
          last = String((err as Error)?.message ?? err);
        }
        await new Promise((r) => setTimeout(r, 40 * attempt));
      }
      return { ok: false, attempts: max, error: last };
    };
  }, maxAttempts);
}

/**
 * Send `requests` as 'clipping.save' messages from the extension page `page`, one after another
 * as a user saving pages would, killing the worker before, during (while a save is in flight)
 * and after. A failed attempt is retried with the same id, as the popup does.
 */
export async function savesUnderKills(sift: Sift, page: Page, requests: SaveRequest[], opts: KillOptions = {}): Promise<SaveRun> {
  const { before = true, duringEvery = 3, after = true, maxAttempts = 10 } = opts;
  await installSaver(page, maxAttempts);
  const run: SaveRun = { acked: [], failed: [], retries: 0, kills: 0, boots: [await workerBootId(sift)] };
  const kill = async () => {
    run.boots.push(await killWorker(sift, page));
    run.kills++;
  };
  if (before) await kill();
  for (let i = 0; i < requests.length; i++) {
    const req = requests[i]!;
    const saving = page.evaluate((r) => (window as unknown as { __siftSave: (r: unknown) => Promise<{ ok: boolean; attempts: number; error?: string }> }).__siftSave(r), req);
    if (duringEvery > 0 && i % duringEvery === duringEvery - 1) {
      // Vary the moment: sometimes before the worker reads the message, sometimes mid-transaction.
      await new Promise((r) => setTimeout(r, (i * 7) % 25));
      await sift.stopWorker();
      run.kills++;
    }
    const res = await saving;
    run.retries += res.attempts - 1;
    if (res.ok) run.acked.push(req.id);
    else run.failed.push({ id: req.id, error: res.error ?? '' });
  }
  if (after) await kill();
  run.boots.push(await workerBootId(sift));
  return run;
}

/** Every clipping stored, read straight from IndexedDB in an extension page (no Sift code involved). */
export async function storedClippings(page: Page): Promise<{ id: string; canonicalUrl: string; [k: string]: unknown }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sift');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('clippings').objectStore('clippings').getAll();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
