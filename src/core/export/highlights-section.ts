import { noteOf, readingOrder, positionOf, quoteOf, shownText, type Annotation, type HighlightColor } from '../annotations/types.ts';
import { escapeHtml } from './html-document.ts';
import { escapeMarkdownText } from './markdown.ts';

// The "Highlights" part at the end of an exported clipping: every highlight in reading order,
// its colour label and its note; those not placed in the text last, said so.

export interface HighlightLabels {
  heading: string;
  note: string;
  notFound: string;
  /** The colour's label from the options, or its name. */
  color: Record<HighlightColor, string>;
}

export const ENGLISH_HIGHLIGHT_LABELS: HighlightLabels = {
  heading: 'Highlights',
  note: 'Note',
  notFound: 'Not found in the new text',
  color: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function highlightsMarkdown(list: readonly Annotation[], labels: HighlightLabels): string {
  if (list.length === 0) return '';
  const out = [`\n## ${escapeMarkdownText(labels.heading)}\n`];
  for (const a of readingOrder(list)) {
    const quote = shownText(quoteOf(a).exact).split(/\n+/).map((l) => `> ${escapeMarkdownText(oneLine(l))}`).join('\n>\n');
    const meta = [labels.color[a.color]];
    if (!positionOf(a)) meta.push(labels.notFound);
    out.push(`${quote}\n\n*${escapeMarkdownText(meta.join(' · '))}*`);
    const note = shownText(noteOf(a));
    if (note) out.push(note.split(/\n+/).map((l) => escapeMarkdownText(l.trim())).join('  \n'));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function highlightsHtml(list: readonly Annotation[], labels: HighlightLabels): string {
  if (list.length === 0) return '';
  const items = readingOrder(list).map((a) => {
    const note = shownText(noteOf(a));
    const meta = [labels.color[a.color], ...(positionOf(a) ? [] : [labels.notFound])].join(' · ');
    return `<li data-color="${escapeHtml(a.color)}"><blockquote><mark data-annotation-color="${escapeHtml(a.color)}">${escapeHtml(oneLine(shownText(quoteOf(a).exact)))}</mark></blockquote>` +
      `<p class="hl-meta">${escapeHtml(meta)}</p>${note ? `<p class="hl-note"><strong>${escapeHtml(labels.note)}:</strong> ${escapeHtml(note).replace(/\n/g, '<br>')}</p>` : ''}</li>`;
  });
  return `<section class="highlights"><h2>${escapeHtml(labels.heading)}</h2><ol>${items.join('')}</ol></section>`;
}
