import type { Article } from '../core/types.ts';

// The article the tab's last reading handed back (page.extract with entitiesLater), kept until
// the popup asks for its names (page.entities), so the background chooses the language packs
// from it and injects the names script with them in one call (extract-tab.ts). The names are not
// found ahead of the popup's request: on a busy machine the page's tagger would take the CPU the
// popup needs to paint the article (measured: the article 500 ms later on 2 loaded cores), and
// the popup asks as soon as the article is painted. Per tab and for the latest reading only;
// taken once; dropped after KEEP_MS.

const KEEP_MS = 60_000;

interface Kept {
  at: number;
  article: Article;
}

const kept = new Map<number, Kept>();
/** The tab's latest reading: an article is kept only for it. */
const readings = new Map<number, number>();
let nextReading = 1;

/** A new reading of the tab starts: what an earlier one read is not for it. Returns its number. */
export function startReading(tabId: number): number {
  kept.delete(tabId);
  readings.set(tabId, nextReading);
  return nextReading++;
}

/** Keep the article `reading` read in `tabId`, unless a newer reading of the tab started since. */
export function keepArticle(tabId: number, reading: number, article: Article, now = Date.now()): void {
  if (readings.get(tabId) === reading) kept.set(tabId, { at: now, article });
}

/** The article of the tab's last reading, taken once; null when there is none (or too old). */
export function takeArticle(tabId: number, now = Date.now()): Article | null {
  const entry = kept.get(tabId);
  kept.delete(tabId);
  return entry && now - entry.at <= KEEP_MS ? entry.article : null;
}

/** A closed tab: nothing of it is kept (tab ids are not reused, so its entries would stay forever). */
export function forgetTab(tabId: number): void {
  kept.delete(tabId);
  readings.delete(tabId);
}

/** How many tabs have an entry: for tests. */
export function trackedTabs(): number {
  return new Set([...kept.keys(), ...readings.keys()]).size;
}
