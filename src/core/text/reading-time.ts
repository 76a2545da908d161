import { countCjk } from './scripts.ts';

// Typical silent reading speeds: about 230 words a minute for spaced scripts,
// about 400 characters a minute for Chinese and Japanese (Trauzettel-Klosinski et al. 2012).
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 400;

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}々〆〇ーｰ]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** Words for spaced scripts, plus one per CJK character. */
export function countWords(text: string): number {
  const cjk = countCjk(text.replace(/\p{Script=Hangul}/gu, ''));
  const rest = text.replace(CJK_RUN, ' ');
  const words = rest.match(WORD)?.length ?? 0;
  return words + cjk;
}

export function readingMinutes(text: string): number {
  const cjk = text.match(CJK_RUN)?.length ?? 0;
  const words = text.replace(CJK_RUN, ' ').match(WORD)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}
