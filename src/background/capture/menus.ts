import browser from 'webextension-polyfill';
import { showBadge } from '../badge.ts';
import { BOOT_ID } from './boot.ts';
import { saveAllTabs } from './all-tabs.ts';
import { saveSelection } from './selection.ts';
import { enqueue, settled } from './service.ts';
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

/** Queue a link; the tab's badge says "saving", then how it ended (as for "Save article"). */
export async function saveLink(url: string, title: string, tabId?: number): Promise<{ added: number; reason?: string }> {
  const res = await enqueue(BOOT_ID, [{ url, title }], 'link');
  const reason = res.refused[0]?.reason;
  if (tabId === undefined) return { added: res.added, reason };
  if (!res.added) {
    await showBadge(tabId, 'error', t('badgeFailed', reason ?? ''));
    return { added: 0, reason };
  }
  await showBadge(tabId, 'saving', t('badgeLinkQueued'));
  void settled(BOOT_ID, res.ids[0]!).then((it) => {
    if (it?.state === 'done') return showBadge(tabId, 'saved', t('badgeSaved', it.title || it.url));
    return showBadge(tabId, 'error', t('badgeFailed', it?.reason ?? ''));
  });
  return { added: res.added };
}

async function selectionWithBadge(tabId: number): Promise<void> {
  await showBadge(tabId, 'saving', t('badgeSaving'));
  const res = await saveSelection(tabId).catch((err: Error) => ({ ok: false as const, error: String(err?.message ?? err) }));
  if (res.ok) await showBadge(tabId, 'saved', t('badgeSelectionSaved'));
  else await showBadge(tabId, 'error', t('badgeFailed', res.error));
}
