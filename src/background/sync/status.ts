import browser from 'webextension-polyfill';
import { validateSyncConfig, type SyncConfig } from '../../core/sync/settings.ts';
import type { ConnectionProblem } from './remote.ts';

// Sync's configuration and status, in extension storage (never in a URL, a log or an export).
// Light: the worker's start-up and the pages read these without loading PouchDB.

export const CONFIG_KEY = 'syncConfig';
export const STATUS_KEY = 'syncStatus';
/** When the settings that travel last changed on this device (ISO 8601). */
export const SETTINGS_AT_KEY = 'syncSettingsAt';

export type SyncState = 'off' | 'syncing' | 'ok' | 'error' | 'offline';

export interface SyncStatus {
  state: SyncState;
  /** ISO time of the last run that finished. */
  lastSyncAt: string | null;
  sent: number;
  received: number;
  merged: number;
  /** Server documents refused by the last run that refused any, the first few ids with why, and when. */
  refused: number;
  refusedSample: { id: string; reason: string }[];
  refusedAt?: string | null;
  problem: ConnectionProblem | null;
  /** The error's own message, shown as a tooltip for whoever debugs a server. */
  detail: string;
  /** Milliseconds per step of the last run. */
  ms?: { drain: number; push: number; pull: number; apply: number; compact: number };
}

export const OFF_STATUS: SyncStatus = {
  state: 'off',
  lastSyncAt: null,
  sent: 0,
  received: 0,
  merged: 0,
  refused: 0,
  refusedSample: [],
  problem: null,
  detail: '',
};

export async function loadSyncConfig(): Promise<SyncConfig> {
  const got = await browser.storage.local.get(CONFIG_KEY);
  return validateSyncConfig(got[CONFIG_KEY]);
}

export async function saveSyncConfig(c: SyncConfig): Promise<void> {
  await browser.storage.local.set({ [CONFIG_KEY]: c });
}

export async function loadSyncStatus(): Promise<SyncStatus> {
  const got = await browser.storage.local.get(STATUS_KEY);
  const s = got[STATUS_KEY] as SyncStatus | undefined;
  return s && typeof s === 'object' ? { ...OFF_STATUS, ...s } : { ...OFF_STATUS };
}

export async function saveSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const next = { ...(await loadSyncStatus()), ...patch };
  await browser.storage.local.set({ [STATUS_KEY]: next });
  return next;
}
