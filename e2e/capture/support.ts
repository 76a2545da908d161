import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect } from '../support/fixtures.ts';
import type { PageServer } from '../support/server.ts';

// Shared by the capture tests: the test build (npm run build:test: host permission and fetch
// policy for 127.0.0.1 only), article pages served under many addresses, sample exports pointed
// at the test server, and the queue panel's counts.

export const DIST_CHROME_TEST = resolve(import.meta.dirname, '..', '..', 'dist', 'chrome-test');
const ROOT = resolve(import.meta.dirname, '..', '..');
export const SAMPLES = join(ROOT, 'fixtures', 'reading-list');
const ARTICLE = readFileSync(join(ROOT, 'e2e', 'pages', 'article-en.html'), 'utf8');

/** The English test article as a page of its own at `path`: its canonical address is `path`'s, its title numbered. */
/** An article page at `path`; with `gate`, its answer waits for the gate to open. */
export function articleAt(server: PageServer, path: string, n: number, gate?: Promise<void>): void {
  server.route(path, async (_req, res) => {
    await gate;
    const url = server.url(path);
    const html = ARTICLE.replace(/(<link rel="canonical" href=")[^"]*/, `$1${url}`)
      .replace(/(<meta property="og:url" content=")[^"]*/, `$1${url}`)
      .replace(/<title>([^<]*)/, `<title>$1 (${n})`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
}

/** A sample export with its reading.example addresses on the test server. */
export function sample(server: PageServer, name: string): Buffer {
  return Buffer.from(readFileSync(join(SAMPLES, name), 'utf8').replaceAll('https://reading.example', server.origin));
}

export function omnivoreSample(server: PageServer): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(SAMPLES, 'omnivore', rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else files[p] = Buffer.from(readFileSync(join(SAMPLES, 'omnivore', p), 'utf8').replaceAll('https://reading.example', server.origin));
    }
  };
  walk('');
  return Buffer.from(zipSync(files));
}

export interface QueueCounts {
  done: number;
  failed: number;
  waiting: number;
  needsPermission: number;
  alreadySaved: number;
}

export async function queueCounts(page: Page): Promise<QueueCounts> {
  const d = await page.locator('[data-testid=queue]').first().evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return { done: Number(d.done ?? 0), failed: Number(d.failed ?? 0), waiting: Number(d.waiting ?? 0), needsPermission: Number(d.needsPermission ?? 0), alreadySaved: Number(d.alreadySaved ?? 0) };
}

/** Choose a file in the options page's "Import from…" input, as a user does. */
export async function importFile(options: Page, name: string, buffer: Buffer): Promise<void> {
  await options.locator('[data-testid=import-reading-list]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/**
 * Wait for the queue to be idle. With `total`: until that many items have ended, since right after
 * an import is chosen the queue can still be empty (nothing waiting yet) and look idle.
 */
export async function waitIdle(page: Page, timeout = 60_000, total = 0): Promise<QueueCounts> {
  await expect
    .poll(async () => {
      const c = await queueCounts(page);
      return c.waiting === 0 && c.done + c.failed >= total;
    }, { timeout })
    .toBe(true);
  return queueCounts(page);
}
