import browser from 'webextension-polyfill';
import { validateSettings } from '../../shared/settings.ts';
import { pickShared, sameShared } from '../../core/sync/shared-settings.ts';
import { loadSyncConfig, loadSyncStatus, SETTINGS_AT_KEY } from './status.ts';

// When sync runs: a moment after each change, on a timer while the browser runs, at start-up
// and when the network comes back. This file is all the worker loads while sync is off; the
// engine and PouchDB come in by dynamic import only when a run is due.

export const ALARM = 'sift-sync';
const PERIOD_MINUTES = 5;
const DEBOUNCE_MS = 1500;
/** A worker restarts often (after 30 s idle, then woken by any event): no start-up run this soon after a good one. */
const STARTUP_QUIET_MS = 60_000;

let timer: ReturnType<typeof setTimeout> | undefined;

export async function syncIfEnabled(reason: string): Promise<void> {
  const config = await loadSyncConfig();
  if (!config.enabled) return;
  const { runSync } = await import('./service.ts');
  await runSync(reason);
}

/** After a change in the library: one run for a burst of changes. */
export function syncSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void syncIfEnabled('change'), DEBOUNCE_MS);
}

export async function setTimer(on: boolean): Promise<void> {
  if (!browser.alarms) return;
  if (on) await browser.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES });
  else await browser.alarms.clear(ALARM);
}

/** Registered synchronously at start, so a worker woken by the alarm gets it. */
export function initSync(): void {
  browser.alarms?.onAlarm.addListener((a) => {
    if (a.name === ALARM) void syncIfEnabled('timer');
  });
  globalThis.addEventListener?.('online', () => void syncIfEnabled('online'));
  // A change of the settings that travel, made on this device, is stamped and synced. A change
  // that sync itself applied carries its own stamp in the same write, and is not stamped again.
  browser.storage.onChanged.addListener((changes, area) => {
    const c = changes.settings;
    if (area !== 'local' || !c || changes[SETTINGS_AT_KEY]) return;
    if (sameShared(pickShared(validateSettings(c.oldValue)), pickShared(validateSettings(c.newValue)))) return;
    void browser.storage.local.set({ [SETTINGS_AT_KEY]: new Date().toISOString() }).then(syncSoon);
  });
  void loadSyncStatus().then((s) => {
    // A run cut short by a killed worker left 'syncing' behind: carry on with it now.
    const recent = s.state === 'ok' && s.lastSyncAt && Date.now() - Date.parse(s.lastSyncAt) < STARTUP_QUIET_MS;
    if (!recent) void syncIfEnabled('startup');
  });
}
