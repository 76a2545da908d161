import type { ExtractError } from './types.ts';

// Limits on the work extraction may do, so a pathological page gives a clear answer instead of
// freezing its tab, the popup or the worker. Readability cannot be interrupted once it runs, so
// its input is bounded before it starts (elements, depth, text) and the remaining stages check a
// deadline. The numbers come from measurements in Chromium on a 2-core machine (team notes,
// security.md): Readability's cost grows with depth far faster than with size (depth
// 1000/3000/6000 took 2.3/29.7/219 s) while the HTML parser never nests deeper than about 512;
// from toolbar click to article, 25k/50k/95k elements took 7.9/11.2/17.3 s (median, loaded
// machine) while 823 real pages of the benchmark sets have at most about 10k.

export interface Budget {
  /** Elements in the document (Readability's maxElemsToParse gets the same number). */
  maxElements: number;
  /** Element nesting depth, <html> being 1. Only script-built DOM goes past the parser's ~512. */
  maxDepth: number;
  /** Characters of text in the page before cleaning. */
  maxTextChars: number;
  /**
   * UTF-8 bytes of the JSON result. Runtime messages stop at 64 MiB and the result crosses two of
   * them (to the worker, to the popup), then goes to IndexedDB: 16 MiB holds a book-length article.
   */
  maxResultBytes: number;
  /** Characters of article text the entity tagger reads (its cost grows with the text). */
  maxEntityChars: number;
  /** Milliseconds for the whole pipeline, checked between stages. */
  timeMs: number;
}

export const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({
  maxElements: 60_000,
  maxDepth: 600,
  maxTextChars: 8_000_000,
  maxResultBytes: 16 * 1024 * 1024,
  maxEntityChars: 500_000,
  timeMs: 20_000,
});

export type BudgetCode = 'too-complex' | 'too-large' | 'timeout';

export interface BudgetExceeded extends ExtractError {
  code: BudgetCode;
}

function exceeded(code: BudgetCode, message: string): BudgetExceeded {
  return { code, message };
}

/**
 * Depth of the element tree under `root`, walked without recursion (a 5,000-deep DOM would
 * overflow a recursive walk) and abandoned as soon as it passes `limit`.
 * Returns the depth found, or limit + 1 when it is deeper than that.
 */
export function elementDepth(root: Element, limit: number): number {
  let el: Element | null = root;
  let depth = 1;
  let max = 1;
  while (el) {
    if (depth > max) max = depth;
    if (max > limit) return limit + 1;
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return max;
}

/**
 * Whether the page is within budget before any expensive work starts. Cheap: a native element
 * count, one bounded tree walk, one text read.
 */
export function checkDocument(doc: Document, budget: Budget = DEFAULT_BUDGET): BudgetExceeded | null {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > budget.maxElements) {
    return exceeded(
      'too-complex',
      `This page has ${elements.toLocaleString('en')} elements; Sift reads pages of up to ${budget.maxElements.toLocaleString('en')}.`,
    );
  }
  const root = doc.documentElement;
  if (root && elementDepth(root, budget.maxDepth) > budget.maxDepth) {
    return exceeded('too-complex', `This page is nested more than ${budget.maxDepth} levels deep, too deep to read safely.`);
  }
  const chars = doc.body?.textContent?.length ?? 0;
  if (chars > budget.maxTextChars) {
    return exceeded(
      'too-large',
      `This page holds ${chars.toLocaleString('en')} characters of text; Sift reads pages of up to ${budget.maxTextChars.toLocaleString('en')}.`,
    );
  }
  return null;
}

/** Size of a value once sent as a message (JSON, UTF-8). */
export function messageBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').byteLength;
}

/** A result too large to hand over as a message, or null when it fits. */
export function checkResultSize(value: unknown, budget: Budget = DEFAULT_BUDGET): BudgetExceeded | null {
  const bytes = messageBytes(value);
  if (bytes <= budget.maxResultBytes) return null;
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return exceeded('too-large', `The cleaned article is ${mib(bytes)}, more than the ${mib(budget.maxResultBytes)} Sift can pass on.`);
}

/**
 * Between extraction and entity tagging: out of time, or an article already too large to pass on
 * (checked on html + text before the tagger spends time on it).
 */
export function checkBeforeEntities(article: { html: string; text: string } | null, deadline: Deadline, budget: Budget): BudgetExceeded | null {
  return deadline.check('entity tagging') ?? (article ? checkResultSize({ html: article.html, text: article.text }, budget) : null);
}

/** What the entity tagger is given: the article, its text cut at the budget on very long pages. */
export function forEntities<A extends { text: string }>(article: A, budget: Budget | undefined): A {
  return budget && article.text.length > budget.maxEntityChars ? { ...article, text: article.text.slice(0, budget.maxEntityChars) } : article;
}

/** Time left for the pipeline, checked at stage boundaries. */
export class Deadline {
  private readonly start: number;
  constructor(
    readonly ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }

  elapsed(): number {
    return this.now() - this.start;
  }

  /** Null while there is time left; the timeout error once the budget is spent. */
  check(stage: string): BudgetExceeded | null {
    const spent = this.elapsed();
    if (spent <= this.ms) return null;
    return exceeded('timeout', `Reading the page took ${(spent / 1000).toFixed(1)} s before ${stage}; the limit is ${this.ms / 1000} s.`);
  }
}

/** Readability's own element limit throws; give it the same code as our check. */
export function budgetErrorFrom(err: unknown): BudgetExceeded | null {
  const message = String((err as Error)?.message ?? err);
  if (/Aborting parsing document; \d+ elements found/.test(message)) return exceeded('too-complex', message);
  if (/Maximum call stack size exceeded|too much recursion/i.test(message)) {
    return exceeded('too-complex', 'This page is built too deeply to read safely.');
  }
  return null;
}
