import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { DIST_FIREFOX, FirefoxSift } from './support/firefox.ts';
import { until } from './support/fixtures.ts';
import { Sift } from '../e2e/support/sift.ts';
import { PageServer } from '../e2e/support/server.ts';
import { clipping, makeSyncDist, message, syncNow, turnSyncOn } from '../e2e/support/sync.ts';
// @ts-expect-error -- a plain .mjs script without types
import { startSyncServer } from '../scripts/sync-server.mjs';

// Sync between Firefox and Chromium through one test server (scripts/sync-server.mjs): a
// Firefox profile (Sift's background is an event page there, its pages moz-extension://) and a
// Chromium profile (a service worker). A save on either appears on the other; a delete travels.
// Firefox runs with its own sync build (host permission for 127.0.0.1 in the manifest, as the
// Chromium one: the browsers' permission prompts cannot be clicked by a test).

const SYNC_DIST_FIREFOX = resolve(import.meta.dirname, '..', 'test-results', 'sync-dist-firefox');
function makeFirefoxSyncDist(): string {
  rmSync(SYNC_DIST_FIREFOX, { recursive: true, force: true });
  cpSync(DIST_FIREFOX, SYNC_DIST_FIREFOX, { recursive: true });
  const file = join(SYNC_DIST_FIREFOX, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(file, JSON.stringify(manifest));
  return SYNC_DIST_FIREFOX;
}

interface SyncServer {
  url: string;
  databaseOf(user: string): string;
  db(name: string): { allDocs(o?: object): Promise<{ rows: { id: string; value: { deleted?: boolean } }[] }> };
  stop(): Promise<void>;
}

const USER = 'alice';
const PASSWORD = 'pässwörd 密码';

/** Options -> Sync in Firefox, filled in and switched on with real (BiDi) input. */
async function turnSyncOnFirefox(ff: FirefoxSift, f: { url: string; database: string; user: string; password: string }): Promise<Page> {
  const page = await ff.openExtensionPage('src/options/index.html');
  for (const [id, value] of [['sync-url', f.url], ['sync-database', f.database], ['sync-user', f.user], ['sync-password', f.password]] as const) {
    await page.click(`[data-testid=${id}]`);
    await page.keyboard.type(value);
  }
  await page.click('[data-testid=sync-enable]');
  return page;
}

const state = (page: Page) => page.$eval('[data-testid=sync-status]', (e) => `${(e as HTMLElement).dataset.state} ${(e as HTMLElement).dataset.problem ?? ''} ${e.textContent}`);

async function firefoxIds(ff: FirefoxSift): Promise<string[]> {
  return ff.ext(`new Promise((ok, fail) => {
    const open = indexedDB.open('sift');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => { const r = open.result.transaction('clippings').objectStore('clippings').getAllKeys(); r.onsuccess = () => { ok(r.result); open.result.close(); }; };
  })`);
}

async function chromiumIds(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('sift');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const req = db.transaction('clippings').objectStore('clippings').getAllKeys();
    return new Promise<string[]>((ok) => (req.onsuccess = () => ok(req.result as string[])));
  });
}

test('Firefox and Chromium, one server: a save on either appears on the other, a delete travels', async () => {
  test.setTimeout(180_000);
  const server = (await startSyncServer({ users: { [USER]: PASSWORD } })) as SyncServer;
  const pages = await new PageServer().start();
  const [ff, chrome] = await Promise.all([FirefoxSift.launch({ dist: makeFirefoxSyncDist() }), Sift.launch({ dist: makeSyncDist() })]);
  const fields = { url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD };
  const remote = server.db(server.databaseOf(USER));
  const live = async () => (await remote.allDocs({ startkey: 'clip:', endkey: 'clip:\uffff' })).rows.filter((r) => !r.value.deleted).map((r) => r.id.slice(5)).sort();
  try {
    // Chromium first: a clipping, then sync on.
    const fromChrome = randomUUID();
    const optC = await chrome.openExtensionPage('src/options/index.html');
    await message(optC, 'clipping.restore', { clippings: [clipping(fromChrome, 1)] });
    await optC.close();
    const onC = await turnSyncOn(chrome, fields);
    await expect(onC.getByTestId('sync-status')).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
    expect(await live()).toEqual([fromChrome]);

    // Firefox turns sync on in its options page (the background page syncs): the clipping arrives.
    const onF = await turnSyncOnFirefox(ff, fields);
    await until(() => state(onF), (s) => s.startsWith('ok '), 'Firefox sync status', 60_000);
    await until(() => firefoxIds(ff), (ids) => ids.includes(fromChrome), 'the Chromium clipping in Firefox');
    const lib = await ff.openExtensionPage('src/library/index.html');
    await until(() => lib.$$eval('[data-testid=clipping]', (r) => r.map((x) => x.textContent ?? '')), (r) => r.some((t) => t.includes('Sync test clipping 1')), 'the library in Firefox');

    // A save in Firefox with its toolbar popup syncs by itself, and reaches Chromium.
    const page = await ff.openPage(pages.url('/seed-article.html'));
    const popup = await ff.clickToolbar(page);
    await popup.waitState('ready');
    await popup.click('[data-testid=save]');
    await popup.waitState('saved');
    const saved = (await firefoxIds(ff)).find((id) => id !== fromChrome)!;
    await until(live, (ids) => ids.includes(saved), 'the Firefox save on the server', 30_000);
    await syncNow(onC);
    expect((await chromiumIds(onC)).sort()).toEqual([fromChrome, saved].sort());

    // Delete in Firefox: gone in Chromium. Delete in Chromium: gone in Firefox.
    await ff.message('clipping.delete', { ids: [fromChrome] });
    await until(live, (ids) => !ids.includes(fromChrome), 'the delete on the server', 30_000);
    await syncNow(onC);
    expect(await chromiumIds(onC)).toEqual([saved]);
    await message(onC, 'clipping.delete', { ids: [saved] });
    await until(live, (ids) => ids.length === 0, 'the Chromium delete on the server', 30_000);
    await onF.click('[data-testid=sync-now]');
    await until(() => firefoxIds(ff), (ids) => ids.length === 0, 'the delete in Firefox', 30_000);
    await until(() => state(onF), (s) => s.startsWith('ok '), 'Firefox sync status after the delete');
    expect(ff.extensionErrors()).toEqual([]);
  } finally {
    await Promise.all([ff.close(), chrome.close()]);
    await pages.stop();
    await server.stop();
  }
});
