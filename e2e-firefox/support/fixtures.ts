import { test as base, expect } from '@playwright/test';
import { PageServer } from '../../e2e/support/server.ts';
import { Recorder } from '../../e2e/support/recorder.ts';
import type { Page } from 'puppeteer-core';
import { FirefoxSift } from './firefox.ts';

// One Firefox for the whole suite (it takes 5-10 s to start on 2 cores): each test starts from an
// empty library, default settings and no tabs but the harness's own. The recording server stands
// for every other host: Firefox sends all non-local HTTP through it as a proxy, so the tests stay
// offline and a hostile page's beacon (http://tracker.sift.test/...) lands there.
export const test = base.extend<{ ff: FirefoxSift; server: PageServer }, { firefox: FirefoxSift; recorder: Recorder; pages: PageServer }>({
  recorder: [async ({}, use) => {
    const r = await new Recorder().start();
    await use(r);
    await r.stop();
  }, { scope: 'worker' }],
  pages: [async ({}, use) => {
    const s = await new PageServer().start();
    await use(s);
    await s.stop();
  }, { scope: 'worker' }],
  firefox: [async ({ recorder }, use) => {
    const ff = await FirefoxSift.launch({
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': recorder.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': recorder.port,
        'network.proxy.no_proxies_on': '127.0.0.1',
      },
    });
    await use(ff);
    await ff.close();
  }, { scope: 'worker', timeout: 60_000 }],
  server: async ({ pages }, use) => use(pages),
  ff: async ({ firefox }, use) => {
    const driver = await firefox.driver();
    for (const p of await firefox.browser.pages()) if (p !== driver) await p.close().catch(() => {});
    await firefox.ext(`Promise.all(browser.extension.getViews({ type: 'popup' }).map((w) => w.close()))`);
    await firefox.message('library.clear', {});
    await firefox.ext('browser.storage.local.clear()');
    const from = firefox.log.length;
    await use(firefox);
    // Nothing Sift ran may have thrown in any extension page during the test.
    expect(firefox.extensionErrors(from)).toEqual([]);
  },
});

export { expect };

/** Poll `fn` until `ok(value)` (Playwright's expect.poll, kept short to read in the specs). */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  let v: T | undefined;
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) {
    v = await fn().catch(() => undefined as T);
    if (v !== undefined && ok(v)) return v;
  }
  throw new Error(`${what}: last value ${JSON.stringify(v)}`);
}

/** Every clipping in Sift's IndexedDB store, read from an extension page (same origin). */
export function storedClippings(ff: FirefoxSift): Promise<{ id: string; [k: string]: unknown }[]> {
  return ff.ext(`new Promise((resolve, reject) => {
    const open = indexedDB.open('sift');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('clippings').objectStore('clippings').getAll();
      req.onsuccess = () => { resolve(req.result); db.close(); };
      req.onerror = () => reject(req.error);
    };
  })`);
}

/** What a user does to keep a page: the toolbar button, then Save in the popup. */
export async function saveWithPopup(ff: FirefoxSift, url: string): Promise<void> {
  const page = await ff.openPage(url);
  const popup = await ff.clickToolbar(page);
  await popup.waitState('ready');
  await popup.click('[data-testid=save]');
  await popup.waitState('saved');
  await popup.close();
  await page.close();
}

/** The visible text of each listed clipping of a library page. */
export function rows(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=clipping]', (r) => r.map((e) => (e as HTMLElement).innerText));
}
