import type { Clipping } from '../core/clipping.ts';
import { clippingHtmlDocument, type HtmlLabels } from '../core/export/html-document.ts';
import { safeBaseName, uniqueNames, zipFiles } from '../core/export/bundle.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { dateStamp, downloadBlob, downloadText, fileName } from './download.ts';
import { t } from './i18n.ts';
import { highlightsHtml } from '../core/export/highlights-section.ts';
import { exportLabels, markForExport } from './export-highlights.ts';

function labels(): HtmlLabels {
  return {
    types: { person: t('entityPeople'), place: t('entityPlaces'), organization: t('entityOrganizations'), topic: t('entityTopics') },
    note: t('noteLabel'),
    saved: t('savedLabel'),
  };
}

/** The clipping's body through DOMPurify, serialised (reading HTML is not a Trusted Types sink). */
function sanitizedBody(c: Clipping): string {
  const holder = document.createElement('div');
  holder.append(sanitizeArticleHtml(c.html));
  // Real <mark> elements, the label and note in their title.
  markForExport(holder, c, true);
  return holder.getHTML();
}

/** A standalone, script-free HTML file of a clipping. */
export function clippingHtml(c: Clipping): string {
  return clippingHtmlDocument(c, sanitizedBody(c), labels(), highlightsHtml(c.annotations ?? [], exportLabels()));
}

/** One clipping: an .html file; several: a zip of .html files. */
export function exportHtml(clippings: Clipping[]): void {
  if (clippings.length === 1) {
    const c = clippings[0]!;
    downloadText(fileName(c.title, 'html'), clippingHtml(c), 'text/html');
    return;
  }
  const names = uniqueNames(clippings.map((c) => safeBaseName(c.title)), 'html');
  const zip = zipFiles(clippings.map((c, i) => ({ name: names[i]!, text: clippingHtml(c), date: c.savedAt })));
  downloadBlob(`sift-html-${dateStamp()}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
}
