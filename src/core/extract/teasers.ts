// Teaser grids: "more stories", "most popular", product tiles. The signal is repetition: four or
// more sibling cards built alike (same tag and class), each short, each pointing into the same
// site through a link that carries much of its text or wraps a picture or a heading. Article
// paragraphs repeat too, but they are long, or link out, or carry little link text.

const MIN_CARDS = 4;
const MAX_CARD_WORDS = 60;

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
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    const s = linkSite(a, base);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = '';
  let n = 0;
  for (const [s, c] of counts) if (c > n) [best, n] = [s, c];
  return best;
}

function isTeaser(card: Element, base: string, home: string): boolean {
  const links = card.getElementsByTagName('a');
  if (links.length === 0) return false;
  const text = (card.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length + Math.ceil((text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0) / 2);
  if (words > MAX_CARD_WORDS) return false;
  let internal = false;
  let linked = 0;
  for (const a of Array.from(links)) {
    const site = linkSite(a, base);
    if (site !== null && (!home || site === home)) internal = true;
    linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  }
  if (!internal) return false;
  const chars = text.replace(/\s+/g, '').length;
  return (chars > 0 && linked / chars >= 0.25) || card.getElementsByTagName('img').length > 0 || !!card.querySelector('h2,h3,h4,h5,h6');
}

/** True when `el`'s children are mostly teaser cards built alike. */
export function isTeaserGrid(el: Element, base: string, home: string): boolean {
  const n = el.children.length;
  if (n < MIN_CARDS) return false;
  const counts = new Map<string, number>();
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const key = `${c.tagName}.${c.getAttribute('class') ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let key = '';
  let most = 0;
  for (const [k, v] of counts) if (v > most) [key, most] = [k, v];
  if (most < MIN_CARDS || most < n * 0.6 || key.startsWith('P.')) return false;
  let teasers = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (`${c.tagName}.${c.getAttribute('class') ?? ''}` !== key) continue;
    if (isTeaser(c, base, home)) teasers++;
    else if (most - teasers > most * 0.2) return false;
  }
  return teasers >= MIN_CARDS && teasers >= most * 0.8;
}
