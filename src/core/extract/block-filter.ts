// Boilerplate inside Readability's container, judged block by block from what a reader sees:
// how long a block is, how much of it is link text, where it stands (before the first real
// paragraph, after the last), what it says when it is short (phrases.ts), and what its
// neighbours are (a heading over nothing but teasers goes with them). Captions stay in the
// HTML but are marked so the plain text (what is read, searched and scored) leaves them out.
import { countCjk } from '../text/scripts.ts';
import { dateInText } from './dates.ts';
import {
  BREADCRUMB, BY_LINE, QR_SHARE_CALL, CJK_SHARE_WORDS, CLOSING_APPEAL, CREDIT, FOLLOW_CALL, PROMO_CALL, PROMO_WORDS, RIGHTS, SHARE_WORDS, SHORTCODE,
  SIGN_OFF, SOCIAL_NETWORK, STAMP_LINE,
} from './phrases.ts';
import { HEADING, LONG_WORDS, SHORT_WORDS, dropClosingBoilerplate, dropLabelledSections, dropOrphanHeadings, isLabel } from './block-runs.ts';
import { CAPTION_ATTR, captionKey } from './pre-clean.ts';
import { commonSite, linkSite } from './teasers.ts';
import { ruleOn, type RuleName } from './rules.ts';
import { byTag, descendantsWhere, hasDescendant } from './elements.ts';

const LEAF_STOP = new Set(['TABLE', 'PRE', 'FIGURE', 'MATH', 'svg', 'SVG']);
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION',
  'TABLE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'CENTER', 'HEADER', 'FOOTER', 'ASIDE',
  // Rows and cells of a table Readability unwrapped into a <div> (a real <table> stays whole).
  'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH',
]);
// Local names, as selectors name them (elements.ts walks the tree instead of a selector engine).
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'table', 'math', 'svg', 'pre']);
const PICTURE_NAMES = new Set(['img', 'picture', 'video', 'svg', 'iframe']);
const IMG_NAMES = new Set(['img', 'picture']);
const FIGCAPTION = new Set(['figcaption']);
const TEXTUAL = new Set(['pre', 'table', 'blockquote', 'p']);
const CELLS = new Set(['td', 'th']);

export interface Block {
  el: Element;
  tag: string;
  text: string;
  /** Words for spaced scripts, two CJK characters counting as one. */
  words: number;
  linkShare: number;
  /** Share of the link text that points into the same site (teasers, navigation). */
  internalShare: number;
  caption: boolean;
  drop: boolean;
}

function words(text: string): number {
  const cjk = countCjk(text);
  const latin = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return latin + Math.ceil(cjk / 2);
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK_TAGS.has(c.tagName.toUpperCase())) return true;
  return false;
}

/** The page's address without its fragment; null for a site's front page or no address. */
function pageKey(base: string): string | null {
  try {
    const u = new URL(base);
    return u.pathname.length > 1 ? `${u.host}${u.pathname}${u.search}` : null;
  } catch {
    return null;
  }
}

function selfLink(a: Element, base: string, self: string | null, path: string): boolean {
  const href = a.getAttribute('href');
  // Cheap test first: a link to this page names its path.
  if (!self || !href || href.startsWith('#') || !href.includes(path)) return false;
  try {
    const u = new URL(href, base);
    return `${u.host}${u.pathname}${u.search}` === self;
  } catch {
    return false;
  }
}

const isBlockNode = (n: Node): boolean => n.nodeType === 1 && (BLOCK_TAGS.has((n as Element).tagName.toUpperCase()) || hasBlockChild(n as Element));

// Paragraphs this filter made of loose text: never captions of a picture beside them.
const wrapped = new WeakSet<Element>();

/**
 * Text standing loose beside blocks ("<section><span>More on this</span><ul>...</ul></section>",
 * a PHP warning printed into a list) would never be judged as a block of its own, and would stay
 * when the blocks beside it go. Each such run is wrapped in a <p>, as Readability does in divs.
 */
function wrapLooseText(el: Element): void {
  let run: Node[] = [];
  const flush = (): void => {
    if (run.some((n) => (n.textContent ?? '').trim())) {
      const p = el.ownerDocument.createElement('p');
      el.insertBefore(p, run[0]!);
      for (const n of run) p.appendChild(n);
      wrapped.add(p);
    }
    run = [];
  };
  for (let n = el.firstChild; n; ) {
    const next = n.nextSibling;
    if (isBlockNode(n)) flush();
    else if (n.nodeType === 1 || n.nodeType === 3) run.push(n);
    n = next;
  }
  flush();
}

/** "<a href="#">", "javascript:...": a script's button (a tab, an accordion toggle), not a link. */
function isButtonLink(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href === '' || href === '#' || /^javascript:/i.test(href);
}

/**
 * Leaf blocks in document order: blocks with no block inside, tables / figures / code whole.
 * `home` is the page's site; null when unknown (a saved file), then it is inferred.
 */
export function leafBlocks(root: Element, base = root.ownerDocument.URL, home: string | null = null): Block[] {
  home ??= commonSite(root, base);
  const self = pageKey(base);
  const path = self ? self.slice(self.indexOf('/')).split('?')[0]! : '';
  const out: Block[] = [];
  const visit = (el: Element, caption: boolean): void => {
    const tag = el.tagName.toUpperCase();
    const cap = caption || tag === 'FIGCAPTION' || el.hasAttribute(CAPTION_ATTR);
    if ((LEAF_STOP.has(tag) && !(tag === 'TABLE' && layoutTable(el))) || !hasBlockChild(el)) {
      if (el === root && !hasBlockChild(el) && el.childNodes.length === 0) return;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      let linked = 0;
      let internal = 0;
      for (const a of byTag(el, 'a')) {
        // A link to the page itself (a post's title linking to its permalink) leads nowhere else.
        if (selfLink(a, base, self, path) || isButtonLink(a)) continue;
        const n = (a.textContent ?? '').replace(/\s+/g, '').length;
        linked += n;
        const site = linkSite(a, base);
        if (!home || site === null || site === home) internal += n;
      }
      const chars = text.replace(/\s+/g, '').length;
      out.push({
        el, tag, text, words: words(text),
        linkShare: chars ? linked / chars : 0,
        internalShare: linked ? internal / linked : 0,
        caption: cap, drop: false,
      });
      return;
    }
    wrapLooseText(el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (BLOCK_TAGS.has(c.tagName.toUpperCase()) || hasBlockChild(c)) visit(c, cap);
    }
  };
  visit(root, false);
  return out;
}

function isPromo(text: string, words: number): boolean {
  if (words > 30) return false;
  const found = new Set((text.match(PROMO_WORDS) ?? []).map((w) => w.toLowerCase()));
  return found.size >= 2 && (PROMO_CALL.test(text) || found.has('newsletter') || found.has('newsletters') || found.has('inbox'));
}

function isShareBar(text: string): boolean {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}+-]+/gu) ?? [];
  return tokens.length > 0 && tokens.every((t) => SHARE_WORDS.has(t) || (/\p{Script=Han}/u.test(t) && t.replace(CJK_SHARE_WORDS, '') === ''));
}

/** A line that is mostly a date or time: "Nov. 20, 2019 6:02 AM EST", "2021-01-27 10:00". */
function isStamp(text: string): boolean {
  if (STAMP_LINE.test(text)) return true;
  if (!dateInText(text) && !/\b\d{1,2}:\d{2}\b/.test(text)) return false;
  // "Deadline: 03.11.2019" is a fact of the article; its label is not a publishing word.
  if (/^[^\d:：]{3,40}[:：]\s*\S/u.test(text)) return false;
  const rest = text.replace(/\d+/g, '').replace(/[\p{P}\p{S}\s]+/gu, ' ').trim().split(' ').filter(Boolean);
  return rest.length <= 6;
}

/** "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019": longer, still a stamp. */
function isDoubleStamp(text: string): boolean {
  return STAMP_LINE.test(text) && text.split(/\s*\|\s*/).every((part) => !part || isStamp(part));
}

const PICTURE = new Set(['IMG', 'PICTURE', 'VIDEO', 'SVG', 'svg', 'IFRAME', 'FIGURE']);

/** An element that shows a picture and nothing else (an <img>, or a wrapper of one). */
function pictureOnly(el: Element | null): boolean {
  if (!el) return false;
  if (PICTURE.has(el.tagName)) return true;
  return (el.textContent ?? '').trim() === '' && hasDescendant(el, PICTURE_NAMES);
}

/**
 * A short text that sits with a picture in a small wrapper of its own (picture + caption, maybe
 * a credit), or right under a picture-only element: a caption, even when nothing marks it.
 */
function besidePicture(el: Element, root: Element): boolean {
  // Text beside a picture floated inside a paragraph is that paragraph's text.
  if (wrapped.has(el)) return false;
  const parent = el.parentElement;
  if (!parent || parent === root || parent.parentElement === root || parent.childElementCount > 4) return false;
  // Quotes and list items with a picture are content (a quoted review with its screenshot).
  if (parent.tagName === 'BLOCKQUOTE' || parent.tagName === 'LI') return false;
  // The wrapper holds a picture and little text: a caption (and maybe a credit), not a short
  // article's body of several paragraphs.
  if (words(parent.textContent ?? '') > 60) return false;
  let picture = false;
  let texts = 0;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (pictureOnly(c)) picture = true;
    else if ((c.textContent ?? '').trim()) texts++;
    // A figure with its own caption: the text beside it is not that picture's caption.
    if (c !== el && (c.tagName === 'FIGCAPTION' || (c.tagName === 'FIGURE' && hasDescendant(c, FIGCAPTION)))) return false;
  }
  // The caption touches its picture, or a short credit line stands between them.
  return picture && texts <= 2 && (touchesPicture(el.previousElementSibling, 'previousElementSibling') || touchesPicture(el.nextElementSibling, 'nextElementSibling'));
}

function touchesPicture(sib: Element | null, dir: 'previousElementSibling' | 'nextElementSibling'): boolean {
  if (!sib) return false;
  if (pictureOnly(sib)) return true;
  return words(sib.textContent ?? '') <= SHORT_WORDS && pictureOnly(sib[dir]);
}

/**
 * "<p><img></p><p class=pictext>图美展台</p>": a short line right under a paragraph that is only a
 * picture, with no sentence after it, is that picture's caption.
 */
function underPicture(el: Element): boolean {
  if (wrapped.has(el)) return false;
  const text = (el.textContent ?? '').trim();
  const prev = el.previousElementSibling;
  // A picture with its own caption has one; a line that leads into what follows ("Here is ours:") or
  // trails off ("...") is text.
  if (!pictureOnly(prev) || (prev && hasDescendant(prev, FIGCAPTION)) || /[.!?。！？]['"’”»)）]?$|[:：…]$|\.\.\.$/u.test(text)) return false;
  // A line all in bold is the next section's heading, set as a paragraph.
  const only = el.firstElementChild;
  return !(only && only === el.lastElementChild && /^(?:STRONG|B)$/.test(only.tagName) && (only.textContent ?? '').trim() === text);
}

/**
 * A table that lays out lines, one filled cell per row (headline, date, body, notice), rather
 * than data: its rows are judged one by one like paragraphs. Data tables stay whole.
 */
function layoutTable(table: Element): boolean {
  const rows = (table as HTMLTableElement).rows;
  // Read by index: each `length` of a live collection costs jsdom a scan of it (elements.ts).
  const n = rows?.length ?? 0;
  if (n < 2) return false;
  for (let i = 0; i < n; i++) if (filledCells(rows[i]!.cells) > 1) return false;
  return true;
}

function filledCells(cells: ArrayLike<Element>): number {
  let n = 0;
  for (let i = 0, len = cells.length; i < len; i++) if ((cells[i]!.textContent ?? '').trim()) n++;
  return n;
}

/** A text that says what a picture beside it (or inside it) says in its alt or title text. */
function repeatsAlt(b: Block): boolean {
  const key = captionKey(b.text);
  if (!key) return false;
  const prev = b.el.previousElementSibling;
  const imgs: Element[] = [...byTag(b.el, 'img'), ...(prev ? byTag(prev, 'img') : [])];
  if (prev?.tagName === 'IMG') imgs.push(prev);
  return imgs.some((img) => captionKey(img.getAttribute('alt') ?? '') === key || captionKey(img.getAttribute('title') ?? '') === key);
}

/** Figures of pictures are captions as a whole; figures of code, tables or quotes are text. */
function pictureFigure(el: Element): boolean {
  return hasDescendant(el, PICTURE_NAMES) && !hasDescendant(el, TEXTUAL);
}

function nearImage(el: Element): boolean {
  if (hasDescendant(el, IMG_NAMES)) return true;
  const prev = el.previousElementSibling;
  const next = el.nextElementSibling;
  const hasImg = (e: Element | null): boolean => !!e && (e.tagName === 'IMG' || e.tagName === 'FIGURE' || e.tagName === 'PICTURE' || hasDescendant(e, IMG_NAMES));
  if (hasImg(prev) || hasImg(next)) return true;
  for (let c = el.parentElement?.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'IMG' || c.tagName === 'PICTURE') return true;
  return false;
}

/**
 * A pass over the run of blocks as a named rule: it runs, and what it dropped is taken back when
 * the rule is off (the rule is asked only when it dropped something, which bench:ablation uses
 * to skip rules that did nothing on a page).
 */
function asRule(blocks: Block[], name: RuleName, pass: () => void): void {
  const before = blocks.map((b) => b.drop);
  pass();
  if (blocks.some((b, i) => b.drop !== before[i]) && !ruleOn(name)) blocks.forEach((b, i) => (b.drop = before[i]!));
}

export interface FilterResult {
  bylines: string[];
  /** Share of the container's words inside links, before anything was dropped. */
  linkShare: number;
}

export function filterBlocks(root: Element, base: string, home: string | null = null, captions: Set<string> = new Set()): FilterResult {
  const bylines: string[] = [];
  const blocks = leafBlocks(root, base, home);
  if (captions.size) for (const b of blocks) if (captions.has(captionKey(b.text))) b.caption = true;
  let allWords = 0;
  let linkWords = 0;
  for (const b of blocks) {
    allWords += b.words;
    linkWords += b.words * b.linkShare;
  }
  const firstLong = blocks.findIndex((b) => !b.caption && b.words >= LONG_WORDS && b.linkShare < 0.5);
  let lastLong = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (!blocks[i]!.caption && blocks[i]!.words >= LONG_WORDS && blocks[i]!.linkShare < 0.5) {
      lastLong = i;
      break;
    }
  }
  blocks.forEach((b, i) => {
    if (b.caption) return;
    const hasMedia = MEDIA.has(b.el.localName) || hasDescendant(b.el, MEDIA);
    if (!b.text) {
      b.drop = !hasMedia;
      return;
    }
    if (b.tag === 'FIGURE') {
      b.caption = pictureFigure(b.el);
      return;
    }
    // A table of one or two cells and a few words is layout around a line, judged as that line.
    if (b.tag === 'PRE' || (b.tag === 'TABLE' && (b.words > SHORT_WORDS || filledCells(descendantsWhere(b.el, (c) => CELLS.has(c.localName))) > 2))) return;
    const short = b.words <= SHORT_WORDS;
    const before = firstLong >= 0 && i < firstLong;
    const after = lastLong >= 0 && i > lastLong;
    if (short && (isLabel(b.text) || isShareBar(b.text) || BREADCRUMB.test(b.text)) && ruleOn('labels')) b.drop = true;
    else if (b.words <= 40 && (RIGHTS.test(b.text) || SIGN_OFF.test(b.text) || SHORTCODE.test(b.text) || isPromo(b.text, b.words)) && ruleOn('boilerplate-lines')) b.drop = true;
    else if (b.words <= 60 && SOCIAL_NETWORK.test(b.text) && FOLLOW_CALL.test(b.text) && ruleOn('follow-calls')) b.drop = true;
    else if (b.words <= 30 && CREDIT.test(b.text) && ruleOn('credits')) {
      if (nearImage(b.el)) b.caption = true;
      else b.drop = true;
    } else if (b.linkShare >= 0.7 && b.words <= LONG_WORDS && b.internalShare >= 0.5 && ruleOn('internal-links')) b.drop = true;
    else if (after && b.words <= 80 && CLOSING_APPEAL.test(b.text) && ruleOn('closing-appeal')) b.drop = true;
    else if (i >= lastLong && lastLong >= 0 && b.words <= 80 && QR_SHARE_CALL.test(b.text) && ruleOn('qr-share')) b.drop = true;
    else if (b.words <= 40 && besidePicture(b.el, root) && ruleOn('captions')) b.caption = true;
    else if (b.words <= SHORT_WORDS && b.tag === 'P' && underPicture(b.el) && ruleOn('captions')) b.caption = true;
    else if (b.words <= 60 && repeatsAlt(b) && ruleOn('captions')) b.caption = true;
    else if ((before || after || i < 3) && ((short && (BY_LINE.test(b.text) || isStamp(b.text))) || (b.words <= 24 && (isDoubleStamp(b.text) || (BY_LINE.test(b.text) && !!dateInText(b.text))))) && ruleOn('stamps')) {
      b.drop = true;
      if (BY_LINE.test(b.text)) bylines.push(b.text);
    } else if (before && i < 3 && b.words <= 2 && b.tag !== 'LI' && !HEADING.test(b.tag) && ruleOn('tiny-lead')) b.drop = true;
  });
  asRule(blocks, 'closing-boilerplate', () => dropClosingBoilerplate(blocks));
  asRule(blocks, 'labelled-sections', () => dropLabelledSections(blocks, firstLong));
  asRule(blocks, 'orphan-headings', () => dropOrphanHeadings(blocks));
  for (const b of blocks) {
    if (b.drop) b.el.remove();
    else if (b.caption && b.el.tagName !== 'FIGCAPTION') b.el.setAttribute(CAPTION_ATTR, '');
  }
  return { bylines, linkShare: allWords ? linkWords / allWords : 0 };
}
