import browser from 'webextension-polyfill';
import type { Article, ExtractOutcome } from '../core/types.ts';
import type { EntitiesOutcome } from '../content/api.ts';
import { readArticleTab, readNamesTab, type Hops, TIMEOUT_MS } from '../background/read-article.ts';

// How the popup reads its tab: it runs the content scripts itself (early-extract.ts says why),
// with the functions the worker uses for quick save and capture. No side effects here: both the
// early script and main.ts import it.

const params = new URLSearchParams(location.search);

/** The tab the popup reads: ?tabId= (the popup page opened as a tab on a given page, in tests), else its window's active tab. */
export async function popupTabId(): Promise<number | null> {
  const param = params.get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Read the tab: the article alone; its names follow (readNames). */
export async function readTab(tabId: number, force: boolean): Promise<ExtractOutcome> {
  performance.mark('sift:extract-sent');
  const hops: Hops = { url: 0, inject: 0, run: 0 };
  const out = await readArticleTab(tabId, { force, uiLang: browser.i18n.getUILanguage(), entities: 'later' }, TIMEOUT_MS, undefined, hops);
  // The steps' times ride along with the page's own (bench:popup reads them).
  return out.ok ? { ...out, timings: { ...out.timings, hops } } : out;
}

/**
 * The names of the article readTab just read in the tab. The packs are chosen here, from the
 * article (packsForArticle): its language detector is loaded only now, so the popup's first
 * paint does not wait for it.
 */
export async function readNames(tabId: number, article: Article): Promise<EntitiesOutcome> {
  const { packsForArticle } = await import('../core/entities/packs-for-article.ts');
  return readNamesTab(tabId, { uiLang: browser.i18n.getUILanguage() }, packsForArticle(article));
}
