import type { Prepared } from '../core/annotations/anchor.ts';
import { markHighlights } from '../core/annotations/dom-marks.ts';
import { noteOf, shownText, type Annotation, type HighlightColor } from '../core/annotations/types.ts';
import { t } from './i18n.ts';

// A highlight on screen: one <mark data-annotation-id data-annotation-color> per piece of text
// node it covers (a highlight across a link, an entity mark or two paragraphs is several
// pieces). Always DOM nodes around existing text nodes; the note never enters the article.

export const MARK = 'mark[data-annotation-id]';

export function colorName(color: HighlightColor): string {
  return t(`hlColor${color[0]!.toUpperCase()}${color.slice(1)}`);
}

/** The colour's label from the options, else its name. */
export function colorLabel(color: HighlightColor, labels: Record<HighlightColor, string>): string {
  return labels[color]?.trim() || colorName(color);
}

export function marksOf(body: ParentNode, id: string): HTMLElement[] {
  return Array.from(body.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`));
}

function describe(a: Annotation, labels: Record<HighlightColor, string>): string {
  const label = colorLabel(a.color, labels);
  const note = shownText(noteOf(a));
  return note ? t('hlDescribeNote', [label, note]) : t('hlDescribe', label);
}

/** Hidden descriptions the marks point at (aria-describedby): label and note, read after the text. */
export function descriptionsOf(body: HTMLElement): HTMLElement {
  const host = body.parentElement ?? body;
  let box = host.querySelector<HTMLElement>(':scope > .hl-descriptions');
  if (!box) {
    box = document.createElement('div');
    box.className = 'hl-descriptions';
    box.hidden = true;
    host.append(box);
  }
  return box;
}

let nextId = 0;

/** Colour, title and accessible description of a painted highlight (after an edit too). */
export function dressMarks(body: HTMLElement, a: Annotation, labels: Record<HighlightColor, string>): void {
  const marks = marksOf(body, a.id);
  const box = descriptionsOf(body);
  let desc = Array.from(box.children).find((d) => (d as HTMLElement).dataset.for === a.id) as HTMLElement | undefined;
  if (!desc) {
    desc = document.createElement('span');
    desc.id = `sift-hl-${++nextId}`;
    desc.dataset.for = a.id;
    box.append(desc);
  }
  desc.textContent = describe(a, labels);
  marks.forEach((m, i) => {
    m.dataset.annotationColor = a.color;
    m.title = desc.textContent ?? '';
    m.toggleAttribute('data-annotation-note', !!noteOf(a));
    // The first piece is the tab stop and carries the description; the rest are decoration.
    if (i === 0) {
      m.tabIndex = 0;
      m.setAttribute('aria-describedby', desc.id);
    }
  });
}

export interface PaintResult {
  /** Highlights with no place in this text (listed as not found). */
  missing: Set<string>;
}

/**
 * Paint highlights into a rendered article body whose clipping text is `text`. Where the
 * rendered words equal the text's, positions carry over; otherwise each quote is found again.
 */
export function paintHighlights(body: HTMLElement, text: Prepared, list: readonly Annotation[], labels: Record<HighlightColor, string>): PaintResult {
  return { missing: markHighlights(body, text, list, (a) => dressMarks(body, a, labels)) };
}

/** Take one highlight's marks away (every highlight's without `id`), leaving the text as it was. */
export function unpaint(body: HTMLElement, id?: string): void {
  const parents = new Set<Node>();
  for (const d of Array.from(descriptionsOf(body).children)) if (!id || (d as HTMLElement).dataset.for === id) d.remove();
  for (const m of id ? marksOf(body, id) : Array.from(body.querySelectorAll<HTMLElement>(MARK))) {
    const parent = m.parentNode;
    if (!parent) continue;
    m.replaceWith(...Array.from(m.childNodes));
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}
