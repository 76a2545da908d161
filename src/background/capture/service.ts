import browser from 'webextension-polyfill';
import type { Clipping } from '../../core/clipping.ts';
import { checkItemUrl } from '../../core/reading-list/url-check.ts';
import { hostOf } from '../../core/clipping.ts';
import type { DexieStore } from '../../platform/store/dexie-store.ts';
import { quotaSafe } from '../../platform/store/quota.ts';
import { getStore, notifyChanged } from '../store.ts';
import { cleanHtml, releaseCleaner } from './clean-client.ts';
import { fetchPage, type FetchOptions, type FetchResult } from './fetch-page.ts';
import { guardReady } from './guard.ts';
import { hasHostPermission } from './host-permission.ts';
import { FETCH_POLICY } from './policy.ts';
import { COOKIE_SITES_KEY } from './cookie-sites.ts';
import { QueueStore } from './queue-store.ts';
import type { QueueInput, QueueItem, QueueSource, QueueStatus } from './queue-types.ts';
import { QueueRunner } from './runner.ts';

// The worker's capture queue: one runner per worker life, woken at start, by any message, by an
// alarm while work remains, and kept awake while it runs.

export const QUEUE_ALARM = 'sift-queue';
const KEEPALIVE_MS = 20_000;

let runner: QueueRunner | null = null;
let keepalive: ReturnType<typeof setInterval> | null = null;
let notifyTimer: ReturnType<typeof setTimeout> | null = null;

/** The library refreshes at most twice a second while an import runs. */
function notifySoon(): void {
  notifyTimer ??= setTimeout(() => {
    notifyTimer = null;
    notifyChanged();
  }, 500);
}

async function cookieSites(): Promise<string[]> {
  const got = await browser.storage.local.get(COOKIE_SITES_KEY);
  const v = got[COOKIE_SITES_KEY];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** A capture fetch only once the browser's guard against private addresses is in place (guard.ts). */
async function guardedFetch(url: string, opts: FetchOptions): Promise<FetchResult> {
  if (!(await guardReady())) return { kind: 'retry', reason: 'Sift could not set up its protection against addresses of your own network, so it fetched nothing.', retryAfterMs: null };
  return fetchPage(url, opts);
}

/** A clipping stored under one of these addresses (the badge of a tab whose page is saved). */
export function findInLibrary(urls: string[]): Promise<Clipping | undefined> {
  return new QueueStore((getStore() as DexieStore).db).findSaved(urls, '');
}

export function getRunner(boot: string): QueueRunner {
  if (runner) return runner;
  const queue = new QueueStore((getStore() as DexieStore).db);
  runner = new QueueRunner(
    {
      queue,
      policy: FETCH_POLICY,
      fetchPage: guardedFetch,
      clean: cleanHtml,
      save: async (c: Clipping) => {
        await quotaSafe(() => getStore().save(c));
        notifySoon();
      },
      hasPermission: hasHostPermission,
      credentialsFor: async (host) => (await cookieSites()).includes(host.replace(/^www\./, '')),
      now: () => Date.now(),
    },
    boot,
  );
  runner.onChange = () => void watch();
  return runner;
}

/** While items wait: an alarm (it restarts a killed worker) and a keep-alive call (it keeps this one). */
async function watch(): Promise<void> {
  const r = runner;
  if (!r) return;
  const working = r.busy;
  if (working && !keepalive) {
    keepalive = setInterval(() => void browser.runtime.getPlatformInfo(), KEEPALIVE_MS);
    await browser.alarms.create(QUEUE_ALARM, { periodInMinutes: 0.5 });
  } else if (!working) {
    if (keepalive) clearInterval(keepalive);
    keepalive = null;
    const left = (await r.queue.count('waiting')) + (await r.queue.count('fetching'));
    if (!left) {
      await browser.alarms.clear(QUEUE_ALARM);
      void releaseCleaner();
    }
  }
}

export async function kickQueue(boot: string): Promise<void> {
  const r = getRunner(boot);
  await r.kick();
  await watch();
}

/** Queue addresses (an import's items, a link): each checked again here, whatever the page sent. */
export async function enqueue(boot: string, inputs: QueueInput[], source: QueueSource, importedFrom?: string): Promise<{ added: number; refused: { index: number; reason: string }[]; batch: string; ids: string[] }> {
  const batch = crypto.randomUUID();
  const refused: { index: number; reason: string }[] = [];
  const items: Omit<QueueItem, 'seq'>[] = [];
  inputs.forEach((raw, index) => {
    const checked = checkItemUrl(typeof raw?.url === 'string' ? raw.url : '', FETCH_POLICY);
    if ('reason' in checked) return void refused.push({ index, reason: checked.reason });
    items.push({
      id: crypto.randomUUID(),
      batch,
      source,
      url: checked.url,
      host: hostOf(checked.url),
      title: typeof raw.title === 'string' ? raw.title.slice(0, 1000) : '',
      savedAt: typeof raw.savedAt === 'string' && !Number.isNaN(Date.parse(raw.savedAt)) ? raw.savedAt : null,
      tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string').slice(0, 64) : [],
      status: raw.status === 'unread' || raw.status === 'archived' ? raw.status : null,
      ...(typeof raw.content === 'string' && raw.content ? { content: raw.content } : {}),
      ...(importedFrom ? { importedFrom } : {}),
      state: 'waiting',
      attempts: 0,
      nextAt: 0,
    });
  });
  const r = getRunner(boot);
  if (items.length) await quotaSafe(() => r.queue.add(items));
  void kickQueue(boot);
  return { added: items.length, refused, batch, ids: items.map((i) => i.id) };
}

export type QueueAction = 'pause' | 'resume' | 'cancel' | 'retry-failed';

export async function controlQueue(boot: string, action: QueueAction): Promise<QueueStatus> {
  const r = getRunner(boot);
  const q = r.queue;
  if (action === 'pause') await q.setPaused(true);
  else if (action === 'resume') {
    await q.setPaused(false);
    // Resuming is also how the page says "I asked for the permission": those items try again.
    await q.move(['needs-permission'], 'waiting', { nextAt: 0 });
  } else if (action === 'cancel') await q.move(['waiting', 'needs-permission'], 'cancelled');
  else if (action === 'retry-failed') await q.move(['failed'], 'waiting', { attempts: 0, nextAt: 0 });
  await kickQueue(boot);
  return r.status();
}

export async function queueStatus(boot: string): Promise<QueueStatus> {
  const r = getRunner(boot);
  void kickQueue(boot);
  return r.status();
}

/** An item once it has left the queue (done, failed, needs permission, cancelled), or null after `timeoutMs`. */
export async function settled(boot: string, id: string, timeoutMs = 180_000): Promise<QueueItem | null> {
  const q = getRunner(boot).queue;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const it = await q.get(id);
    if (!it) return null;
    if (it.state !== 'waiting' && it.state !== 'fetching') return it;
    await new Promise((r) => setTimeout(r, 300));
  }
  return null;
}
