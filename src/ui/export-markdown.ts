import type { Clipping } from '../core/clipping.ts';
import { articleMarkdown } from '../core/export/markdown.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { dateStamp, downloadText, fileName } from './download.ts';

/**
 * Markdown of a clipping. Turndown is handed the sanitised DOM, not a string: parsing a string
 * would need innerHTML, which the extension pages' Trusted Types policy forbids.
 */
export function clippingMarkdown(c: Clipping): string {
  const holder = document.createElement('div');
  holder.append(sanitizeArticleHtml(c.html));
  return articleMarkdown(c, c.entities, holder);
}

export function exportOneMarkdown(c: Clipping): void {
  downloadText(fileName(c.title, 'md'), clippingMarkdown(c), 'text/markdown');
}

export function exportAllMarkdown(all: Clipping[]): void {
  downloadText(`sift-library-${dateStamp()}.md`, all.map(clippingMarkdown).join('\n\n'), 'text/markdown');
}
