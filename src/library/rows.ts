import type { ClippingCard } from '../core/clipping.ts';
import { matchRanges, snippet } from '../core/search/highlight.ts';
import { siteOf } from '../core/search/filters.ts';
import { formatDate } from '../ui/i18n.ts';
import { el, markedText } from './dom.ts';

export interface RowState {
  query: string;
  selected: ReadonlySet<string>;
  cursorId: string | null;
  openId: string | null;
  /** Full text of clippings already fetched, for snippets around the match. */
  texts: ReadonlyMap<string, string>;
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
  const title = el('span', { className: 'c-title' }, markedText(c.title, s.query ? matchRanges(c.title, s.query) : []));
  title.title = c.title;
  if (c.lang) title.lang = c.lang;
  title.dir = 'auto';
  const meta = el('span', { className: 'c-meta', textContent: [siteOf(c), formatDate(c.savedAt), c.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join(' · ') });
  const text = s.query ? s.texts.get(c.id) : undefined;
  const snip = snippet(text ?? c.excerpt, s.query);
  const snipEl = el('span', { className: 'c-snippet' }, markedText(snip.text, snip.ranges));
  if (c.lang) snipEl.lang = c.lang;
  snipEl.dir = 'auto';
  li.append(box, title, meta, snipEl);
  return li;
}
