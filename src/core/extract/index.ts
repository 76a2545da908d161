import { Readability } from '@mozilla/readability';
import type { Article, Readability as Readable } from '../types.ts';
import { blockText } from '../text/block-text.ts';
import { countWords, readingMinutes } from '../text/reading-time.ts';
import { preClean } from './pre-clean.ts';
import { postClean } from './post-clean.ts';
import { readMetadata } from './metadata.ts';
import { judgeReadable } from './readable.ts';

export interface ExtractOptions {
  /** The page address; defaults to the document's URL. */
  url?: string;
  /** Return an article even when the page does not look like one ("show anyway"). */
  force?: boolean;
}

export interface ExtractResult {
  /** Null only when nothing readable was found at all. */
  article: Article | null;
  readability: Readable;
}

/**
 * The cleaning pipeline. `doc` is never modified: the work is done on a clone, so the caller
 * can hand over the live page (content script) or a parsed file (CLI) alike.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const url = options.url ?? doc.URL;
  const meta = readMetadata(doc, url);
  const work = doc.cloneNode(true) as Document;
  preClean(work);
  // The identity serializer hands back Readability's element itself: no HTML round trip.
  const parsed = new Readability<Node>(work, {
    charThreshold: 200,
    keepClasses: false,
    serializer: (node) => node,
  }).parse();
  const container = parsed?.content as Element | null | undefined;
  if (!parsed || !container) {
    return { article: null, readability: { isArticle: false, reason: 'no-content' } };
  }
  postClean(container, { url, title: meta.title || parsed.title || '' });
  const text = blockText(container);
  const title = meta.title || parsed.title || '';
  const article: Article = {
    ...meta,
    title,
    byline: meta.byline ?? (parsed.byline?.trim() || null),
    siteName: meta.siteName ?? (parsed.siteName?.trim() || null),
    excerpt: meta.excerpt ?? (parsed.excerpt?.trim() || null),
    html: container.innerHTML,
    text,
    wordCount: countWords(text),
    readingMinutes: readingMinutes(text),
  };
  const readability = options.force
    ? { isArticle: true, reason: 'forced' as const }
    : judgeReadable(article, container);
  return { article, readability };
}
