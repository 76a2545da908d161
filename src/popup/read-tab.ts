import browser from 'webextension-polyfill';
import type { ExtractOutcome } from '../core/types.ts';
import type { EntitiesOutcome } from '../content/api.ts';
import { readArticleTab, readNamesTab, type Hops, TIMEOUT_MS } from '../background/read-article.ts';

// How the popup reads its tab: it runs the content scripts itself (early-extract.ts says why),
// with the functions the worker uses for quick save and capture. No side effects here: both the
// early script and main.ts import it.

const params = new URLSearchParams(location.search);

/**
 * The tab the popup reads: ?tabId= (the popup page opened as a tab on a given page, in tests),
 * else its window's active tab, with its address when the browser gives it.
 */
export async function popupTab(): Promise<{ id: number; url?: string } | null> {
  const param = params.get('tabId');
  if (param && /^\d+$/.test(param)) return { id: Number(param) };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

/** Read the tab (`url`: its address, just seen): the article alone; its names follow (readNames). */
export async function readTab(tabId: number, force: boolean, url?: string): Promise<ExtractOutcome> {
  performance.mark('sift:extract-sent');
  const hops: Hops = { url: 0, inject: 0, run: 0 };
  const out = await readArticleTab(tabId, { force, uiLang: browser.i18n.getUILanguage(), entities: 'later' }, TIMEOUT_MS, { hops, url });
  // The steps' times ride along with the page's own (bench:popup reads them).
  return out.ok ? { ...out, timings: { ...out.timings, hops } } : out;
}

/**
 * The names of the article readTab just read in the tab. The names script chooses its language
 * packs in the page (packsInPage, one call more) rather than here: the popup then loads no
 * language detector (~110 KB of script, 20-60 ms of detection on its own thread).
 */
export function readNames(tabId: number): Promise<EntitiesOutcome> {
  return readNamesTab(tabId, { uiLang: browser.i18n.getUILanguage() }, null, TIMEOUT_MS);
}
