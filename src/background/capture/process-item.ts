import { makeClipping, type Clipping } from '../../core/clipping.ts';
import type { Article, Entity, ExtractOutcome } from '../../core/types.ts';
import type { FetchPolicy } from '../../core/url-policy.ts';
import { backoffMs, type FetchOptions, type FetchResult } from './fetch-page.ts';
import type { QueueItem } from './queue-types.ts';
import type { QueueStore } from './queue-store.ts';

// One queued address, from permission to stored clipping. Every way out is a patch of the item's
// state; anything stored is a clipping under the item's own id, so doing an item twice (a retry, a
// worker killed between the save and the state change) updates that clipping and adds none.

export const MAX_ATTEMPTS = 4;

export interface ProcessDeps {
  queue: QueueStore;
  policy: FetchPolicy;
  fetchPage(url: string, opts: FetchOptions): Promise<FetchResult>;
  /** The popup's pipeline on a parsed document (offscreen document in Chrome). */
  clean(html: string, url: string): Promise<ExtractOutcome>;
  /** Durable write of a clipping (store.save through quotaSafe). */
  save(clipping: Clipping): Promise<void>;
  hasPermission(url: string): Promise<boolean>;
  credentialsFor(host: string): Promise<boolean>;
  now(): number;
  /** Default backoffMs (2 s, 4 s, 8 s...); tests make it short. */
  backoff?: (attempt: number) => number;
}

/** A clipping that keeps the address alone, with why the page itself is not there. */
export function linkArticle(url: string, title: string): Article {
  return {
    title: title || url,
    byline: null,
    siteName: null,
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    dir: 'ltr',
    url,
    canonicalUrl: url,
    sourceUrl: null,
    leadImage: null,
    excerpt: null,
    wordCount: 0,
    readingMinutes: 0,
    html: '',
    text: '',
  };
}

/** The clipping an item makes: what the source knew (save time, tags, state, title) kept. */
export function itemClipping(item: QueueItem, article: Article, entities: Entity[], now: number, link?: string): Clipping {
  const c = makeClipping(item.id, { ...article, title: article.title || item.title || article.url }, entities, new Date(now));
  if (item.savedAt) c.savedAt = item.savedAt;
  c.tags = [...item.tags];
  if (item.status) c.readState = item.status;
  if (item.importedFrom) c.importedFrom = item.importedFrom;
  if (link !== undefined) {
    c.kind = 'link';
    c.linkReason = link;
  }
  return c;
}

export async function processItem(item: QueueItem, d: ProcessDeps): Promise<Partial<QueueItem>> {
  const done = (patch: Partial<QueueItem>): Partial<QueueItem> => ({ state: 'done', finishedAt: d.now(), ms: d.now() - (item.startedAt ?? d.now()), boot: undefined, ...patch });
  // Saved by an earlier life of the worker that died before recording it: nothing to fetch.
  const mine = await d.queue.clipping(item.id);
  if (mine && mine.kind !== 'link') return done({ outcome: 'clipped' });
  if (await d.queue.findSaved([item.url], item.id)) return done({ outcome: 'already-saved' });

  let html: string;
  let finalUrl = item.url;
  let redirects: string[] = [];
  if (item.content) {
    html = item.content;
  } else {
    if (!(await d.hasPermission(item.url))) {
      return { state: 'needs-permission', boot: undefined, attempts: item.attempts - 1, reason: 'Sift needs your permission to fetch pages from this site.' };
    }
    const res = await d.fetchPage(item.url, { policy: d.policy, credentials: await d.credentialsFor(item.host) });
    if (res.kind === 'retry') {
      if (item.attempts < MAX_ATTEMPTS) {
        const wait = Math.max(res.retryAfterMs ?? 0, (d.backoff ?? backoffMs)(item.attempts));
        return { state: 'waiting', boot: undefined, nextAt: d.now() + wait, reason: res.reason };
      }
      await d.save(itemClipping(item, linkArticle(item.url, item.title), [], d.now(), res.reason));
      return { state: 'failed', outcome: 'link-only', boot: undefined, reason: res.reason, finishedAt: d.now() };
    }
    if (res.kind === 'failed') {
      await d.save(itemClipping(item, linkArticle(item.url, item.title), [], d.now(), res.reason));
      return { state: 'failed', outcome: 'link-only', boot: undefined, reason: res.reason, finalUrl: res.finalUrl, finishedAt: d.now() };
    }
    finalUrl = res.finalUrl;
    redirects = res.redirects;
    if (finalUrl !== item.url && (await d.queue.findSaved([finalUrl], item.id))) return done({ outcome: 'already-saved', finalUrl, redirects });
    if (res.kind === 'not-page') {
      await d.save(itemClipping(item, linkArticle(finalUrl, item.title), [], d.now(), res.reason));
      return done({ outcome: 'link-only', reason: res.reason, finalUrl, redirects });
    }
    html = res.html;
  }
  const out = await d.clean(html, finalUrl);
  if (!out.ok || !out.article) {
    const reason = out.ok ? 'The page holds no readable text.' : out.error.message;
    await d.save(itemClipping(item, linkArticle(finalUrl, item.title), [], d.now(), reason));
    return done({ outcome: 'link-only', reason, finalUrl, redirects });
  }
  const article = out.article;
  if (article.canonicalUrl !== finalUrl && (await d.queue.findSaved([article.canonicalUrl], item.id))) {
    return done({ outcome: 'already-saved', finalUrl, redirects });
  }
  await d.save(itemClipping(item, article, out.entities, d.now()));
  return done({ outcome: 'clipped', finalUrl, redirects, reason: undefined });
}
