import { CJK_CHAR } from '../text/scripts.ts';

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression matching any of `forms`, longest first. Forms that start or end with a
 * letter of a spaced script must not touch other letters (so "Iran" is not found in "Iranian");
 * CJK forms match anywhere, as CJK text has no spaces between words.
 */
export function formsPattern(forms: string[]): RegExp | null {
  const uniq = [...new Set(forms.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
  if (uniq.length === 0) return null;
  const parts = uniq.map((f) => {
    const first = f.charAt(0);
    const last = f.charAt(f.length - 1);
    const pre = WORD_CHAR.test(first) && !CJK_CHAR.test(first) ? '(?<![\\p{L}\\p{N}\\p{M}_])' : '';
    const post = WORD_CHAR.test(last) && !CJK_CHAR.test(last) ? '(?![\\p{L}\\p{N}\\p{M}_])' : '';
    return pre + escapeRe(f) + post;
  });
  return new RegExp(parts.join('|'), 'gu');
}

export function countMentions(text: string, forms: string[]): number {
  const re = formsPattern(forms);
  if (!re) return 0;
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}
