import type { Readability } from '../types.ts';
import { countCjk } from '../text/scripts.ts';

// Readability's own check (isProbablyReaderable) wants paragraphs of 140 characters and 500 in
// all, which rejects short news and most Chinese pages: a CJK character carries about as much as
// a short Latin word, so CJK characters weigh three. The seed page (ten short Chinese paragraphs)
// is an article; a list of headlines is not, however long.
export const MIN_WEIGHTED_CHARS = 250;
const CJK_WEIGHT = 3;
const MAX_LINK_SHARE = 0.5;
// One block of running text at least this long (weighted): a sentence or two, not a menu.
const MIN_BLOCK = 80;

export function weightedLength(text: string): number {
  const cjk = countCjk(text);
  return text.replace(/\s+/g, '').length - cjk + cjk * CJK_WEIGHT;
}

export interface ReadableInput {
  /** The cleaned article text, a line break between blocks. */
  text: string;
  /** Share of Readability's container text inside links, before cleaning. */
  linkShare: number;
}

/** Is this an article? With a stable reason code the popup turns into a message. */
export function judgeReadable({ text, linkShare }: ReadableInput): Readability {
  if (linkShare > MAX_LINK_SHARE) return { isArticle: false, reason: 'link-heavy' };
  if (!text.trim()) return { isArticle: false, reason: 'no-content' };
  if (weightedLength(text) < MIN_WEIGHTED_CHARS) return { isArticle: false, reason: 'too-short' };
  if (!text.split('\n').some((line) => weightedLength(line) >= MIN_BLOCK)) return { isArticle: false, reason: 'too-short' };
  return { isArticle: true, reason: 'article' };
}
