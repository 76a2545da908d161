import browser from 'webextension-polyfill';
import type { ExtractOutcome } from '../core/types.ts';

// The toolbar click starts the reading (Chromium build only; Firefox keeps its default popup).
// With a default popup the page could only be read once the popup's document had started and
// asked, 300-500 ms after the click; here the action has no popup of its own, so the click reaches
// action.onClicked (activeTab is granted by then), which starts the injection and extraction at
// once, gives this tab a popup that names it (?tabId=N&click=1) and opens it with
// action.openPopup(). The popup then claims the reading in flight for its tab (page.extract).
//
// Never one tab's article in another tab's popup:
// - a reading is kept per tab, and a popup can only claim the reading of the tab in its address;
// - the popup's address is set per tab, so whichever tab's popup the browser opens names that tab;
// - a reading is claimed once, only if the tab still shows the address it was started on, and
//   only within KEEP_MS of the click;
// - the popup shows nothing if its tab is not the active tab of its window (early-extract.ts
//   checks, and closes itself when the user switches tabs), the case where openPopup() of a first
//   click ran after a second tab was selected.

const POPUP = 'src/popup/index.html';
/** A reading nobody claimed is dropped after this long (the popup did not open, or was closed). */
const KEEP_MS = 10_000;

interface Pending {
  at: number;
  url: string | undefined;
  out: Promise<ExtractOutcome>;
}

const pending = new Map<number, Pending>();
/** Why openPopup() last failed (for tests and debugging: the worker's siftOpenPopupRefusal). */
export let lastRefusal: string | null = null;
const withoutHash = (u: string | undefined) => u?.replace(/#.*$/, '');

const openPopup = (windowId?: number) => (browser.action as unknown as { openPopup(o?: { windowId?: number }): Promise<void> }).openPopup({ windowId });

/** Whether one of Sift's popups is up within `ms` (Chromium's runtime.getContexts; elsewhere: assumed). */
async function popupShown(ms: number): Promise<boolean> {
  const runtime = browser.runtime as unknown as { getContexts?: (f: { contextTypes: string[] }) => Promise<unknown[]> };
  if (!runtime.getContexts) return true;
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    if ((await runtime.getContexts({ contextTypes: ['POPUP'] })).length) return true;
  }
  return false;
}

/** The popup address for a click on `tabId`. */
export const clickPopupFor = (tabId: number) => `${POPUP}?tabId=${tabId}&click=1`;

/** The toolbar click (or the _execute_action shortcut) on `tab`: read it now, then open its popup. */
export async function onActionClicked(tab: browser.Tabs.Tab, read: (tabId: number) => Promise<ExtractOutcome>): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) return;
  const out = read(tabId);
  out.catch(() => undefined);
  const entry: Pending = { at: Date.now(), url: tab.url, out };
  pending.set(tabId, entry);
  setTimeout(() => pending.get(tabId) === entry && pending.delete(tabId), KEEP_MS);
  try {
    await browser.action.setPopup({ tabId, popup: clickPopupFor(tabId) });
    await openPopup(tab.windowId);
    // Seen under load in headless Chromium: openPopup() resolves and no popup comes. Asked once more.
    if (!(await popupShown(1000))) {
      lastRefusal = 'no popup after openPopup(); asked again';
      await openPopup(tab.windowId);
    }
  } catch (err) {
    lastRefusal = String((err as Error)?.message ?? err);
    // The browser would not open it (another popup is up, the window lost focus, an older
    // browser): this reading is for nobody, and the next click on this tab opens the plain popup,
    // which reads the page itself.
    if (pending.get(tabId) === entry) pending.delete(tabId);
    await browser.action.setPopup({ tabId, popup: POPUP }).catch(() => undefined);
  }
}

/**
 * The reading the click started for this tab, if its popup is asking for it now (claimed once).
 * The tab's action goes back to having no popup, so its next click comes to onActionClicked again;
 * not done right after openPopup(), while the popup may still be loading.
 */
export function claimClickReading(tabId: number, url: string | undefined, now = Date.now()): Promise<ExtractOutcome> | null {
  const entry = pending.get(tabId);
  pending.delete(tabId);
  if (entry) void browser.action.setPopup({ tabId, popup: '' }).catch(() => undefined);
  if (!entry || now - entry.at > KEEP_MS || withoutHash(entry.url) !== withoutHash(url)) return null;
  return entry.out;
}

/**
 * Chromium with action.openPopup (127+): take the click (the chrome build has no default popup).
 * Without it, the action gets the plain popup back; Firefox's manifest keeps its default popup.
 */
export function installActionClick(read: (tabId: number) => Promise<ExtractOutcome>): void {
  if (browser.runtime.getManifest().action?.default_popup) return;
  if (typeof (browser.action as unknown as { openPopup?: unknown }).openPopup !== 'function') {
    void browser.action.setPopup({ popup: POPUP });
    return;
  }
  browser.action.onClicked.addListener((tab) => void onActionClicked(tab, read));
}
