// After Readability: the container is cleaned in place. Order matters: pictures are resolved
// before empty blocks are judged, and whitespace is collapsed last, over the final tree.
import { collapseWhitespace } from './cjk-whitespace.ts';
import { filterBlocks } from './block-filter.ts';
import { resolveLazyImages } from './lazy-images.ts';
import { ruleOn } from './rules.ts';
import { byTag, descendantsWhere } from './elements.ts';

export interface PostCleanContext {
  url: string;
  title: string;
  /** The page's site ("example.co.uk"); '' when unknown (every link then counts as internal). */
  site: string;
  /** Caption texts pre-clean found (see PreCleanResult.captions). */
  captions?: Set<string>;
}

export interface PostCleanResult {
  bylines: string[];
  /** Link share of Readability's container before cleaning (a list of links is no article). */
  linkShare: number;
}

const URL_ATTRS: [string, string][] = [
  ['a', 'href'],
  ['img', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['source', 'src'],
  ['iframe', 'src'],
];
const KEEP_EMPTY = new Set(['IMG', 'BR', 'HR', 'VIDEO', 'AUDIO', 'IFRAME', 'SOURCE', 'PICTURE', 'TD', 'TH', 'TR', 'SVG', 'svg', 'MATH', 'math', 'CANVAS', 'EMBED', 'OBJECT', 'TRACK', 'WBR', 'COL', 'COLGROUP']);

export function absolutize(root: Element, base: string): void {
  for (const [tag, attr] of URL_ATTRS) {
    for (const el of byTag(root, tag)) {
      const raw = el.getAttribute(attr);
      if (raw === null || raw.startsWith('#')) continue;
      try {
        const u = new URL(raw.trim(), base);
        // javascript: and other schemes are not links a reader can follow.
        if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' || u.protocol === 'data:') el.setAttribute(attr, u.href);
        else el.removeAttribute(attr);
      } catch {
        el.removeAttribute(attr);
      }
    }
  }
  for (const el of descendantsWhere(root, (e) => (e.localName === 'img' || e.localName === 'source') && e.hasAttribute('srcset'))) {
    const set = el.getAttribute('srcset') ?? '';
    const fixed = set
      .split(/,\s+/)
      .map((part) => {
        const [u, ...rest] = part.trim().split(/\s+/);
        if (!u) return '';
        try {
          return [new URL(u, base).href, ...rest].join(' ');
        } catch {
          return '';
        }
      })
      .filter(Boolean)
      .join(', ');
    if (fixed) el.setAttribute('srcset', fixed);
    else el.removeAttribute('srcset');
  }
}

const norm = (s: string): string => s.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

const TOP_HEADINGS = new Set(['h1', 'h2', 'h3']);


/** Drop the heading that repeats the title (the reader shows the title already). */
function dropTitleHeading(root: Element, title: string): void {
  const t = norm(title);
  if (!t) return;
  for (const h of descendantsWhere(root, (e) => TOP_HEADINGS.has(e.localName), 3)) {
    const n = norm(h.textContent ?? '');
    if (n && (n === t || (n.length > 10 && t.includes(n)) || (t.length > 10 && n.includes(t) && n.length < t.length * 1.3))) {
      if (ruleOn('title-heading')) h.remove();
      return;
    }
  }
}

/** Remove elements left with no text and no media, innermost first. */
function dropEmpty(root: Element): void {
  const all = byTag(root, '*');
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (KEEP_EMPTY.has(el.tagName) || el.firstElementChild) continue;
    if ((el.textContent ?? '').trim() === '') el.remove();
  }
}

export function postClean(root: Element, ctx: PostCleanContext): PostCleanResult {
  resolveLazyImages(root);
  absolutize(root, ctx.url);
  dropTitleHeading(root, ctx.title);
  const { bylines, linkShare } = filterBlocks(root, ctx.url, ctx.site, ctx.captions);
  dropEmpty(root);
  collapseWhitespace(root);
  return { bylines, linkShare };
}
