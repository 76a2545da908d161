import browser from 'webextension-polyfill';
import { t } from '../../ui/i18n.ts';
import { clearBadge, showBadge } from '../badge.ts';

// The toolbar badge says when the page in a tab is already in the library. Sift has no "tabs"
// permission (it would ask to "read your browsing history"), so a tab's address is known only on
// sites the user let Sift fetch from (the optional host permission an import or "Save link" asks
// for); elsewhere the popup says it when opened.

/** The addresses a page may be stored under: as shown, and without its #fragment. */
export function libraryKeys(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return [];
  const whole = u.href;
  u.hash = '';
  return [...new Set([url, whole, u.href])];
}

export type FindSaved = (urls: string[]) => Promise<{ title: string } | undefined>;

/** Mark the tab when its page is in the library; returns whether it was marked. */
export async function markIfInLibrary(tabId: number, url: string | undefined, find: FindSaved): Promise<boolean> {
  const keys = url ? libraryKeys(url) : [];
  if (!keys.length) return false;
  const saved = await find(keys);
  if (!saved) return false;
  await showBadge(tabId, 'in-library', t('badgeInLibrary', saved.title));
  return true;
}

/** Tabs marked in this worker life: their mark goes when they load another page. */
const marked = new Set<number>();

/** Registered at worker start (synchronously, so a restarted worker gets the event that woke it). */
export function watchTabsForLibrary(find: FindSaved): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' && marked.delete(tabId)) clearBadge(tabId);
    if (change.status === 'complete' && tab.url) {
      void markIfInLibrary(tabId, tab.url, find).then((yes) => yes && marked.add(tabId), () => undefined);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void marked.delete(tabId));
}
