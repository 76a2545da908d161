import { noteOf, positionOf, quoteOf, readingOrder, shownText, type Annotation, type HighlightColor } from '../core/annotations/types.ts';
import { colorLabel } from './highlight-marks.ts';
import { formatNumber, t } from './i18n.ts';

// Every highlight of the article in reading order, each with its colour label and note; those a
// re-save could not place come last, under "Not found in the new text". A click (or Enter)
// scrolls to the highlight and focuses it.

export interface ListActions {
  go(id: string): void;
  /** Delete a highlight that has no place in the text (it cannot be clicked in the article). */
  remove(id: string): void;
}

function quoteText(a: Annotation, dir: string, lang: string): HTMLElement {
  const q = document.createElement('blockquote');
  q.className = 'hl-quote';
  const text = shownText(quoteOf(a).exact).replace(/\s+/g, ' ');
  q.textContent = text.length > 280 ? `${text.slice(0, 280)}…` : text;
  q.dir = dir === 'rtl' ? 'rtl' : 'auto';
  if (lang) q.lang = lang;
  return q;
}

function item(a: Annotation, labels: Record<HighlightColor, string>, placed: boolean, act: ListActions, dir: string, lang: string): HTMLElement {
  const li = document.createElement('li');
  li.className = 'hl-item';
  li.dataset.testid = 'hl-item';
  li.dataset.annotationRef = a.id;
  li.dataset.color = a.color;
  const head = document.createElement('span');
  head.className = 'hl-item-label';
  head.dataset.color = a.color;
  head.textContent = colorLabel(a.color, labels);
  const body: HTMLElement[] = [head, quoteText(a, dir, lang)];
  const note = shownText(noteOf(a));
  if (note) {
    const p = document.createElement('p');
    p.className = 'hl-item-note';
    p.dataset.testid = 'hl-item-note';
    // Text, never markup: a note may come from an imported file.
    p.textContent = note;
    p.dir = 'auto';
    body.push(p);
  }
  if (placed) {
    const go = document.createElement('button');
    go.type = 'button';
    go.className = 'hl-item-go';
    go.dataset.testid = 'hl-item-go';
    go.append(...body);
    go.title = t('hlGoTo');
    go.addEventListener('click', () => act.go(a.id));
    li.append(go);
  } else {
    li.append(...body);
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'link';
    del.textContent = t('hlDelete');
    del.dataset.testid = 'hl-item-delete';
    del.addEventListener('click', () => act.remove(a.id));
    li.append(del);
  }
  return li;
}

/** Render the list into `host`; `missing` holds the ids with no place in the shown text. */
export function renderHighlightsList(
  host: HTMLElement, list: readonly Annotation[], missing: ReadonlySet<string>, labels: Record<HighlightColor, string>,
  act: ListActions, dir = 'ltr', lang = '',
): void {
  const heading = document.createElement('h2');
  heading.className = 'hl-list-heading';
  heading.textContent = t('hlListHeading');
  if (list.length === 0) {
    const p = document.createElement('p');
    p.className = 'hl-empty';
    p.dataset.testid = 'hl-empty';
    p.textContent = t('hlListEmpty');
    host.replaceChildren(heading, p);
    return;
  }
  const ordered = readingOrder(list);
  const placed = ordered.filter((a) => positionOf(a) && !missing.has(a.id));
  const lost = ordered.filter((a) => !positionOf(a) || missing.has(a.id));
  const ul = document.createElement('ul');
  ul.className = 'hl-list';
  ul.dataset.testid = 'hl-list';
  ul.append(...placed.map((a) => item(a, labels, true, act, dir, lang)));
  const parts: HTMLElement[] = [heading, ul];
  if (lost.length) {
    const h = document.createElement('h3');
    h.className = 'hl-lost-heading';
    h.dataset.testid = 'hl-not-found';
    h.textContent = t('hlNotFoundHeading', formatNumber(lost.length));
    const ul2 = document.createElement('ul');
    ul2.className = 'hl-list hl-lost';
    ul2.append(...lost.map((a) => item(a, labels, false, act, dir, lang)));
    parts.push(h, ul2);
  }
  host.replaceChildren(...parts);
}
