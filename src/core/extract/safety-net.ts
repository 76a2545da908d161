// The safety net: Sift must never be much worse than plain Readability. Our layers (pre-clean,
// the block filter, the list and section rules) remove far more than Readability does, and on a
// page nobody tuned them for they can remove the article itself. Running plain Readability on
// every page would double the cost, so the net first asks cheap questions of our own result,
// with figures our layers collect anyway (NetProbe), and only when the result is suspect runs
// plain Readability and keeps the better of the two. An exception anywhere in our layers is the
// strongest suspicion of all: the page is read again with the styles jsdom cannot read taken out,
// and then plain Readability decides. No exception leaves the net, except the budget's own
// refusals (too many elements), which the pipeline turns into a clear message.
import { Readability } from '@mozilla/readability';
import type { Article, Readability as Readable } from '../types.ts';
import { blockText } from '../text/block-text.ts';
import { countWords, readingMinutes } from '../text/reading-time.ts';
import { budgetErrorFrom } from '../budget.ts';
import { collapseWhitespace } from './cjk-whitespace.ts';
import { resolveLazyImages } from './lazy-images.ts';
import { absolutize } from './post-clean.ts';
import { readMetadata } from './metadata.ts';
import { readPageMeta } from './page-meta.ts';
import { judgeReadable } from './readable.ts';
import type { ExtractOptions, ExtractResult } from './index.ts';
import { ruleOn } from './rules.ts';
import { covered, textStats, type TextStats } from './net-stats.ts';
import { byTag } from './elements.ts';

/** What our layers saw on the way, for the net's questions. Characters exclude whitespace. */
export interface NetProbe {
  /** Running text of the page's likely article home, before anything was removed (text-home.ts). */
  homeChars: number;
  /** Text of Readability's container before our post-cleaning. */
  containerChars: number;
  /** Link share of the container (the readable check's input). */
  linkShare: number;
}

export interface OurAttempt {
  result: ExtractResult;
  probe: NetProbe;
}

export type NetReason = 'error' | 'empty' | 'short-of-home';

export interface NetReport {
  /** Whether plain Readability was run for this page. */
  fired: boolean;
  reasons: NetReason[];
  /** Whose text the article holds. */
  chose: 'sift' | 'readability';
  /** Characters of our text and of plain Readability's (-1: not run). */
  siftChars: number;
  readabilityChars: number;
  probe: NetProbe | null;
  /** The message of an exception our layers threw, if any. */
  error?: string;
}

export const visibleChars = (text: string): number => text.replace(/\s+/g, '').length;
export const lineCount = (text: string): number => text.split('\n').filter((l) => l.trim()).length;

// Thresholds, each a plain ratio (bench/tune-net.ts replays them on the pool).
export const NET = {
  /**
   * Our result is suspect when its running text (paragraph lines, net-stats.ts) is below this share
   * of the running text of the page's likely article home (text-home.ts), and it holds less text
   * than that home in all: Readability stopped at a teaser, a breadcrumb or a box of widget lines,
   * or our cleaning took the story. Until 2026-12-07 this asked for a result of one or two lines;
   * counting paragraph text instead also catches a pick of many short widget lines (daniel-dev,
   * kp.ru), while a short result of many lines beside running text (an ingredient list above the
   * method) is not suspect. bench/tune-net.ts on the pool samples: daniel-dev 2 -> 1 page more
   * than 0.10 below Readability, F1 +0.007; picked newsweb failures 2 -> 1; no set lost.
   */
  shortOfHome: 0.3,
  /** The home must hold this much text for the comparison to mean anything. */
  minHomeChars: 300,
  /** Plain Readability replaces a suspect result when it has this many times our text ... */
  better: 1.6,
  /** ... and, for a result of more than this many lines, holds this share of it (prefersPlain). */
  fewLines: 2,
  held: 0.5,
};

export type NetThresholds = typeof NET;

/** The net's questions, as a pure function of our text's measures and the probe (bench/tune-net.ts replays it). */
export function suspect(ours: TextStats, probe: NetProbe, t: NetThresholds = NET): NetReason[] {
  if (ours.chars === 0) return ['empty'];
  const home = probe.homeChars;
  if (home >= t.minHomeChars && ours.paraChars < home * t.shortOfHome && ours.chars < home) return ['short-of-home'];
  return [];
}

/**
 * Once fired: whether plain Readability's text replaces ours. It must be much longer; and when ours
 * is more than a line or two, it must also hold most of ours: then ours was a box inside the
 * article Readability read whole (widget lines), while a list Readability's text does not hold
 * (an ingredient list beside a recipe's introduction) is content of its own and stays.
 */
export function prefersPlain(ours: TextStats, plainText: string, t: NetThresholds = NET): boolean {
  const plainChars = visibleChars(plainText);
  if (plainChars === 0) return false;
  if (ours.chars === 0) return true;
  return plainChars >= ours.chars * t.better && (ours.lines <= t.fewLines || covered(ours, plainText) >= t.held);
}

/**
 * jsdom's CSS parser can throw when a script reads `element.style` of an inline style it
 * cannot parse (an uncompiled SCSS expression left in a template). Browsers never throw there;
 * in Node, such style attributes are dropped from the working clone before the second try.
 */
export function dropUnreadableStyles(doc: Document): number {
  let dropped = 0;
  for (const el of Array.from(doc.querySelectorAll('[style]'))) {
    try {
      const style = (el as HTMLElement).style;
      void style?.display;
      void style?.visibility;
    } catch {
      el.removeAttribute('style');
      dropped++;
    }
  }
  return dropped;
}

export interface Plain {
  container: Element;
  parsed: NonNullable<ReturnType<Readability<Node>['parse']>>;
  text: string;
}

/** Plain Readability, as the benchmarks define it (default options), on a clone of the page. */
export function plainReadability(doc: Document, options: ExtractOptions, safeStyles: boolean): Plain | null {
  const work = doc.cloneNode(true) as Document;
  if (safeStyles) dropUnreadableStyles(work);
  const parsed = new Readability<Node>(work, { maxElemsToParse: options.maxElemsToParse, serializer: (n) => n }).parse();
  const container = parsed?.content as Element | null | undefined;
  if (!parsed || !container) return null;
  resolveLazyImages(container);
  absolutize(container, options.url ?? doc.URL);
  collapseWhitespace(container);
  return { container, parsed, text: blockText(container) };
}

export function linkShareOf(root: Element): number {
  const all = visibleChars(root.textContent ?? '');
  if (!all) return 0;
  let linked = 0;
  for (const a of byTag(root, 'a')) linked += visibleChars(a.textContent ?? '');
  return linked / all;
}

function fromPlain(doc: Document, options: ExtractOptions, plain: Plain, ours: ExtractResult | null, linkShare: number | null): ExtractResult {
  const { container, text } = plain;
  const url = options.url ?? doc.URL;
  // Our metadata stays when we had any (it reads far more than Readability does).
  const meta = ours?.article ?? { ...readMetadata(doc, url, { articleText: text, readability: plain.parsed }, readPageMeta(doc)) };
  const article: Article = { ...meta, html: container.innerHTML, text, wordCount: countWords(text), readingMinutes: readingMinutes(text) };
  const readability: Readable = options.force
    ? { isArticle: true, reason: 'forced' }
    : judgeReadable({ text, linkShare: linkShare ?? linkShareOf(container) });
  return { article, readability };
}

const message = (err: unknown): string => String((err as Error)?.message ?? err).slice(0, 300);

/** Run our layers under the net; see the file's head. */
export function withSafetyNet(doc: Document, options: ExtractOptions, ours: (safeStyles: boolean) => OurAttempt): ExtractResult {
  let attempt: OurAttempt | null = null;
  let error: string | undefined;
  let safe = false;
  try {
    attempt = ours(false);
  } catch (err) {
    if (budgetErrorFrom(err)) throw err;
    error = message(err);
    safe = true;
    try {
      attempt = ours(true);
    } catch (again) {
      if (budgetErrorFrom(again)) throw again;
    }
  }
  const reasons: NetReason[] = error ? ['error'] : [];
  const oursStats = textStats(attempt?.result.article?.text ?? '');
  if (attempt) reasons.push(...suspect(oursStats, attempt.probe));
  const siftChars = oursStats.chars;
  const report = (fired: boolean, chose: NetReport['chose'], readabilityChars: number): NetReport => ({
    fired, reasons, chose, siftChars, readabilityChars, probe: attempt?.probe ?? null, ...(error ? { error } : {}),
  });
  if (attempt && (reasons.length === 0 || (!error && !ruleOn('safety-net')))) return { ...attempt.result, net: report(false, 'sift', -1) };

  let plain: Plain | null = null;
  try {
    plain = plainReadability(doc, options, safe);
  } catch (err) {
    if (budgetErrorFrom(err)) throw err;
    if (!safe) {
      try {
        plain = plainReadability(doc, options, true);
      } catch {
        // Nothing more to try: what we have stands.
      }
    }
  }
  const plainChars = plain ? visibleChars(plain.text) : 0;
  const oursResult = attempt?.result ?? null;
  const takePlain = plain !== null && prefersPlain(oursStats, plain.text);
  if (plain && takePlain) {
    return { ...fromPlain(doc, options, plain, oursResult, attempt?.probe.linkShare || null), net: report(true, 'readability', plainChars) };
  }
  if (oursResult) return { ...oursResult, net: report(true, 'sift', plainChars) };
  return { article: null, readability: { isArticle: false, reason: 'no-content' }, net: report(true, 'sift', plainChars) };
}
