import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { PageServer } from './support/server.ts';
import { Sift } from './support/sift.ts';
import { clipping, makeSyncDist, message, syncNow, turnSyncOn } from './support/sync.ts';
import { killWorker } from './support/worker-kill.ts';
// @ts-expect-error -- a plain .mjs script without types
import { startSyncServer } from '../scripts/sync-server.mjs';

// Two browser profiles (two Chromiums with Sift), one CouchDB-protocol server on 127.0.0.1
// (scripts/sync-server.mjs), everything through the options page and the real toolbar popup.

interface SyncServer {
  url: string;
  stats: { requests: number };
  databaseOf(user: string): string;
  db(name: string): {
    get(id: string, opts?: object): Promise<Record<string, unknown>>;
    allDocs(opts?: object): Promise<{ rows: { id: string; value: { deleted?: boolean } }[] }>;
    info(): Promise<{ doc_count: number }>;
  };
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'alice';
const PASSWORD = 'pässwörd 密码';
let dist = '';
test.beforeAll(() => {
  dist = makeSyncDist();
});

test('two profiles, one server: save on A appears on B; apart edits merge; a delete travels; wrong password and a down server lose nothing', async () => {
  test.setTimeout(150_000);
  const server = (await startSyncServer({ users: { [USER]: PASSWORD } })) as SyncServer;
  const pages = await new PageServer().start();
  const [a, b] = await Promise.all([Sift.launch({ dist }), Sift.launch({ dist })]);
  const fields = { url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD };
  const remote = server.db(server.databaseOf(USER));
  try {
    const optA = await turnSyncOn(a, fields);
    await expect(optA.getByTestId('sync-status')).toHaveAttribute('data-state', 'ok');

    // Save on A with the real toolbar popup.
    const page = await a.openPage(pages.url('/article-en.html'));
    const { popup, close } = await a.clickToolbar(page);
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
    const title = (await popup.getByTestId('title').innerText()).trim();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');
    await close();
    // The save syncs by itself (debounced): the server gets clip:<id>.
    const clips = async () => (await remote.allDocs({ startkey: 'clip:', endkey: 'clip:\uffff' })).rows;
    await expect.poll(async () => (await clips()).length, { timeout: 20_000 }).toBe(1);
    const id = (await clips())[0]!.id.replace(/^clip:/, '');

    // B turns sync on: the first sync brings the clipping; B's library shows it.
    const optB = await turnSyncOn(b, fields);
    await expect(optB.getByTestId('sync-status')).toHaveAttribute('data-state', 'ok');
    const libB = await b.openExtensionPage('src/library/index.html');
    await expect(libB.getByTestId('clipping')).toHaveCount(1);
    await expect(libB.getByTestId('clipping').first()).toContainText(title);
    await expect(libB.getByTestId('library-sync-status')).toHaveAttribute('data-state', 'ok');

    // Both offline (server down): tags on A, the note on B.
    await server.pause();
    await message(optA, 'clipping.update', { id, tags: ['from A', '标签'] });
    await message(optB, 'clipping.update', { id, note: 'Note written on B' });
    await syncNow(optA, 'offline');
    await expect(optA.getByTestId('sync-status')).toContainText(/reach the server/);
    await syncNow(optB, 'offline');
    await expect(libB.getByTestId('library-sync-status')).toHaveAttribute('data-state', 'offline');
    // Nothing lost while the server is down.
    const heldA = await message<{ deleted: unknown[] }>(optA, 'clipping.delete', { ids: [] });
    expect(heldA.deleted).toEqual([]);

    // Server back: both converge to the merged clipping, no conflict revisions left.
    await server.resume();
    await syncNow(optA);
    await syncNow(optB);
    await syncNow(optA);
    for (const opt of [optA, optB]) {
      const got = await opt.evaluate(async (cid) => {
        const open = indexedDB.open('sift');
        const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
        const req = db.transaction('clippings').objectStore('clippings').get(cid);
        return new Promise<{ tags: string[]; note: string }>((ok) => (req.onsuccess = () => ok(req.result)));
      }, id);
      expect(got.tags).toEqual(['from A', '标签']);
      expect(got.note).toBe('Note written on B');
    }
    expect((await remote.get(`clip:${id}`, { conflicts: true }))._conflicts).toBeUndefined();

    // A setting that travels: the theme chosen on A reaches B.
    await optA.check('[data-testid=theme-dark]');
    await expect.poll(async () => (await remote.get('settings:shared').catch(() => ({ values: {} })) as { values: { theme?: string } }).values.theme, { timeout: 20_000 }).toBe('dark');
    await syncNow(optB);
    await optB.reload();
    await expect(optB.locator('[data-testid=theme-dark]')).toBeChecked();

    // Delete on B: gone on A.
    await message(optB, 'clipping.delete', { ids: [id] });
    await expect(optB.getByTestId('sync-status')).toHaveAttribute('data-state', 'ok');
    await expect.poll(async () => (await remote.allDocs({ keys: [`clip:${id}`] })).rows[0]?.value?.deleted, { timeout: 20_000 }).toBe(true);
    await syncNow(optA);
    const libA = await a.openExtensionPage('src/library/index.html');
    await expect(libA.getByTestId('clipping')).toHaveCount(0);

    // Wrong password: the connection test and the sync say so; the library keeps what it has.
    await message(optA, 'clipping.restore', { clippings: [clipping(randomUUID(), 1)] });
    await optA.uncheck('[data-testid=sync-enable]');
    await optA.fill('[data-testid=sync-password]', 'not the password');
    await optA.click('[data-testid=sync-test]');
    await expect(optA.getByTestId('sync-problem')).toHaveAttribute('data-result', 'wrong-password');
    await expect(optA.getByTestId('sync-problem')).toContainText(/user name or password/);
    await optA.check('[data-testid=sync-enable]');
    await expect(optA.getByTestId('sync-status')).toHaveAttribute('data-state', 'error');
    await expect(optA.getByTestId('sync-status')).toHaveAttribute('data-problem', 'wrong-password');
    await libA.reload();
    await expect(libA.getByTestId('clipping')).toHaveCount(1);
    // The password is in extension storage only: never in the server's URL or the options page's address.
    expect(optA.url()).not.toContain('not the password');

    // Right password again: the clipping made meanwhile reaches B.
    await optA.uncheck('[data-testid=sync-enable]');
    await optA.fill('[data-testid=sync-password]', PASSWORD);
    await optA.check('[data-testid=sync-enable]');
    await expect(optA.getByTestId('sync-status')).toHaveAttribute('data-state', 'ok');
    await syncNow(optB);
    await libB.reload();
    await expect(libB.getByTestId('clipping')).toHaveCount(1);
    await expect(libB.getByTestId('clipping').first()).toContainText('Sync test clipping 1');
  } finally {
    await Promise.all([a.close(), b.close()]);
    await pages.stop();
    await server.stop();
  }
});

/** How many clippings the profile's library holds (read in an extension page, as the library does). */
async function localCount(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('sift');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const req = db.transaction('clippings').objectStore('clippings').count();
    return new Promise<number>((ok) => (req.onsuccess = () => ok(req.result)));
  });
}

test('a first sync of 1,000 clippings, up and down, with the service worker killed twice each way, ends complete with no duplicates', async () => {
  test.setTimeout(240_000);
  // A slow network, so the kills land in the middle of the sync.
  const server = (await startSyncServer({ users: { [USER]: PASSWORD }, latencyMs: 120 })) as SyncServer;
  const [a, b] = await Promise.all([Sift.launch({ dist }), Sift.launch({ dist })]);
  const fields = { url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD };
  const remote = server.db(server.databaseOf(USER));
  // Replication goes in batches of 250: 1,000 makes four, so both kills land between batches.
  const N = 1000;
  const clipCount = async () => (await remote.allDocs({ startkey: 'clip:', endkey: 'clip:\uffff' })).rows.length;
  try {
    const optA = await a.openExtensionPage('src/options/index.html');
    await message(optA, 'clipping.restore', { clippings: Array.from({ length: N }, (_, i) => clipping(randomUUID(), i)) });
    expect(await localCount(optA)).toBe(N);

    // Up: A turns sync on; the worker is killed once 250 and once 500 documents have arrived.
    await optA.close();
    const onA = await turnSyncOn(a, fields);
    for (const mark of [250, 500]) {
      await expect.poll(clipCount, { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(mark);
      expect(await clipCount()).toBeLessThan(N);
      await killWorker(a, onA);
    }
    // The restarted worker carries on by itself (start-up sync).
    await expect.poll(clipCount, { timeout: 60_000 }).toBe(N);
    await syncNow(onA);

    // Down: B turns sync on; killed twice while the documents come in.
    const onB = await turnSyncOn(b, fields);
    for (let k = 0; k < 2; k++) {
      const start = server.stats.requests;
      await expect.poll(() => server.stats.requests - start, { timeout: 30_000, intervals: [20] }).toBeGreaterThanOrEqual(6);
      await killWorker(b, onB);
    }
    await expect.poll(() => localCount(onB), { timeout: 60_000 }).toBe(N);
    await syncNow(onB);
    expect(await localCount(onB)).toBe(N);
    expect(await clipCount()).toBe(N);
    const lib = await b.openExtensionPage('src/library/index.html');
    await expect(lib.getByTestId('clipping').first()).toBeVisible();
  } finally {
    await Promise.all([a.close(), b.close()]);
    await server.stop();
  }
});
