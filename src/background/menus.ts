import browser from 'webextension-polyfill';
import { quickSave } from './quick-save.ts';
import { createCaptureMenus, onCaptureMenu } from './capture/menus.ts';

export const MENU_SAVE_ARTICLE = 'save-article';

/** (Re)create the context menu. Called on install and update; menus persist across worker restarts. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_SAVE_ARTICLE,
    title: browser.i18n.getMessage('menuSaveArticle') || 'Save article',
    contexts: ['page', 'selection', 'image'],
  });
  createCaptureMenus();
}

/** The context menu's click handler (registered in index.ts; tests call it through the worker). */
export function onMenuClicked(info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab): void {
  if (info.menuItemId === MENU_SAVE_ARTICLE && tab?.id !== undefined) void quickSave(tab.id);
  else onCaptureMenu(info, tab);
}
