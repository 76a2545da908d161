import type { Clipping } from '../core/clipping.ts';
import { prepare } from '../core/annotations/anchor.ts';
import { markHighlights } from '../core/annotations/dom-marks.ts';
import { noteOf, shownText, HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/types.ts';
import type { HighlightLabels } from '../core/export/highlights-section.ts';
import { DEFAULT_SETTINGS, type MarkdownHighlights } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../platform/settings-store.ts';
import { colorLabel } from './highlight-marks.ts';
import { t } from './i18n.ts';

// What the exports need to know of the options (colour labels, the Markdown style), read once
// when an exporting page loads and kept current, so an export stays a synchronous click handler.

let labels: Record<HighlightColor, string> = DEFAULT_SETTINGS.highlightLabels;
let markdownStyle: MarkdownHighlights = DEFAULT_SETTINGS.markdownHighlights;
let started = false;

function start(): void {
  if (started) return;
  started = true;
  const take = (s: { highlightLabels: typeof labels; markdownHighlights: MarkdownHighlights }) => {
    labels = s.highlightLabels;
    markdownStyle = s.markdownHighlights;
  };
  void loadSettings().then(take, () => undefined);
  try {
    onSettingsChanged(take);
  } catch {
    // Not in an extension page (nothing to follow).
  }
}
start();

export function markdownHighlightStyle(): MarkdownHighlights {
  return markdownStyle;
}

export function exportLabels(): HighlightLabels {
  return {
    heading: t('hlExportHeading'),
    note: t('hlExportNote'),
    notFound: t('hlNotFound'),
    color: Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, colorLabel(c, labels)])) as Record<HighlightColor, string>,
  };
}

/** Mark a clipping's highlights in its sanitised body (`title`: label and note, for HTML). */
export function markForExport(holder: HTMLElement, c: Clipping, withTitles: boolean): void {
  if (!c.annotations?.length) return;
  const names = exportLabels().color;
  markHighlights(holder, prepare(c.text), c.annotations, (a, marks) => {
    if (!withTitles) return;
    const note = shownText(noteOf(a));
    const title = note ? t('hlTitleNote', [names[a.color], note]) : names[a.color];
    for (const m of marks) m.setAttribute('title', title);
  });
}
