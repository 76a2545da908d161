import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DIST_CHROME, type Sift } from './sift.ts';

// Sync in e2e: a copy of the built extension whose manifest already holds the host permission
// for 127.0.0.1, so the options page's permissions.request() is granted without the browser's
// prompt (which Playwright cannot click). The production build asks for it at run time.

// One copy per worker process: a copy shared by two workers was deleted and written again under
// a running browser by the other worker's next test (the worker's chunks load lazily from it).
export const SYNC_DIST = resolve(import.meta.dirname, '..', '..', 'test-results', `sync-dist-chrome-${process.pid}`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function makeSyncDist(): string {
  const dir = dirname(SYNC_DIST);
  // Copies left by workers that have ended.
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const pid = /^sync-dist-chrome-(\d+)$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
  rmSync(SYNC_DIST, { recursive: true, force: true });
  cpSync(DIST_CHROME, SYNC_DIST, { recursive: true });
  const file = join(SYNC_DIST, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(file, JSON.stringify(manifest));
  return SYNC_DIST;
}

export interface SyncFields {
  url: string;
  database: string;
  user: string;
  password: string;
}

/** Options -> Sync filled in as a user does, then switched on. */
export async function turnSyncOn(sift: Sift, f: SyncFields): Promise<Page> {
  const page = await sift.openExtensionPage('src/options/index.html');
  await page.fill('[data-testid=sync-url]', f.url);
  await page.fill('[data-testid=sync-database]', f.database);
  await page.fill('[data-testid=sync-user]', f.user);
  await page.fill('[data-testid=sync-password]', f.password);
  await page.check('[data-testid=sync-enable]');
  return page;
}

/**
 * "Sync now", and wait for that run's own end: the status is busy from the click until the reply
 * (waiting for data-state alone once took the previous run's 'ok' for it).
 */
export async function syncNow(options: Page, state = 'ok'): Promise<void> {
  const status = options.locator('[data-testid=sync-status]');
  await options.click('[data-testid=sync-now]');
  await expect(status).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-state', state);
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } };

/** A message to the worker from an extension page (the router checks it as for any page). */
export async function message<T>(page: Page, name: string, req: object): Promise<T> {
  const reply = await page.evaluate(([n, r]) => chrome.runtime.sendMessage({ sift: 1, name: n, req: r }), [name, req] as const);
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** A clipping as the store holds it (the harness does not import src/). */
export function clipping(id: string, i: number, text = 'Body text of a clipping made for the sync test.'): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  const url = `https://example.org/sync/${i}`;
  return {
    id, schema: 1, title: `Sync test clipping ${i}`, byline: null, siteName: 'Example', publishedTime: null, modifiedTime: null,
    lang: 'en', dir: 'ltr', url, canonicalUrl: url, sourceUrl: null, leadImage: null, excerpt: null, wordCount: 9,
    readingMinutes: 1, html: `<p>${text}</p>`, text, entities: [], tags: [], note: '', savedAt: at, updatedAt: at,
  };
}
