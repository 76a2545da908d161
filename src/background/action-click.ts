import browser from 'webextension-polyfill';
import type { ExtractOutcome } from '../core/types.ts';
import type { EntitiesOutcome } from '../content/api.ts';
import { entitiesTab, extractTab } from './extract-tab.ts';

// The toolbar click starts the reading (Chromium). The popup used to ask for the page only once
// its own document had started, 250-300 ms after the click; here the action has no popup of its
// own, so the click reaches action.onClicked, which starts the injection and extraction at once,
// sets this tab's popup and opens it with action.openPopup(). The popup then claims the reading
// in flight for its tab (page.extract, then page.entities) instead of starting one.
//
// Per tab: a popup opened for tab A is given ?tabId=A and can only claim A's reading, so two
// quick clicks on two tabs never cross. Firefox keeps the manifest's default popup (the popup
// starts the reading itself): its onClicked path cannot be driven by the test harness, and the
// plain path is what its e2e suite proves.

const POPUP = 'src/popup/index.html';
/** A reading nobody claimed is dropped after this long (the popup did not open, or was closed). */
const KEEP_MS = 20_000;

interface Pending {
  at: number;
  /** Null once claimed: a second popup page for the tab (open in a tab, a test) reads afresh. */
  article: Promise<ExtractOutcome> | null;
  names?: Promise<EntitiesOutcome>;
}

const pending = new Map<number, Pending>();

/** Start reading `tabId` now: the article first, then at once its names, as the popup would ask. */
export function startReading(tabId: number): void {
  const uiLang = browser.i18n.getUILanguage();
  const article = extractTab(tabId, { force: false, uiLang, entities: 'later' });
  const entry: Pending = { at: Date.now(), article };
  entry.names = article.then((out) =>
    out.ok && out.article ? entitiesTab(tabId, { uiLang }) : { ok: false as const, error: { code: 'failed' as const, message: 'No article.' } },
  );
  // Never an unhandled rejection, whoever claims it.
  entry.names.catch(() => undefined);
  pending.set(tabId, entry);
  setTimeout(() => {
    if (pending.get(tabId) === entry) pending.delete(tabId);
  }, KEEP_MS);
}

/** A new reading of the tab (forced, or another caller's): the click's names are not for it. */
export function forget(tabId: number): void {
  pending.delete(tabId);
}

/** The reading the click started for this tab (a moment ago: the popup opens at once); claimed once. */
export function claimArticle(tabId: number): Promise<ExtractOutcome> | null {
  const entry = pending.get(tabId);
  if (entry?.article) releasePopup(tabId);
  if (!entry || Date.now() - entry.at > KEEP_MS) return null;
  const article = entry.article;
  // The names stay until the popup asks for them.
  entry.article = null;
  return article;
}

/** The names the click's reading went on to find, once the popup asks (after its article). */
export function claimNames(tabId: number): Promise<EntitiesOutcome> | null {
  const entry = pending.get(tabId);
  if (!entry?.names || Date.now() - entry.at > KEEP_MS) return null;
  pending.delete(tabId);
  return entry.names;
}

/**
 * The toolbar click (or the _execute_action shortcut) on a tab. activeTab is granted by then, so
 * the reading starts before anything else; the popup is then opened for this tab. Where the
 * browser refuses openPopup (Chrome before 127), the action gets its popup back for good and this
 * tab's reading waits for the next click, which opens the popup the ordinary way.
 */
export async function onActionClicked(tab: browser.Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  startReading(tab.id);
  try {
    await browser.action.setPopup({ tabId: tab.id, popup: `${POPUP}?tabId=${tab.id}` });
    await browser.action.openPopup();
  } catch {
    // The next click opens the popup, which reads the page afresh (it may have changed by then).
    forget(tab.id);
    await useDefaultPopup();
    await browser.action.setBadgeText({ tabId: tab.id, text: '↻' }).catch(() => undefined);
    await browser.action.setTitle({ tabId: tab.id, title: browser.i18n.getMessage('actionClickAgain') || 'Click again to read this page' }).catch(() => undefined);
    return;
  }
}

/**
 * The popup for this tab is up and asking: the tab's action goes back to having no popup, so the
 * next click comes to onActionClicked again (a new reading). Not done right after openPopup(): a
 * popup still loading then is not touched by a change of the action.
 */
export function releasePopup(tabId: number): void {
  void browser.action.setPopup({ tabId, popup: '' }).catch(() => undefined);
}

/** The classic path: the browser opens the popup on a click, and the popup asks for the page. */
async function useDefaultPopup(): Promise<void> {
  await browser.action.setPopup({ popup: POPUP });
}

/**
 * Chromium with action.openPopup: take the click (no popup in the manifest's chrome build).
 * Without it, or in Firefox (whose manifest keeps default_popup), the popup opens as before.
 */
export function installActionClick(): void {
  const action = browser.action as typeof browser.action & { openPopup?: unknown };
  if (browser.runtime.getManifest().action?.default_popup) return;
  if (typeof action.openPopup !== 'function') {
    void useDefaultPopup();
    return;
  }
  browser.action.onClicked.addListener((tab) => void onActionClicked(tab));
}
