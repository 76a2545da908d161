import { countWords, readingMinutes } from '../../core/text/reading-time.ts';
import type { Article } from '../../core/types.ts';

// The selected passage of a page, as read in the page and as the article it is stored as (no
// browser APIs here: the worker's saveSelection injects and stores; tests run this in Node).

export interface PageSelection {
  html: string;
  text: string;
  title: string;
  url: string;
  canonical: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  siteName: string | null;
  byline: string | null;
  published: string | null;
}

/** Runs in the page (isolated world, under the menu click's activeTab): reads the selection. */
export function readSelectionInPage(): PageSelection | null {
  const sel = getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const box = document.createElement('div');
  for (let i = 0; i < sel.rangeCount; i++) box.appendChild(sel.getRangeAt(i).cloneContents());
  // Addresses made absolute while the page's base is known.
  box.querySelectorAll('a[href]').forEach((a) => a.setAttribute('href', (a as HTMLAnchorElement).href));
  box.querySelectorAll('img[src]').forEach((img) => img.setAttribute('src', (img as HTMLImageElement).src));
  const meta = (q: string): string | null => document.querySelector(q)?.getAttribute('content')?.trim() || null;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? null;
  return {
    html: box.innerHTML,
    text: sel.toString(),
    title: document.title,
    url: location.href,
    canonical: canonical && /^https?:/i.test(canonical) ? canonical : null,
    lang: document.documentElement.lang || null,
    dir: document.dir === 'rtl' || document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr',
    siteName: meta('meta[property="og:site_name"]'),
    byline: meta('meta[name="author"]'),
    published: meta('meta[property="article:published_time"]'),
  };
}

export function selectionArticle(s: PageSelection): Article {
  const text = s.text.replace(/\r\n?/g, '\n').trim();
  const url = s.url.replace(/#.*$/, '');
  return {
    title: s.title.trim() || url,
    byline: s.byline,
    siteName: s.siteName,
    publishedTime: s.published && !Number.isNaN(Date.parse(s.published)) ? new Date(s.published).toISOString() : null,
    modifiedTime: null,
    lang: s.lang,
    dir: s.dir,
    url,
    // A passage is not the page: its own address (with the page's canonical as the source), so a
    // later save of the whole article is a clipping of its own and not merged into this one.
    canonicalUrl: `${url}#sift-selection-${Date.now().toString(36)}`,
    sourceUrl: s.canonical,
    leadImage: null,
    excerpt: text.slice(0, 240),
    wordCount: countWords(text),
    readingMinutes: readingMinutes(text),
    html: s.html,
    text,
  };
}
