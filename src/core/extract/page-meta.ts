// One pass over the page's <meta>, <link>, <time> and JSON-LD: jsdom answers each
// querySelector by walking the whole tree, so twenty lookups would cost twenty walks.
import { byTag, descendantsWhere } from './elements.ts';

export interface PageMeta {
  /** <meta> content by lowercased name / property / itemprop (first value wins). */
  meta: Map<string, string>;
  canonical: string | null;
  /** The first <time datetime>, preferring one marked as the publication time. */
  time: string | null;
  jsonLd: Record<string, unknown>[];
  /** Texts of the page's first h1-h3 headings: the headline a <title> wraps in site names. */
  headings: string[];
  /** Texts of elements named "title" or "headline", filled in only when needed (metadata.ts). */
  titleElements?: string[];
}

/** JSON-LD objects of the page, flattened through @graph and arrays. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of byTag(doc, 'script')) {
    if (/^application\/ld\+json$/i.test(s.getAttribute('type')?.trim() ?? '')) collectLd(s.textContent ?? '', out);
  }
  return out;
}

function collectLd(text: string, out: Record<string, unknown>[]): void {
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph, depth + 1);
    }
  };
  try {
    visit(JSON.parse(text), 0);
  } catch {
    // Malformed JSON-LD is common; the other sources still apply.
  }
}

export function readPageMeta(doc: Document): PageMeta {
  const meta = new Map<string, string>();
  for (const el of byTag(doc, 'meta')) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !meta.has(key)) meta.set(key, content);
    }
  }
  let canonical: string | null = null;
  for (const el of byTag(doc, 'link')) {
    if (/(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') ?? '')) {
      canonical = el.getAttribute('href');
      break;
    }
  }
  let time: string | null = null;
  for (const el of byTag(doc, 'time')) {
    const dt = el.getAttribute('datetime');
    if (!dt) continue;
    const marked = el.hasAttribute('pubdate') || /datePublished/i.test(el.getAttribute('itemprop') ?? '');
    if (marked) {
      time = dt;
      break;
    }
    time ??= dt;
  }
  const headings: string[] = [];
  collectHeadings(firstInPage(doc, MAX_HEADINGS, (e) => e.localName === 'h1' || e.localName === 'h2' || e.localName === 'h3'), headings);
  return { meta, canonical, time, jsonLd: jsonLdObjects(doc), headings };
}

const MAX_HEADINGS = 60;

/** The first `n` elements of the page that pass `test`, in document order (elements.ts: no selector engine). */
function firstInPage(doc: Document, n: number, test: (el: Element) => boolean): Element[] {
  const root = doc.documentElement;
  if (!root) return [];
  // The document's descendants, <html> itself included, as document.querySelectorAll sees them.
  const self = test(root) ? [root] : [];
  return [...self, ...descendantsWhere(root, test, n - self.length)];
}

function collectHeadings(found: Element[], out: string[]): void {
  for (const h of found.slice(0, MAX_HEADINGS)) {
    if (h.childElementCount > 8) continue;
    const t = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 300) out.push(t);
  }
}

/**
 * Old and small sites set their headline in a <div class="title">, not a heading. Asked only when
 * the headings did not settle the title: attribute selectors cost jsdom a walk of the page.
 */
export function titleElements(doc: Document): string[] {
  const out: string[] = [];
  const named = (e: Element): boolean => {
    const c = e.getAttribute('class');
    return (c !== null && (c.includes('title') || c.includes('Title') || c.includes('headline'))) || (e.getAttribute('id')?.includes('title') ?? false);
  };
  collectHeadings(firstInPage(doc, MAX_HEADINGS, named), out);
  return out;
}

export function metaValue(pm: PageMeta, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = pm.meta.get(k);
    if (v) return v;
  }
  return null;
}

const ARTICLE_TYPE = /Article|Posting|Report|BlogPosting|NewsArticle|WebPage/i;

/** The JSON-LD object that describes the article (an Article type beats a WebPage). */
export function ldArticle(pm: PageMeta): Record<string, unknown> | null {
  let page: Record<string, unknown> | null = null;
  for (const o of pm.jsonLd) {
    const t = String(Array.isArray(o['@type']) ? o['@type'].join(' ') : (o['@type'] ?? ''));
    if (!ARTICLE_TYPE.test(t)) continue;
    if (/WebPage/i.test(t) && !/Article|Posting|Report/i.test(t)) page ??= o;
    else return o;
  }
  return page;
}

export function ldString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return ldString(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return ldString(o.name ?? o.url ?? o['@value']);
  }
  return null;
}

export function ldPeople(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(ldPeople).filter((x): x is string => !!x);
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (v && typeof v === 'object') return ldPeople((v as Record<string, unknown>).name);
  return null;
}
