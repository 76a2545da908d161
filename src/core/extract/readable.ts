import type { Article, Readability } from '../types.ts';
import { countCjk } from '../text/scripts.ts';

// Readability's own check wants 140 characters per paragraph and 500 in all, which rejects
// short news and most Chinese pages: a CJK character carries about as much as a Latin word.
const MIN_WEIGHTED_CHARS = 250;
const CJK_WEIGHT = 3;
const MAX_LINK_DENSITY = 0.5;

function weightedLength(text: string): number {
  const cjk = countCjk(text);
  return text.replace(/\s+/g, '').length - cjk + cjk * CJK_WEIGHT;
}

/** Share of the article's text that sits inside links. */
export function linkDensity(root: Element): number {
  const all = (root.textContent ?? '').replace(/\s+/g, '').length;
  if (all === 0) return 0;
  let linked = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / all;
}

export function judgeReadable(article: Article, body: Element): Readability {
  if (weightedLength(article.text) < MIN_WEIGHTED_CHARS) return { isArticle: false, reason: 'too-short' };
  if (linkDensity(body) > MAX_LINK_DENSITY) return { isArticle: false, reason: 'link-heavy' };
  return { isArticle: true, reason: 'article' };
}
