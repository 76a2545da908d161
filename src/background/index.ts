import browser from 'webextension-polyfill';
import { route } from './router.ts';
import { createMenus, onMenuClicked } from './menus.ts';
import { quickSave } from './quick-save.ts';
import { BOOT_ID } from './capture/boot.ts';
import { findInLibrary, kickQueue, QUEUE_ALARM, saveLink, watchTabsForLibrary } from './capture/service-hooks.ts';
import { setLocalChangeListener } from './store.ts';
import { initSync, syncSoon } from './sync/schedule.ts';
import { forgetTab } from './last-read.ts';

// Wiring only. Listeners are registered synchronously at start so a restarted worker gets the
// event that woke it.

browser.runtime.onInstalled.addListener(() => {
  void createMenus();
});

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => route(msg, sender));

browser.contextMenus.onClicked.addListener(onMenuClicked);

// What a tab's last reading kept for its names goes with the tab.
browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

/** Keyboard shortcuts (manifest "commands"); `_execute_action` opens the popup by itself. */
function onCommand(command: string, tab?: browser.Tabs.Tab): void {
  if (command === 'save-article' && tab?.id !== undefined) void quickSave(tab.id);
}
browser.commands?.onCommand.addListener(onCommand);

// The capture queue goes on in every worker life: at start, and on its alarm while work remains.
browser.alarms?.onAlarm.addListener((alarm) => {
  if (alarm.name === QUEUE_ALARM) void kickQueue(BOOT_ID);
});
void kickQueue(BOOT_ID);
// The badge of a tab whose page is already in the library (where Sift may know the tab's address).
watchTabsForLibrary(findInLibrary);
// Sync (off unless the user turned it on): after changes, on a timer, at start-up.
setLocalChangeListener(syncSoon);
initSync();

// Test and debugging hooks on the worker's global (reachable only from DevTools / CDP).
// The worker's boot id tells a test that a stopped worker really restarted.
Object.assign(globalThis, { siftOnMenuClicked: onMenuClicked, siftOnCommand: onCommand, siftQuickSave: quickSave, siftSaveLink: saveLink, siftBootId: BOOT_ID });
