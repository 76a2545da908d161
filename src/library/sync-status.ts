import browser from 'webextension-polyfill';
import { STATUS_KEY, type SyncStatus } from '../background/sync/status.ts';
import { formatDate, t } from '../ui/i18n.ts';

// A small sync status beside the search box: hidden while sync is off, otherwise when the
// library last synced, or why it could not. Details live in Options -> Sync.

function render(el: HTMLElement, s: SyncStatus | undefined): void {
  const state = s?.state ?? 'off';
  el.dataset.state = state;
  el.hidden = state === 'off';
  if (state === 'ok') el.textContent = t('syncLibraryOk', s?.lastSyncAt ? formatDate(s.lastSyncAt, true) : '');
  else if (state === 'syncing') el.textContent = t('syncLibrarySyncing');
  else if (state === 'offline') el.textContent = t('syncLibraryOffline');
  else if (state === 'error') el.textContent = t('syncLibraryProblem', t(`syncProblem_${(s?.problem ?? 'server-error').replace(/-/g, '_')}`));
  else el.textContent = t('syncLibraryOff');
  el.dataset.refused = String(s?.refused ?? 0);
  if (state !== 'off' && s?.refused) el.textContent += ' · ' + t('syncLibraryRefused', String(s.refused));
  el.title = el.textContent;
}

export async function showSyncStatus(): Promise<void> {
  const el = document.createElement('a');
  el.className = 'sync-status';
  el.href = '../options/index.html#h-sync';
  el.dataset.testid = 'library-sync-status';
  document.querySelector('[data-testid=index-status]')?.after(el);
  const got = await browser.storage.local.get(STATUS_KEY);
  render(el, got[STATUS_KEY] as SyncStatus | undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[STATUS_KEY]) render(el, changes[STATUS_KEY].newValue as SyncStatus | undefined);
  });
}
