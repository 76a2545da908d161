import { Readability } from '@mozilla/readability';
import type { Article } from '../types.ts';
import { blockText } from '../text/block-text.ts';
import { countWords, readingMinutes } from '../text/reading-time.ts';
import { readMetadata } from './metadata.ts';
import type { PageMeta } from './page-meta.ts';

// "Show anyway" on a page that is not an article (a front page of headlines, a list of links):
// our cleaning layers remove exactly what such a page is made of, so the user would be shown
// nothing. Here the page is read as it is instead: plain Readability with no length threshold,
// and when even that finds nothing, the body's text blocks. Scripts and styles never count.

const NOT_CONTENT = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, input, button, select, textarea';

/** The page as plain as it comes; null only when it has no text at all. */
export function forcedArticle(doc: Document, url: string, pm: PageMeta): Article | null {
  const work = doc.cloneNode(true) as Document;
  for (const el of Array.from(work.querySelectorAll(NOT_CONTENT))) el.remove();
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(work.cloneNode(true) as Document, { charThreshold: 0, keepClasses: false, serializer: (n) => n }).parse();
  } catch {
    // Too many elements: fall through to the body's own text.
  }
  let root = parsed?.content as Element | null | undefined;
  let text = root ? blockText(root) : '';
  if (!text.trim() && work.body) {
    root = work.body;
    text = blockText(root);
  }
  if (!root || !text.trim()) return null;
  const meta = readMetadata(doc, url, { articleText: text, readability: parsed ?? {} }, pm);
  return { ...meta, html: root.innerHTML, text, wordCount: countWords(text), readingMinutes: readingMinutes(text) };
}
