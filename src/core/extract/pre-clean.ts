// Boilerplate Readability tends to keep, removed from the working clone before it runs, in one
// walk over the tree. Decisions come from structure (tags, roles, hidden state, class/id
// vocabulary of page furniture, link density, size), never from site names. Removing page
// furniture early also makes Readability itself faster: it walks, scores and serialises less.
import { BYLINE, CAPTION, SCREEN_READER, junkKind, neutralMarks } from './patterns.ts';
import { imageSource } from './lazy-images.ts';
import { commonSite, isTeaserGrid } from './teasers.ts';
import { findTextHome } from './text-home.ts';
import { ruleOn } from './rules.ts';
import { byTag, closestWhere, descendantsWhere, firstDescendant, hasDescendant, nextInside } from './elements.ts';

/** An image that may be the article's lead picture, recorded before Readability moves nodes. */
export interface LeadCandidate {
  /** Position in document order (comparable with `paragraphs`). */
  order: number;
  src: string;
  alt: string;
  caption: string | null;
  width: number;
}

export interface PreCleanResult {
  /** The page's site, inferred from its links when its address is unknown ('' if no links). */
  site: string;
  /**
   * Texts of elements marked as captions. Readability rebuilds some elements (a <div> of text
   * becomes a new <p>) and drops their attributes, so captions are also known by their text.
   */
  captions: Set<string>;
  /** Text of byline elements, in page order (they are removed from the body). */
  bylines: string[];
  leadCandidates: LeadCandidate[];
  /** Document-order positions of long paragraphs; each such element carries data-sift-i. */
  paragraphs: number[];
  /** Texts of the <h1>/<h2> removed before the first one kept (see headingsBeforeKept). */
  removedHeadings: string[];
  /** Running text (characters outside links) of the page's likely article home (text-home.ts). */
  homeChars: number;
}

export const ORDER_ATTR = 'data-sift-i';
/** On text blocks inside an <article>/<main>: the position of that element (see lead-text.ts). */
export const SECTION_ATTR = 'data-sift-s';
export const CAPTION_ATTR = 'data-sift-caption';
/** On stand-ins for removed headings (see standIns); they never reach the article. */
export const STAND_IN_ATTR = 'data-sift-stand-in';

const DROP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'CANVAS', 'OBJECT', 'EMBED', 'BUTTON', 'INPUT', 'SELECT',
  'TEXTAREA', 'OPTION', 'DIALOG', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'MENU', 'FORM',
]);
// Furniture tags that still may (rarely) wrap the article: kept when they hold much of the page's prose.
const GUARDED_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'MENU', 'FORM']);
const INLINE = new Set([
  'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'TIME', 'ABBR', 'CITE', 'CODE', 'SUB', 'SUP', 'MARK',
  'Q', 'LABEL', 'FONT', 'BR', 'IMG', 'WBR', 'DFN', 'KBD', 'SAMP', 'VAR', 'BDI', 'BDO', 'INS', 'DEL',
]);
const KEEP_INSIDE = new Set(['TABLE', 'PRE', 'CODE', 'MATH']);
const VIDEO_HOST = /\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com|player\.vimeo\.com|dailymotion\.com|player\.twitch\.tv)/i;
const LONG_PARAGRAPH = 120;
const MAX_CAPTION = 400;
const HEADING = /^H[1-6]$/;
// A standfirst or lead paragraph: shorter than body paragraphs, longer than a label.
const LEAD_TEXT = 40;
const SECTION_TAGS = new Set(['ARTICLE', 'MAIN']);
const CONTENT_WORD = /(?:^|[\s_-])(?:article|content|post|entry|story|body|main|text|prose)(?:$|[\s_-])/i;
const MIN_LEAD_PX = 150;
const ICONISH = /(?:^|[\s_\-/.])(?:logo|icon|icons|avatar|sprite|emoji|badge|pixel|spacer|qr|qrcode|二维码|二維碼)(?:$|[\s_\-/.])/i;
const MAX_LEAD_CANDIDATES = 40;
const MAX_STAND_INS = 4;

// Separators between menu links ("Home | News") are not text.
const NOT_TEXT = /[\s\p{P}\p{S}]+/gu;

function isLinkHeading(el: Element, section: number): boolean {
  const links = byTag(el, 'a').length;
  return links > 0 && (links > 1 || section === 0) && linkTextRatio(el) > 0.9;
}

function linkTextRatio(el: Element): number {
  const text = (el.textContent ?? '').replace(NOT_TEXT, '');
  if (text.length === 0) return 0;
  let linked = 0;
  for (const a of byTag(el, 'a')) linked += (a.textContent ?? '').replace(NOT_TEXT, '').length;
  return linked / text.length;
}

function pixelSize(img: Element, attr: 'width' | 'height'): number {
  const v = Number.parseInt(img.getAttribute(attr) ?? '', 10);
  return Number.isNaN(v) ? -1 : v;
}

function isTrackingPixel(img: Element): boolean {
  const w = pixelSize(img, 'width');
  const h = pixelSize(img, 'height');
  if ((w >= 0 && w <= 2) || (h >= 0 && h <= 2)) return true;
  const style = img.getAttribute('style') ?? '';
  return /(?:^|;)\s*(?:width|height)\s*:\s*[01]px/i.test(style);
}

const FIGCAPTION = new Set(['figcaption']);
const IMG = new Set(['img']);

/** The nearest <figure> holding `el` (or `el` itself), as closest('figure') finds it. */
const inFigure = (el: Element): Element | null => closestWhere(el, (e) => e.localName === 'figure');

/** The caption that goes with a picture: its figure's figcaption, or a caption-like next sibling. */
function captionFor(img: Element): string | null {
  const figure = inFigure(img);
  const fc = figure ? firstDescendant(figure, FIGCAPTION) : null;
  if (fc) return fc.textContent;
  // The picture, or the small wrapper that holds only it, followed by its caption.
  let holder: Element = img;
  while (holder.parentElement && holder.parentElement.childElementCount === 1 && holder.parentElement.tagName !== 'BODY') {
    holder = holder.parentElement;
  }
  const next = holder.nextElementSibling;
  if (!next) return null;
  const text = (next.textContent ?? '').trim();
  const marked = CAPTION.test(`${next.getAttribute('class') ?? ''} ${next.id}`);
  if (text && text.length < 400 && (marked || (holder.parentElement?.childElementCount ?? 0) <= 3) && !hasDescendant(next, IMG)) {
    return marked || text.length < 300 ? text : null;
  }
  return null;
}

export interface PreCleanContext {
  url: string;
  /** The page's site, or null when unknown (then the site most links point to). */
  site: string | null;
  /** Leave class and id names out of it: the second try when they emptied the page. */
  gentle?: boolean;
}

export function preClean(doc: Document, ctx: PreCleanContext = { url: doc.URL, site: null }): PreCleanResult {
  const body = doc.body;
  const site = ctx.site ?? (body ? commonSite(body, ctx.url) : '');
  const result: PreCleanResult = { site, captions: new Set(), bylines: [], leadCandidates: [], paragraphs: [], removedHeadings: [], homeChars: 0 };
  if (!body) return result;
  const home = findTextHome(body);
  const articlePath = ruleOn('text-home') ? home.path : new Set<Element>();
  result.homeChars = home.chars;
  const holdsArticle = (el: Element): boolean => articlePath.has(el);
  const boxes = signupBoxes(body, articlePath);
  const remove: Element[] = boxes.length && ruleOn('signup-boxes') ? boxes : [];
  let order = 0;
  let wrappers: Set<Element> | undefined;
  // Depth-first, in document order; `keep` > 0 inside tables, code and math, which stay whole.
  const stack: { el: Element; keep: number; link: boolean; section: number }[] = [];
  for (let c = body.lastElementChild; c; c = c.previousElementSibling) stack.push({ el: c, keep: 0, link: false, section: 0 });
  while (stack.length > 0) {
    const { el, keep, link, section } = stack.pop()!;
    const tag = el.tagName.toUpperCase();
    order++;
    if (dropped(el, tag, keep)) {
      // An article's own <header> (inside <article>/<main>) holds its lead: bylines and titles in
      // it are the block filter's business.
      const ownHeader = tag === 'HEADER' && (section > 0 || hasLongParagraph(el));
      if (!GUARDED_TAGS.has(tag) || !(holdsArticle(el) || ownHeader)) {
        remove.push(el);
        continue;
      }
    } else if (tag !== 'IMG' && !INLINE.has(tag) && !HEADING.test(tag) && keep === 0) {
      const marks = `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`;
      const found = marks.length > 1 && !ctx.gentle ? junkByMarks(el, marks, result) : null;
      const kind = found && ruleOn('junk-marks') ? found : null;
      // A dialog or share bar goes even when big (a consent dialog can out-write the article),
      // unless it holds the article and says so ("box article modal-enabled") or wraps the
      // page's <article>; a layout wrapper stays whenever it holds the article.
      const keepIt = holdsArticle(el) && (kind === 'layout' || CONTENT_WORD.test(marks) || (wrappers ??= articleWrappers(body)).has(el));
      if (kind && !keepIt) {
        remove.push(el);
        continue;
      }
      if (kind) neutralize(el);
      if (CAPTION.test(marks) && (el.textContent ?? '').length <= MAX_CAPTION) {
        el.setAttribute(CAPTION_ATTR, '');
        const text = captionKey(el.textContent ?? '');
        if (text) result.captions.add(text);
      }
      if (!ctx.gentle && el.childElementCount >= 4 && !holdsArticle(el) && isTeaserGrid(el, ctx.url, site) && ruleOn('teaser-grid')) {
        remove.push(el);
        continue;
      }
    }
    if (tag === 'IMG') {
      if ((isTrackingPixel(el) || ICONISH.test(`${imageSource(el) ?? ''} ${el.getAttribute('alt') ?? ''}`)) && ruleOn('icons')) {
        remove.push(el);
        continue;
      }
      if (!link && result.leadCandidates.length < MAX_LEAD_CANDIDATES) recordLead(el, order, result);
    } else if (tag === 'P' || tag === 'DIV') {
      const own = ownTextLength(el, tag);
      if (own >= LONG_PARAGRAPH) {
        el.setAttribute(ORDER_ATTR, String(order));
        result.paragraphs.push(order);
      }
      if (section && own >= LEAD_TEXT) markSection(el, order, section);
    } else if (section && /^H[2-4]$/.test(tag) && (el.textContent ?? '').length >= LEAD_TEXT * 2) {
      markSection(el, order, section);
    } else if (HEADING.test(tag) && isLinkHeading(el, section) && ruleOn('link-headings')) {
      // Headings made only of links are navigation or promotion, not article headings (in an
      // <article>, a linked title of a review or a teaser card is the teaser rules' business).
      remove.push(el);
      continue;
    }
    const k = keep + (KEEP_INSIDE.has(tag) ? 1 : 0);
    const inLink = link || (tag === 'A' && el.hasAttribute('href'));
    const sec = SECTION_TAGS.has(tag) || el.getAttribute('itemprop') === 'articleBody' ? order : section;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push({ el: c, keep: k, link: inLink, section: sec });
  }
  const removedHeadings = headingsBeforeKept(body, remove);
  result.removedHeadings = removedHeadings.length && ruleOn('stand-ins') ? removedHeadings : [];
  for (const el of remove) el.remove();
  // <head> keeps only what Readability reads (title, meta); scripts and styles there cost it time.
  if (doc.head) {
    for (let el = doc.head.firstElementChild; el; ) {
      const next = el.nextElementSibling;
      const t = el.tagName.toUpperCase();
      if (t === 'SCRIPT' || t === 'STYLE' || t === 'LINK' || t === 'NOSCRIPT' || t === 'TEMPLATE') el.remove();
      el = next;
    }
  }
  return result;
}

/**
 * Readability drops the first <h1>/<h2> it meets that resembles the title, once per page. When the
 * title heading was in a part removed here (an entry header full of category links), its turn went
 * to a later section heading that shares the title's words ("Ab wann legen Hühner Eier?" under
 * "Ab wann und wie lange legen Hühner Eier?"), which was then lost. So the texts of the removed
 * headings that came before every kept one are returned, to go back as stand-ins (standIns()).
 */
function headingsBeforeKept(body: Element, remove: Element[]): string[] {
  if (remove.length === 0) return [];
  const removed = new Set(remove);
  const texts: string[] = [];
  // In document order, walked only as far as needed (most pages stop at their first heading).
  for (let h = nextInside(body, body); h; h = nextInside(h, body)) {
    if (h.localName !== 'h1' && h.localName !== 'h2') continue;
    let gone = false;
    for (let a: Element | null = h; a && a !== body; a = a.parentElement) {
      if (removed.has(a)) {
        gone = true;
        break;
      }
    }
    if (!gone || texts.length === MAX_STAND_INS) break;
    const text = (h.textContent ?? '').trim();
    if (text) texts.push(text);
  }
  return texts;
}

/**
 * Puts the removed headings back at the top of the body, just before Readability runs, so that it
 * meets them first, as it would have on the page itself. Whatever of them it keeps is taken out
 * of its result (STAND_IN_ATTR).
 */
export function standIns(doc: Document, texts: string[]): void {
  if (!doc.body || texts.length === 0) return;
  doc.body.prepend(
    ...texts.map((text) => {
      // Always an <h1>: Readability scores <h2> text (and its parents), never <h1>.
      const h = doc.createElement('h1');
      h.textContent = text;
      h.setAttribute(STAND_IN_ATTR, '');
      return h;
    }),
  );
}

function dropped(el: Element, tag: string, keep: number): boolean {
  // A search <form> is furniture; a page-wide one (ASP.NET) is kept by the size guard.
  if (DROP_TAGS.has(tag)) return !GUARDED_TAGS.has(tag) || ruleOn('furniture-tags');
  if (tag === 'NOSCRIPT') {
    // Readability swaps lazy placeholders for the real picture kept in <noscript> (parsed as
    // elements without scripting, as text in a live page).
    return byTag(el, 'img').length === 0 && !/<img\b/i.test(el.textContent ?? '');
  }
  if (tag === 'IFRAME') return !VIDEO_HOST.test(el.getAttribute('src') ?? '');
  if (tag === 'SVG' || tag === 'svg') return keep === 0 && !inFigure(el);
  // Hidden elements and navigation roles are Readability's own to drop (its visibility check and
  // unlikely roles); ours, removed 2026-12-07 by bench:ablation, changed no page of the pool sample.
  // Text for screen readers only ("Image caption") is visible to Readability: it stays ours.
  const cls = el.getAttribute('class');
  if (cls && SCREEN_READER.test(cls) && ruleOn('screen-reader')) return true;
  return false;
}

function junkByMarks(el: Element, marks: string, result: PreCleanResult): 'semantic' | 'layout' | null {
  if (BYLINE.test(marks) || el.getAttribute('rel') === 'author' || /author/i.test(el.getAttribute('itemprop') ?? '')) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length <= 200) {
      if (text) result.bylines.push(text);
      return 'semantic';
    }
  }
  return junkKind(marks);
}

/**
 * The elements that have an <article>, <main> or articleBody inside them. Found once a page, at
 * first need: asking each element with querySelector cost jsdom a seventh of the whole pipeline.
 */
function articleWrappers(body: Element): Set<Element> {
  const out = new Set<Element>();
  const found = descendantsWhere(body, (e) => e.localName === 'article' || e.localName === 'main' || e.getAttribute('itemprop') === 'articleBody');
  for (const a of found) {
    for (let p = a.parentElement; p && !out.has(p); p = p.parentElement) out.add(p);
  }
  return out;
}

/** Keep a wrapper that holds the article, minus the words that would get it deleted. */
function neutralize(el: Element): void {
  const cls = el.getAttribute('class');
  if (cls) el.setAttribute('class', neutralMarks(cls));
  if (el.id && neutralMarks(el.id) !== el.id) el.removeAttribute('id');
}

/** A <header> with a real paragraph in it is an article's lead, not the site's masthead. */
function hasLongParagraph(el: Element): boolean {
  for (const p of byTag(el, 'p')) if ((p.textContent ?? '').length >= LONG_PARAGRAPH) return true;
  return false;
}

/** Captions compared by their words only, so whitespace changes do not matter. */
export function captionKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function ownTextLength(el: Element, tag: string): number {
  if (tag === 'P') return (el.textContent ?? '').trim().length;
  // A DIV used as a paragraph: its own text, not its children's.
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
  return n;
}

function markSection(el: Element, order: number, section: number): void {
  if (!el.hasAttribute(ORDER_ATTR)) el.setAttribute(ORDER_ATTR, String(order));
  el.setAttribute(SECTION_ATTR, String(section));
}

function recordLead(img: Element, order: number, result: PreCleanResult): void {
  const src = imageSource(img);
  if (!src) return;
  const w = pixelSize(img, 'width');
  const h = pixelSize(img, 'height');
  if ((w >= 0 && w < MIN_LEAD_PX) || (h >= 0 && h < MIN_LEAD_PX * 0.6)) return;
  result.leadCandidates.push({
    order,
    src,
    alt: (img.getAttribute('alt') ?? '').trim(),
    caption: captionFor(img)?.replace(/\s+/g, ' ').trim() || null,
    width: w,
  });
  img.setAttribute(ORDER_ATTR, String(order));
}

// A box around an e-mail field is a sign-up (newsletter, alerts) or comment form; its pitch
// ("Want more stories like this? Every day we send...") goes with the form.
const SIGNUP_WORDS = 50;

function signupBoxes(body: Element, articlePath: Set<Element>): Element[] {
  const out: Element[] = [];
  // Not the selector input[type="email" i]: case-insensitive attribute selectors are slow in jsdom.
  for (const input of byTag(body, 'input')) {
    if (input.getAttribute('type')?.toLowerCase() !== 'email') continue;
    let box: Element | null = null;
    for (let e = input.parentElement; e && e !== body && !articlePath.has(e); e = e.parentElement) {
      if (wordCount(e.textContent ?? '') > SIGNUP_WORDS) break;
      box = e;
    }
    if (box && !out.some((o) => o.contains(box))) out.push(box);
  }
  return out;
}

function wordCount(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) + Math.ceil(cjk / 2);
}
