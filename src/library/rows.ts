import type { ClippingCard } from '../core/clipping.ts';
import { matchRanges, snippet, type PreparedText } from '../core/search/highlight.ts';
import { siteOf } from '../core/search/filters.ts';
import { CJK_CHAR } from '../core/text/scripts.ts';
import { formatDate, t } from '../ui/i18n.ts';
import { el, markedText } from './dom.ts';

export interface RowState {
  query: string;
  selected: ReadonlySet<string>;
  cursorId: string | null;
  openId: string | null;
  /** Full texts of clippings already fetched, prepared for snippets around the match. */
  texts: ReadonlyMap<string, PreparedText>;
  /** Ask for a clipping's full text (the row is rendered again when it arrives). */
  needText: (id: string) => void;
}

const CJK_LANG = /^(zh|ja|ko)\b/i;
/** More than a row shows (the row's tooltip has the whole title). */
const TITLE_MAX = 140;

/** `max`, or one less so that the cut does not split a surrogate pair (emoji, rare Han). */
function cutAt(s: string, max: number): number {
  const code = s.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Formatted save dates: Intl formatting is slow enough to show up in a search's time. */
const dates = new Map<string, string>();
function savedDate(iso: string): string {
  let d = dates.get(iso);
  if (d === undefined) {
    if (dates.size > 5000) dates.clear();
    dates.set(iso, (d = formatDate(iso)));
  }
  return d;
}

/** Everything a row shows, as a key: the list keeps a row whose key did not change. */
export function rowKey(c: ClippingCard, index: number, s: RowState): string {
  const flags = `${s.selected.has(c.id) ? 's' : ''}${c.id === s.cursorId ? 'c' : ''}${c.id === s.openId ? 'o' : ''}${s.query && s.texts.has(c.id) ? 't' : ''}`;
  return `${c.id}\u0000${c.updatedAt}\u0000${index}\u0000${flags}\u0000${s.query}`;
}

/**
 * The snippet: from the card's excerpt when the query matches there (no database read), else
 * from the full text once fetched, cut around the first match.
 */
function rowSnippet(c: ClippingCard, s: RowState): { text: string; ranges: [number, number][] } {
  // About two lines of the row: laying out text that is cut off anyway costs time at each search.
  const size = CJK_LANG.test(c.lang ?? '') || CJK_CHAR.test(c.title) ? 70 : 150;
  const fromExcerpt = snippet(c.excerpt, s.query, size);
  if (!s.query || fromExcerpt.ranges.length > 0) return fromExcerpt;
  const text = s.texts.get(c.id);
  if (!text) {
    s.needText(c.id);
    return fromExcerpt;
  }
  return snippet(text, s.query, size);
}

/** One list row: [data-testid=clipping][data-id], title and snippet with the matched words marked. */
export function clippingRow(c: ClippingCard, index: number, s: RowState): HTMLElement {
  const li = el('div', { className: 'clipping', id: `row-${c.id}`, tabIndex: -1 });
  li.dataset.testid = 'clipping';
  li.dataset.id = c.id;
  li.dataset.index = String(index);
  // A list item, not an option: it holds its own checkbox (an option may not nest controls).
  li.setAttribute('role', 'listitem');
  if (s.selected.has(c.id)) li.classList.add('selected');
  if (c.id === s.cursorId) li.classList.add('cursor');
  if (c.id === s.openId) li.classList.add('open');
  const box = el('input', { type: 'checkbox', checked: s.selected.has(c.id), tabIndex: -1 });
  box.dataset.testid = 'select';
  box.setAttribute('aria-label', c.title);
  const shortTitle = c.title.length > TITLE_MAX ? `${c.title.slice(0, cutAt(c.title, TITLE_MAX))}…` : c.title;
  const title = el('span', { className: 'c-title' }, markedText(shortTitle, s.query ? matchRanges(shortTitle, s.query) : []));
  title.title = c.title;
  if (c.lang) title.lang = c.lang;
  title.dir = 'auto';
  const meta = el('span', { className: 'c-meta', textContent: [siteOf(c), savedDate(c.savedAt), c.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join(' · ') });
  const snip = rowSnippet(c, s);
  const snipEl = el('span', { className: 'c-snippet' }, markedText(snip.text, snip.ranges));
  if (c.lang) snipEl.lang = c.lang;
  snipEl.dir = 'auto';
  li.append(box, title, meta, snipEl);
  // Selections and link-only clippings (schema 3) say so, link-only ones with why.
  if (c.kind === 'link' || c.kind === 'selection') {
    li.dataset.kind = c.kind;
    const badge = el('span', { className: `c-kind c-kind-${c.kind}`, textContent: t(c.kind === 'link' ? 'clippingLinkOnly' : 'clippingSelection') });
    if (c.linkReason) badge.title = t('clippingLinkOnlyWhy', c.linkReason);
    title.prepend(badge);
  }
  return li;
}
