import browser from 'webextension-polyfill';
import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import { configProblems, checkServerUrl, type SyncConfig } from '../../core/sync/settings.ts';
import { NOTE_MARK } from '../../core/sync/merge.ts';
import { DexieStore } from '../../platform/store/dexie-store.ts';
import { SiftError } from '../../shared/errors.ts';
import { getStore, tellPages } from '../store.ts';
import { seedOutbox, syncOnce } from './engine.ts';
import type { PouchCtor, PouchDb } from './pouch-types.ts';
import { openRemote, problemOfError, testConnection, type ConnectionResult } from './remote.ts';
import { setTimer } from './schedule.ts';
import { allowSyncOrigin } from '../capture/guard.ts';
import { loadSyncConfig, loadSyncStatus, saveSyncConfig, saveSyncStatus, SETTINGS_AT_KEY, type SyncStatus } from './status.ts';
import { NEVER, type SettingsPort } from './settings-sync.ts';
import { pickShared } from '../../core/sync/shared-settings.ts';
import { validateSettings } from '../../shared/settings.ts';

// The part of the worker that holds PouchDB: loaded only when sync is on.

const PouchCtorImpl = PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication) as unknown as PouchCtor;

let mirror: PouchDb | null = null;
/**
 * How many revisions of a document's history the mirror keeps. PouchDB stores the revision tree
 * as nested arrays, one level per revision, and Chromium's IndexedDB fails to store one a few
 * hundred levels deep (found with a 600-revision document: the whole write aborts, and every
 * later sync with it). A server may keep 1,000 (CouchDB's default) or any number; the mirror
 * keeps the newest 200, which replication needs only to find the common ancestor of two edits.
 */
export const MIRROR_REVS_LIMIT = 200;
/** The local copy of the server's database, in this browser's IndexedDB. */
function getMirror(): PouchDb {
  mirror ??= new PouchCtorImpl('sift-sync', { adapter: 'indexeddb', revs_limit: MIRROR_REVS_LIMIT });
  return mirror;
}

function siftDb(): DexieStore['db'] {
  const store = getStore();
  if (!(store instanceof DexieStore)) throw new Error('sync needs the IndexedDB store');
  return store.db;
}

function hasPermission(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

/** This device's settings, as the settings document sees them. */
const settingsPort: SettingsPort = {
  async read() {
    const got = await browser.storage.local.get(['settings', SETTINGS_AT_KEY]);
    const at = typeof got[SETTINGS_AT_KEY] === 'string' ? (got[SETTINGS_AT_KEY] as string) : NEVER;
    return { values: pickShared(validateSettings(got.settings)), at };
  },
  async write(values, at) {
    const got = await browser.storage.local.get('settings');
    // One write with the stamp: the change listener (schedule.ts) sees it came from sync.
    await browser.storage.local.set({ settings: validateSettings({ ...validateSettings(got.settings), ...values }), [SETTINGS_AT_KEY]: at });
  },
};

let running: Promise<SyncStatus> | null = null;
let queued: Promise<SyncStatus> | null = null;

async function runOnce(reason: string): Promise<SyncStatus> {
  const config = await loadSyncConfig();
  if (!config.enabled || configProblems(config).length) return saveSyncStatus({ state: 'off', problem: null });
  const url = checkServerUrl(config.url);
  if (url.ok && !(await hasPermission(url.permission))) return saveSyncStatus({ state: 'error', problem: 'permission' });
  // The capture guard blocks the machine's and network's own addresses: the sync server may be one.
  if (url.ok) await allowSyncOrigin(url.origin);
  if (globalThis.navigator?.onLine === false) return saveSyncStatus({ state: 'offline', problem: 'unreachable' });
  await saveSyncStatus({ state: 'syncing', problem: null });
  try {
    const report = await syncOnce({
      db: siftDb(),
      mirror: getMirror(),
      remote: openRemote(PouchCtorImpl, config),
      noteMark: browser.i18n.getMessage('syncNoteMark') || NOTE_MARK,
      settings: settingsPort,
    });
    if (report.receivedIds.size) tellPages();
    const now = new Date().toISOString();
    // What the server sent that was refused stays on show until a later run refuses something
    // else: the automatic run a moment later must not hide it before anyone has seen it.
    const refused = report.refused.length
      ? { refused: report.refused.length, refusedSample: report.refused.slice(0, 20), refusedAt: now }
      : {};
    return saveSyncStatus({
      state: 'ok',
      lastSyncAt: now,
      sent: report.sent,
      received: report.received,
      merged: report.merged,
      ...refused,
      problem: null,
      detail: '',
      ms: report.ms,
    });
  } catch (err) {
    const problem = problemOfError(err);
    // Unreachable: the changes wait in the outbox and the mirror; the next run sends them.
    // The error's own words for the curious (no credentials: they are only ever in a header).
    const detail = String((err as Error)?.message ?? err).slice(0, 300);
    return saveSyncStatus({ state: problem === 'unreachable' ? 'offline' : 'error', problem, detail });
  } finally {
    void reason;
  }
}

/**
 * One run at a time. A request during a run gets the next run, which starts after this one: so
 * "Sync now" always includes what changed before the click (a run already under way may not).
 */
export function runSync(reason: string): Promise<SyncStatus> {
  if (!running) {
    const run = runOnce(reason).finally(() => {
      running = null;
    });
    running = run;
    return run;
  }
  queued ??= running
    .catch(() => undefined)
    .then(() => {
      queued = null;
      return runSync(reason);
    });
  return queued;
}

/** Options -> Sync: store the settings; turning sync on sends the whole library on the first run. */
export async function configure(config: SyncConfig): Promise<SyncStatus> {
  const problems = configProblems(config);
  if (config.enabled && problems.length) {
    throw new SiftError('bad-request', problems.map((p) => `${p.field}: ${p.problem}`).join(', '));
  }
  const before = await loadSyncConfig();
  await saveSyncConfig(config);
  await setTimer(config.enabled);
  if (!config.enabled) return saveSyncStatus({ state: 'off', problem: null });
  // A library that existed before sync (or while it was off) goes up whole; the drain skips
  // what the server already has.
  if (!before.enabled || before.url !== config.url || before.database !== config.database) await seedOutbox(siftDb());
  return runSync('configure');
}

export async function checkConnection(config: SyncConfig): Promise<ConnectionResult> {
  const url = checkServerUrl(config.url);
  if (url.ok) await allowSyncOrigin(url.origin);
  return testConnection(config, hasPermission);
}

export { loadSyncStatus };
