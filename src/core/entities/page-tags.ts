import { normalizeInline } from '../text/whitespace.ts';
import { jsonLdObjects } from '../extract/metadata.ts';

export interface PageTag {
  name: string;
  source: 'page-tag' | 'jsonld';
  /** Set when the page says what the tag is (JSON-LD @type). */
  type?: 'person' | 'place' | 'organization';
}

// Links to tag, topic, category or keyword pages. Any element with an href counts: some sites
// mark tags with made-up elements (the seed page uses <ok href=".../tag/...">).
const TAG_PATH = /\/(?:tags?|topics?|category|categories|keywords?|labels?|subjects?|themen?|schlagworte?)(?:\/|=|\.|$)/i;
const MAX_TAG_CHARS = 40;

function cleanName(raw: string): string | null {
  const name = normalizeInline(raw).replace(/^#/, '');
  if (name.length < 2 || name.length > MAX_TAG_CHARS) return null;
  if (/^\d+$/.test(name)) return null;
  return name;
}

function ldType(t: unknown): PageTag['type'] {
  const s = String(Array.isArray(t) ? t[0] : t ?? '');
  if (/Person/i.test(s)) return 'person';
  if (/Place|City|Country|AdministrativeArea/i.test(s)) return 'place';
  if (/Organization|Corporation|NewsMediaOrganization|GovernmentOrganization/i.test(s)) return 'organization';
  return undefined;
}

/** Tags the page declares about itself, read from the original DOM (Readability drops them). */
export function readPageTags(doc: Document): PageTag[] {
  const seen = new Map<string, PageTag>();
  const add = (raw: string, source: PageTag['source'], type?: PageTag['type']): void => {
    const name = cleanName(raw);
    if (!name) return;
    const prev = seen.get(name);
    if (!prev) seen.set(name, type ? { name, source, type } : { name, source });
    else if (type && !prev.type) prev.type = type;
  };
  // A walk over elements costs a quarter of querySelectorAll('[href]') in jsdom, the same in browsers.
  const walker = doc.createTreeWalker(doc.documentElement ?? doc, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const href = el.getAttribute('href');
    if (href === null) continue;
    if (el.getAttribute('rel')?.split(/\s+/).includes('tag') || TAG_PATH.test(href.replace(/[?#].*$/, ''))) {
      add(el.textContent ?? '', 'page-tag');
    }
  }
  // Filtered here rather than with [name="keywords" i] selectors, which some DOMs (jsdom) run
  // tens of times slower than a plain tag query.
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase();
    if (key !== 'keywords' && key !== 'news_keywords' && key !== 'article:tag') continue;
    for (const part of (meta.getAttribute('content') ?? '').split(/[,，、;；]/)) add(part, 'page-tag');
  }
  for (const obj of jsonLdObjects(doc)) {
    const kw = obj.keywords;
    const list = Array.isArray(kw) ? kw : typeof kw === 'string' ? kw.split(/[,，、]/) : [];
    for (const k of list) if (typeof k === 'string') add(k, 'jsonld');
    for (const key of ['about', 'mentions']) {
      const v = obj[key];
      for (const item of Array.isArray(v) ? v : v ? [v] : []) {
        if (typeof item === 'string') add(item, 'jsonld');
        else if (item && typeof item === 'object') {
          const o = item as Record<string, unknown>;
          if (typeof o.name === 'string') add(o.name, 'jsonld', ldType(o['@type']));
        }
      }
    }
  }
  return [...seen.values()];
}
