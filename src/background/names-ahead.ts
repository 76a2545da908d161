import type { Article } from '../core/types.ts';
import type { EntitiesOutcome } from '../content/api.ts';

// The names of an article, found as soon as the article is read (page.extract with
// entitiesLater) instead of when the popup asks for them (page.entities) after painting it: the
// page tags the names while the popup renders. Per tab, and for one reading only: a new reading
// of the tab (forced, another popup) replaces it, the popup's page.entities takes it once, and an
// unclaimed one is dropped after KEEP_MS.

const KEEP_MS = 20_000;

interface Ahead {
  at: number;
  url: string;
  names: Promise<EntitiesOutcome>;
}

const ahead = new Map<number, Ahead>();
/** The tab's latest reading: names are kept only for it. */
const readings = new Map<number, number>();
let nextReading = 1;

/** A new reading of the tab starts: names found for an earlier one are not for it. Returns its number. */
export function dropNamesAhead(tabId: number): number {
  ahead.delete(tabId);
  readings.set(tabId, nextReading);
  return nextReading++;
}

/** Start finding the names of `article`, read in `tabId` by `reading`, unless a newer reading started. */
export function startNamesAhead(tabId: number, reading: number, article: Article, find: (article: Article) => Promise<EntitiesOutcome>, now = Date.now()): void {
  if (readings.get(tabId) !== reading) return;
  const names = find(article);
  // Never an unhandled rejection, whether or not the popup comes for them.
  names.catch(() => undefined);
  ahead.set(tabId, { at: now, url: article.url, names });
}

/** The names started for the tab's last reading, taken once; null when there are none (or too old). */
export function claimNamesAhead(tabId: number, now = Date.now()): Promise<EntitiesOutcome> | null {
  const entry = ahead.get(tabId);
  ahead.delete(tabId);
  readings.delete(tabId);
  if (!entry || now - entry.at > KEEP_MS) return null;
  return entry.names;
}
