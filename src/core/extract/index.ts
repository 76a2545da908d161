import { Readability } from '@mozilla/readability';
import type { Article, Readability as Readable } from '../types.ts';
import { blockText } from '../text/block-text.ts';
import { countWords, readingMinutes } from '../text/reading-time.ts';
import { CAPTION_ATTR, ORDER_ATTR, SECTION_ATTR, STAND_IN_ATTR, preClean, standIns } from './pre-clean.ts';
import { postClean } from './post-clean.ts';
import { pageImage, readMetadata, readTitle } from './metadata.ts';
import { readPageMeta } from './page-meta.ts';
import { judgeReadable } from './readable.ts';
import { chooseLead, insertLead } from './lead-image.ts';
import { recoverLead } from './lead-text.ts';
import { siteOf } from './teasers.ts';
import { forcedArticle } from './forced.ts';
import { ruleOn } from './rules.ts';
import { descendantsWhere } from './elements.ts';
import { dropUnreadableStyles, visibleChars, withSafetyNet, type NetProbe, type NetReport, type OurAttempt } from './safety-net.ts';

export type { NetReport } from './safety-net.ts';

export interface ExtractOptions {
  /** The page address; defaults to the document's URL. */
  url?: string;
  /** Return an article even when the page does not look like one ("show anyway"). */
  force?: boolean;
  /** Readability refuses (throws) beyond this many elements; set by the caller's budget. */
  maxElemsToParse?: number;
}

export interface ExtractResult {
  /** Null only when nothing readable was found at all. */
  article: Article | null;
  readability: Readable;
  /** What the safety net saw and did (safety-net.ts); absent only inside the net itself. */
  net?: NetReport;
}

// Readability retries the whole extraction with fewer rules when it finds fewer characters than
// this; each retry re-parses the page. Short news and CJK pages fall under its default of 500,
// so the threshold is lower and our own readable check judges length instead (readable.ts).
const CHAR_THRESHOLD = 100;
// Less text than this left by pre-cleaning, on a page that had plenty, means it went wrong.
const EMPTIED = 100;
// Readability's own threshold, and how much more running text the page's text home must hold than
// the block found for that block to be a wrong pick (see extractOurs).
const DEFAULT_THRESHOLD = 500;
const WRONG_PICK = 2;

function stripMarks(root: Element): void {
  for (const el of descendantsWhere(root, (e) => e.hasAttribute(ORDER_ATTR) || e.hasAttribute(CAPTION_ATTR) || e.hasAttribute(SECTION_ATTR))) {
    el.removeAttribute(ORDER_ATTR);
    el.removeAttribute(CAPTION_ATTR);
    el.removeAttribute(SECTION_ATTR);
  }
}

/**
 * The cleaning pipeline. `doc` is never modified: the work is done on a clone, so the caller
 * can hand over the live page (content script) or a parsed file (CLI) alike. Our layers run
 * inside the safety net (safety-net.ts): when their result is suspect, or they throw, plain
 * Readability's result for the page is weighed against it and the better one is kept.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  return withSafetyNet(doc, options, (safe) => extractOurs(doc, options, safe));
}

/** Our layers alone, with what the safety net needs to judge their result. */
function extractOurs(doc: Document, options: ExtractOptions, safeStyles: boolean): OurAttempt {
  const url = options.url ?? doc.URL;
  const pageMeta = readPageMeta(doc);
  const site = siteOfPage(url, pageMeta.canonical ?? '');
  const cleanClone = (gentle: boolean) => {
    const work = doc.cloneNode(true) as Document;
    if (safeStyles) dropUnreadableStyles(work);
    const pre = preClean(work, { url, site, gentle });
    return { work, pre, pageText: work.body?.textContent ?? '' };
  };
  let gentle = false;
  let { work, pre, pageText } = cleanClone(gentle);
  if (pageText.trim().length < EMPTIED && (doc.body?.textContent ?? '').trim().length >= EMPTIED * 5 && ruleOn('gentle-retry')) {
    // Class names emptied the page (a short story in a "twosidebarL" beside a "twosidebarR"):
    // start again without them.
    gentle = true;
    ({ work, pre, pageText } = cleanClone(gentle));
  }
  standIns(work, pre.removedHeadings);
  const readable = (threshold: number | undefined) =>
    // The identity serializer hands back Readability's element itself: no HTML round trip.
    new Readability<Node>(work, {
      charThreshold: threshold,
      maxElemsToParse: options.maxElemsToParse,
      keepClasses: false,
      serializer: (node) => node,
    }).parse();
  const low = ruleOn('low-threshold');
  let parsed = readable(low ? CHAR_THRESHOLD : undefined);
  const first = parsed?.content as Element | null | undefined;
  const found = visibleChars(first?.textContent ?? '');
  if (low && found < DEFAULT_THRESHOLD && pre.homeChars >= found * WRONG_PICK && (!first || lineCount(first) <= 2) && ruleOn('threshold-retry')) {
    // The low threshold let Readability stop at one short block (a teaser, a breadcrumb) while
    // the page's running text sits elsewhere: read the page again as plain Readability would,
    // with its own threshold and retries, and keep that when it found more. A short pick of many
    // lines (an ingredient list, a table) is structured content, not a stray block: it stands.
    ({ work, pre, pageText } = cleanClone(gentle));
    standIns(work, pre.removedHeadings);
    const again = readable(undefined);
    if (visibleChars((again?.content as Element | null | undefined)?.textContent ?? '') > found) parsed = again;
  }
  const container = parsed?.content as Element | null | undefined;
  const probe: NetProbe = { homeChars: pre.homeChars, containerChars: 0, linkShare: 0 };
  if (!parsed || !container) {
    if (options.force) return { result: forced(doc, url, pageMeta), probe };
    return { result: { article: null, readability: { isArticle: false, reason: 'no-content' } }, probe };
  }
  for (const el of descendantsWhere(container, (e) => e.hasAttribute(STAND_IN_ATTR))) el.remove();
  recoverLead(container, work.body);
  probe.containerChars = visibleChars(container.textContent ?? '');
  // Post-cleaning drops the heading that repeats the page's title; the article's own heading as
  // title (when the page title names only its frame) is for the metadata alone.
  const { title } = readTitle(doc, pageMeta, parsed);
  const articleTitle = readTitle(doc, pageMeta, parsed, container.textContent ?? '').title;
  const post = postClean(container, { url, title, site: pre.site, captions: pre.captions });
  const lead = chooseLead(container, pre.leadCandidates, pre.paragraphs, pageImage(pageMeta, url));
  const leadImage = lead ? insertLead(container, lead, url) : null;
  const text = blockText(container, { skipCaptions: CAPTION_ATTR });
  probe.linkShare = post.linkShare;
  stripMarks(container);
  const meta = readMetadata(
    doc,
    url,
    { articleText: text, title: articleTitle, bylines: [...pre.bylines, ...post.bylines], pageText: hasSourceMark(pageText) ? pageText : '', readability: parsed },
    pageMeta,
  );
  const article: Article = {
    ...meta,
    leadImage: leadImage ?? meta.leadImage,
    html: container.innerHTML,
    text,
    wordCount: countWords(text),
    readingMinutes: readingMinutes(text),
  };
  if (options.force && !text.trim()) return { result: forced(doc, url, pageMeta), probe };
  const readability = options.force
    ? { isArticle: true, reason: 'forced' as const }
    : judgeReadable({ text, linkShare: post.linkShare });
  return { result: { article, readability }, probe };
}

export function forced(doc: Document, url: string, pm: ReturnType<typeof readPageMeta>): ExtractResult {
  const article = forcedArticle(doc, url, pm);
  return article ? { article, readability: { isArticle: true, reason: 'forced' } } : { article: null, readability: { isArticle: false, reason: 'no-content' } };
}

function lineCount(root: Element): number {
  return blockText(root).split('\n').filter((l) => l.trim()).length;
}

/** The page's own site, from its address or its canonical one; null for files and unknown pages. */
function siteOfPage(url: string, canonical: string): string | null {
  for (const u of [url, canonical]) {
    try {
      const { protocol, hostname } = new URL(u);
      if ((protocol === 'http:' || protocol === 'https:') && hostname && !hostname.endsWith('.invalid')) return siteOf(hostname);
    } catch {
      // Try the next one.
    }
  }
  return null;
}

// Cheap test before the source-address pattern runs over the page text.
function hasSourceMark(text: string): boolean {
  return /原文|Original|Source|Quelle|Fuente|Fonte/i.test(text);
}
