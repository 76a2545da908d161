import { CJK_OR_PUNCT } from './scripts.ts';

const WS = /[ \t\n\r\f\u00a0\u2000-\u200b\u3000]+/g;
// Whitespace between two characters of scripts written without spaces (Chinese, Japanese),
// or between such a character and CJK punctuation. Hangul is spaced like Latin, so it is left alone.
const CJK_GAP = new RegExp(`(${CJK_OR_PUNCT.source})[ \\t\\n\\r\\f\\u00a0\\u3000]+(?=${CJK_OR_PUNCT.source})`, 'gu');

// A run with a line break in it between two CJK characters is a source-formatting artefact.
const CJK_BREAK = new RegExp(`(${CJK_OR_PUNCT.source})[ \\t\\u00a0\\u3000]*[\\n\\r][ \\t\\n\\r\\f\\u00a0\\u3000]*(?=${CJK_OR_PUNCT.source})`, 'gu');

/** Collapse whitespace runs to one space, and drop it entirely between two CJK characters. */
export function normalizeInline(text: string): string {
  return text.replace(WS, ' ').replace(CJK_GAP, '$1').trim();
}

/**
 * Like normalizeInline, but a single space an author typed between CJK characters is kept
 * (Chinese headlines use it as a separator); only line-break runs between them are dropped.
 */
export function normalizeTitle(text: string): string {
  return text.replace(CJK_BREAK, '$1').replace(WS, ' ').trim();
}

/** Normalise each line; drop empty lines. */
export function normalizeBlocks(text: string): string {
  return text
    .split('\n')
    .map(normalizeInline)
    .filter((l) => l.length > 0)
    .join('\n');
}
