// Teaser grids: "more stories", "most popular", product tiles. The signal is repetition: four or
// more sibling cards built alike (same tag and class), each short, each pointing into the same
// site through a link that carries much of its text or wraps a picture or a heading. Article
// paragraphs repeat too, but they are long, or link out, or carry little link text.
import { byTag } from './elements.ts';

const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i;
// A paragraph of prose among the cards makes the block part of the article.
const PROSE_CHARS = 200;
const MIN_CARDS = 4;
const MAX_CARD_WORDS = 60;
// An excerpt cut off with an ellipsis ("... traçando um plano paralelo para …") is a teaser's
// text, however long: the story itself goes on elsewhere.
const MAX_EXCERPT_WORDS = 160;
const TRUNCATED = /(?:…|\.{3}|\[(?:…|\.{3})\])\s*$/u;
// Children that show nothing: they do not break a run of cards.
const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'INS', 'LINK', 'META', 'BR', 'HR']);

/** "news.example.co.uk" -> "example.co.uk": hosts of one site compare equal. */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/^www\d*\./, '').split('.');
  const n = labels.length;
  const second = labels[n - 2] ?? '';
  const keep = n >= 3 && labels[n - 1]!.length === 2 && (second.length <= 3 || /^(?:com|net|org|gov|edu|co|ac|ne|or|go)$/.test(second)) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The site a link points to; null for fragments, scripts and mail. */
export function linkSite(a: Element, base: string): string | null {
  const href = a.getAttribute('href');
  if (!href || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) return null;
  try {
    return siteOf(new URL(href, base).hostname);
  } catch {
    return null;
  }
}

/** The site most links under `root` point to: the page's own, when its address is unknown. */
export function commonSite(root: Element, base: string): string {
  const counts = new Map<string, number>();
  for (const a of byTag(root, 'a')) {
    const s = linkSite(a, base);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = '';
  let n = 0;
  for (const [s, c] of counts) if (c > n) [best, n] = [s, c];
  return best;
}

/** A card titled by a heading that is all link: a story's headline pointing to the story. */
function linkedHeading(card: Element): boolean {
  const h = card.querySelector('h1,h2,h3,h4,h5,h6');
  if (!h) return false;
  const all = (h.textContent ?? '').replace(/\s+/g, '').length;
  let linked = 0;
  for (const a of byTag(h, 'a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  const wrapped = !!h.closest('a');
  return all > 0 && (wrapped || linked / all >= 0.9);
}

function isTeaser(card: Element, base: string, home: string, excerpts: boolean): boolean {
  const links = byTag(card, 'a');
  if (links.length === 0) return false;
  const text = (card.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length + Math.ceil((text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0) / 2);
  if (words > MAX_CARD_WORDS && !(words <= MAX_EXCERPT_WORDS && (excerpts || TRUNCATED.test(text) || linkedHeading(card)))) return false;
  let internal = false;
  let linked = 0;
  for (const a of links) {
    // A link to a picture file opens a gallery; it points to no other story.
    if (PICTURE_FILE.test(a.getAttribute('href') ?? '')) continue;
    const site = linkSite(a, base);
    if (site !== null && (!home || site === home)) internal = true;
    linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  }
  if (!internal) return false;
  const chars = text.replace(/\s+/g, '').length;
  return (chars > 0 && linked / chars >= 0.25) || byTag(card, 'img').length > 0 || !!card.querySelector('h2,h3,h4,h5,h6');
}

/** Running text: long, and little of it in links. */
function isProse(el: Element): boolean {
  const chars = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (chars < PROSE_CHARS) return false;
  let linked = 0;
  for (const a of byTag(el, 'a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / chars < 0.3;
}

/** Cards are built alike: the same tag and the same first class (the rest often names the item). */
function cardKey(c: Element): string {
  return `${c.tagName}.${(c.getAttribute('class') ?? '').trim().split(/\s+/)[0]}`;
}

/** True when `el`'s children are mostly teaser cards built alike. */
export function isTeaserGrid(el: Element, base: string, home: string): boolean {
  let n = 0;
  const counts = new Map<string, number>();
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (INVISIBLE.has(c.tagName)) continue;
    n++;
    const key = cardKey(c);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (n < MIN_CARDS) return false;
  let key = '';
  let most = 0;
  for (const [k, v] of counts) if (v > most) [key, most] = [k, v];
  if (most < MIN_CARDS || most < n * 0.6 || key.startsWith('P.')) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (cardKey(c) !== key && isProse(c)) return false;
  }
  // Two cut-off excerpts among the cards make them all excerpts (some stories are short).
  let cut = 0;
  for (let c = el.firstElementChild; c && cut < 2; c = c.nextElementSibling) {
    if (cardKey(c) === key && TRUNCATED.test(c.textContent ?? '')) cut++;
  }
  let teasers = 0;
  let misses = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (cardKey(c) !== key) continue;
    if (isTeaser(c, base, home, cut >= 2)) teasers++;
    else if (++misses > most * 0.2) return false;
  }
  return teasers >= MIN_CARDS && teasers >= most * 0.8;
}
