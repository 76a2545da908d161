import type { Clipping } from '../core/clipping.ts';
import { articleMarkdown } from '../core/export/markdown.ts';
import { safeBaseName, uniqueNames, zipFiles } from '../core/export/bundle.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { highlightsMarkdown } from '../core/export/highlights-section.ts';
import { exportLabels, markdownHighlightStyle, markForExport } from './export-highlights.ts';
import { dateStamp, downloadBlob, downloadText, fileName } from './download.ts';

/**
 * Markdown of a clipping. Turndown is handed the sanitised DOM, not a string: parsing a string
 * would need innerHTML, which the extension pages' Trusted Types policy forbids.
 */
export function clippingMarkdown(c: Clipping): string {
  const holder = document.createElement('div');
  holder.append(sanitizeArticleHtml(c.html));
  // Highlights as ==text== in the body (or not, by the options), and listed at the end.
  if (markdownHighlightStyle() === 'mark') markForExport(holder, c, false);
  return articleMarkdown(c, c.entities, holder, highlightsMarkdown(c.annotations ?? [], exportLabels()));
}

export function exportOneMarkdown(c: Clipping): void {
  downloadText(fileName(c.title, 'md'), clippingMarkdown(c), 'text/markdown');
}

/** One clipping: a .md file; several: a zip of .md files, one per clipping. */
export function exportMarkdown(clippings: Clipping[]): void {
  if (clippings.length === 1) return exportOneMarkdown(clippings[0]!);
  const names = uniqueNames(clippings.map((c) => safeBaseName(c.title)), 'md');
  const zip = zipFiles(clippings.map((c, i) => ({ name: names[i]!, text: clippingMarkdown(c), date: c.savedAt })));
  downloadBlob(`sift-markdown-${dateStamp()}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
}
