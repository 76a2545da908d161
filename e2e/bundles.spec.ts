import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

// PouchDB (sync) lives in the service worker / background page only, started when sync is on: the
// pages' bundles must not carry it (issue 15: the popup and library bundles must not grow). The
// check follows each page's module graph from its HTML through the built files, in both builds.

const ROOT = resolve(import.meta.dirname, '..', 'dist');
const PAGES = ['src/popup/index.html', 'src/library/index.html', 'src/options/index.html'];

/** Every JS file an HTML page loads, following static and dynamic imports. */
function graph(dist: string, html: string): Set<string> {
  const seen = new Set<string>();
  const page = resolve(dist, html);
  const queue = [...readFileSync(page, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1]!.startsWith('/') ? resolve(dist, `.${m[1]}`) : resolve(dirname(page), m[1]!)));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(resolve(dirname(file), m[1]!));
  }
  return seen;
}

const POUCH = /pouchdb/i;

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: PouchDB is in the background bundle only, never in a page's`, () => {
    const dist = resolve(ROOT, browser);
    const background = resolve(dist, 'src/background/index.js');
    // The check can see PouchDB where it is (else a renamed marker would pass it silently).
    expect(POUCH.test(readFileSync(background, 'utf8'))).toBe(true);
    for (const html of PAGES) {
      const files = graph(dist, html);
      expect(files.size, `${html}: its scripts`).toBeGreaterThan(1);
      expect([...files].filter((f) => POUCH.test(readFileSync(f, 'utf8'))), `${html} loads PouchDB`).toEqual([]);
    }
  });
}
