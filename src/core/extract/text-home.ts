// The likely home of the article, found before anything is removed: the element whose
// paragraphs carry the most running text. Pre-clean never removes it or its ancestors, whatever
// their class names say (themes put "sidebar", "rail" or "modal" on the wrappers of whole pages).
import { junkKind } from './patterns.ts';

const INLINE = new Set([
  'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'TIME', 'ABBR', 'CITE', 'CODE', 'SUB', 'SUP', 'MARK',
  'Q', 'LABEL', 'FONT', 'BR', 'IMG', 'WBR', 'DFN', 'KBD', 'SAMP', 'VAR', 'BDI', 'BDO', 'INS', 'DEL',
]);
const TEXT_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);
const TEXT_BLOCK = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'DD', 'DT', 'PRE', 'FIGCAPTION']);
// Wrappers that, holding text and no block of their own, are used as paragraphs.
const PARAGRAPH_LIKE = new Set(['DIV', 'SECTION']);
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'MENU', 'DIALOG', 'BUTTON', 'SELECT']);
const MIN_RUN = 20;

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!INLINE.has(c.tagName)) return true;
  return false;
}

export function inFurniture(el: Element, body: Element): boolean {
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
    const marks = `${e.getAttribute('class') ?? ''} ${e.id ?? ''}`;
    if (marks.length > 1 && junkKind(marks)) return true;
    if (FURNITURE_TAGS.has(e.tagName)) return true;
  }
  return false;
}

/**
 * Text runs are credited to the element that holds their paragraph: a <p> (or a <div> used as
 * one, as some sites build every paragraph) counts for its parent, so an article written as many
 * sibling paragraphs adds up in one place. Link text does not count: a list of teaser headlines
 * can out-write a short article, but it is all links.
 */
export function textHome(body: Element): Set<Element> {
  return findTextHome(body).path;
}

/** The home's path (itself and its ancestors below <body>) and the running text credited to it. */
export function findTextHome(body: Element): { path: Set<Element>; chars: number } {
  const byHome = new Map<Element, number>();
  const leafCache = new Map<Element, boolean>();
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n.nodeValue ?? '').trim().length;
    if (len < MIN_RUN) continue;
    let el = n.parentElement;
    if (!el || TEXT_SKIP.has(el.tagName)) continue;
    let linked = false;
    while (el && el !== body && INLINE.has(el.tagName)) {
      if (el.tagName === 'A') linked = true;
      el = el.parentElement;
    }
    if (linked || !el || el === body) continue;
    if (TEXT_BLOCK.has(el.tagName)) el = el.parentElement;
    else if (PARAGRAPH_LIKE.has(el.tagName)) {
      let leaf = leafCache.get(el);
      if (leaf === undefined) leafCache.set(el, (leaf = !hasBlockChild(el)));
      if (leaf && el.parentElement && el.parentElement !== body) el = el.parentElement;
    }
    if (!el || el === body) continue;
    byHome.set(el, (byHome.get(el) ?? 0) + len);
  }
  // The home with the most text, unless a nearly as rich one sits outside page furniture.
  const ranked = [...byHome].sort((a, b) => b[1] - a[1]).slice(0, 5);
  let best: Element | null = ranked[0]?.[0] ?? null;
  let chars = ranked[0]?.[1] ?? 0;
  if (best && inFurniture(best, body)) {
    const clean = ranked.find(([el, n]) => n >= ranked[0]![1] * 0.3 && !inFurniture(el, body));
    if (clean) [best, chars] = clean;
  }
  const keep = new Set<Element>();
  for (let e = best; e && e !== body; e = e.parentElement) keep.add(e);
  return { path: keep, chars };
}
