import { normalizeInline } from '../text/whitespace.ts';
import { jsonLdObjects } from '../extract/metadata.ts';
import type { Entity } from '../types.ts';

export interface PageTag {
  name: string;
  source: 'page-tag' | 'jsonld';
  /** Set when the page says what the tag is (JSON-LD @type). */
  type?: 'person' | 'place' | 'organization';
}

// Links to tag, topic, category or keyword pages. Any element with an href counts: some sites
// mark tags with made-up elements (the seed page uses <ok href=".../tag/...">). A slug must follow
// the segment: "/topics" alone is the index of all topics, not one of them.
const TAG_PATH = /\/(?:tags?|topics?|category|categories|keywords?|labels?|subjects?|themen?|schlagworte?)(?:\/|=|\.)[^/]/i;
// Link texts that name the tag index itself ("All Topics", "Tags"), not a tag.
const GENERIC_LABEL = /^(?:all|more|see all|browse|alle|weitere)?\s*(?:tags?|topics?|categories|category|keywords?|labels?|subjects?|themen?|schlagworte?)$/i;
// Class/id words of site chrome: a link there is a menu entry (a section of the site), not a tag
// of this article. Words of a tag area stop the walk first ("article-tags" inside a footer).
const CHROME_WORD = /^(?:nav|navbar|navigation|menu|menus|menubar|submenu|megamenu|sidebar|widget|widgets|breadcrumbs?|masthead|colophon|topbar)$/;
const TAG_AREA_WORD = /^(?:tags?|tagged|tagging|keywords?|topics?|labels?|subjects?|schlagworte?|themen?)$/;
const CHROME_ROLE = /^(?:navigation|menu|menubar|complementary|banner|contentinfo)$/;
const MAX_TAG_CHARS = 40;

function cleanName(raw: string): string | null {
  const name = normalizeInline(raw).replace(/^#/, '');
  if (name.length < 2 || name.length > MAX_TAG_CHARS) return null;
  if (/^\d+$/.test(name)) return null;
  return name;
}

/** Class and id words of an element, lower-cased and split at -, _ and spaces. */
function words(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase().split(/[\s_-]+/);
}

/**
 * Whether a tag link sits in the site's chrome (menus, sidebars, page header/footer) rather than
 * in the article's own tag area: menus link to sections ("Expert Voices" under /topics/) on every
 * page of the site. The walk up stops at the first tag area, article or main element.
 */
export function inSiteChrome(link: Element): boolean {
  for (let el = link.parentElement; el; el = el.parentElement) {
    const name = el.localName;
    if (name === 'article' || name === 'main' || name === 'body') return false;
    const w = words(el);
    // Menu words first: a menu item may carry its label as a class ("menu-item-all topics").
    if (w.some((x) => CHROME_WORD.test(x))) return true;
    if (w.some((x) => TAG_AREA_WORD.test(x))) return false;
    if (name === 'nav' || name === 'aside' || CHROME_ROLE.test(el.getAttribute('role') ?? '')) return true;
    // A header or footer of the page, not one of the article (those are inside article/main).
    if ((name === 'header' || name === 'footer') && !el.closest('article, main, [role="main"]')) return true;
  }
  return false;
}

function ldType(t: unknown): PageTag['type'] {
  const s = String(Array.isArray(t) ? t[0] : t ?? '');
  if (/Person/i.test(s)) return 'person';
  if (/Place|City|Country|AdministrativeArea/i.test(s)) return 'place';
  if (/Organization|Corporation|NewsMediaOrganization|GovernmentOrganization/i.test(s)) return 'organization';
  return undefined;
}

// A tag cloud, calendar or index of the whole site: many tag links and little else. An article's
// own tag area lists a handful; tags inline in its text sit among words.
const CLOUD_LINKS = 12;
const CLOUD_LINK_SHARE = 0.7;
const BLOCK = /^(?:div|ul|ol|section|p|td|dl|span|nav|aside)$/;

/** Whether the nearest block around a tag link is a cloud of links (counted once per block). */
function inCloud(link: Element, tagLinks: Map<Element, number>, memo: Map<Element, boolean>): boolean {
  let box = link.parentElement;
  while (box && !BLOCK.test(box.localName) && box.localName !== 'body') box = box.parentElement;
  // The list item's list, not the item: <ul><li><a>...</a></li>...</ul>.
  if (box && box.localName === 'span' && box.parentElement) box = box.parentElement;
  if (!box || box.localName === 'body') return false;
  const known = memo.get(box);
  if (known !== undefined) return known;
  let links = 0;
  let linkChars = 0;
  for (const [el, chars] of tagLinks) {
    if (box.contains(el)) {
      links++;
      linkChars += chars;
    }
  }
  const chars = normalizeInline(box.textContent ?? '').length;
  const cloud = links >= CLOUD_LINKS && linkChars >= CLOUD_LINK_SHARE * chars;
  memo.set(box, cloud);
  return cloud;
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
  const tagLinks = new Map<Element, number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const href = el.getAttribute('href');
    if (href === null) continue;
    if (el.getAttribute('rel')?.split(/\s+/).includes('tag') || TAG_PATH.test(href.replace(/[?#].*$/, ''))) {
      tagLinks.set(el, normalizeInline(el.textContent ?? '').length);
    }
  }
  const memo = new Map<Element, boolean>();
  for (const el of tagLinks.keys()) {
    const label = normalizeInline(el.textContent ?? '');
    if (!GENERIC_LABEL.test(label) && !inSiteChrome(el) && !inCloud(el, tagLinks, memo)) add(label, 'page-tag');
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

// Enough to say what the page files the article under; a longer list is the CMS's keyword dump.
const MAX_TAGS_APART = 15;
const fold = (s: string): string => s.toLocaleLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * The page's declared tags that are not among the article's names (by any of their forms, case
 * aside): what "Tags on the page" shows. A tag that is a name is in the names list already, with
 * its count; one that is not is the page's filing, never a name with no mentions.
 */
export function tagsApart(tags: string[], entities: Entity[]): string[] {
  const names = new Set(entities.flatMap((e) => [e.name, ...e.aliases].map(fold)));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const key = fold(tag);
    // One- and two-letter words ("от", "de") are split keyword junk, not a filing; acronyms stay.
    const letters = tag.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    if (letters === 0 || (letters <= 2 && tag !== tag.toUpperCase()) || names.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === MAX_TAGS_APART) break;
  }
  return out;
}
