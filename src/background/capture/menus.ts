import browser from 'webextension-polyfill';
import { showBadge } from '../badge.ts';
import { BOOT_ID } from './boot.ts';
import { saveAllTabs } from './all-tabs.ts';
import { saveSelection } from './selection.ts';
import { enqueue } from './service.ts';
import { FETCH_ORIGINS } from './origins.ts';

// Context menu items of the capture features, beside "Save article" (../menus.ts).

export const MENU_SAVE_LINK = 'save-link';
export const MENU_SAVE_SELECTION = 'save-selection';
export const MENU_SAVE_ALL_TABS = 'save-all-tabs';

const t = (key: string, subs?: string | string[]): string => browser.i18n.getMessage(key, subs) || key;

export function createCaptureMenus(): void {
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: t('menuSaveLink'), contexts: ['link'] });
  browser.contextMenus.create({ id: MENU_SAVE_SELECTION, title: t('menuSaveSelection'), contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_SAVE_ALL_TABS, title: t('menuSaveAllTabs'), contexts: ['action'] });
}

/** Handles the capture items; false when the click was for another item. */
export function onCaptureMenu(info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab): boolean {
  if (info.menuItemId === MENU_SAVE_LINK && info.linkUrl) {
    // Asked inside the click (a user gesture). Refused: the link waits as "needs permission".
    const asked = browser.permissions.request({ origins: FETCH_ORIGINS }).catch(() => false);
    void asked.then(() => saveLink(info.linkUrl!, info.linkText ?? '', tab?.id));
    return true;
  }
  if (info.menuItemId === MENU_SAVE_SELECTION && tab?.id !== undefined) {
    void selectionWithBadge(tab.id);
    return true;
  }
  if (info.menuItemId === MENU_SAVE_ALL_TABS) {
    void saveAllTabs(tab?.windowId);
    return true;
  }
  return false;
}

export async function saveLink(url: string, title: string, tabId?: number): Promise<{ added: number; reason?: string }> {
  const res = await enqueue(BOOT_ID, [{ url, title }], 'link');
  if (tabId !== undefined) {
    if (res.added) await showBadge(tabId, 'saving', t('badgeLinkQueued'));
    else await showBadge(tabId, 'error', t('badgeFailed', res.refused[0]?.reason ?? ''));
  }
  return { added: res.added, reason: res.refused[0]?.reason };
}

async function selectionWithBadge(tabId: number): Promise<void> {
  await showBadge(tabId, 'saving', t('badgeSaving'));
  const res = await saveSelection(tabId).catch((err: Error) => ({ ok: false as const, error: String(err?.message ?? err) }));
  if (res.ok) await showBadge(tabId, 'saved', t('badgeSelectionSaved'));
  else await showBadge(tabId, 'error', t('badgeFailed', res.error));
}
