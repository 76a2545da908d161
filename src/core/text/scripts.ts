// Character classes by script. Han, kana, Hangul and fullwidth punctuation are written without
// spaces between words, so whitespace between two of them is an artefact of markup.
import { at, GREEK, HAN, HANGUL, HEBREW, KANA, LETTER as LETTER_BIT, scriptCounts, THAI } from './script-counts.ts';

export const CJK_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}々〆〇ーｰ]/u;

/** CJK letters plus the punctuation that sits between them without spaces. */
export const CJK_OR_PUNCT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}々〆〇ーｰ\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2025\u2026\u2027\u00b7\u30fb]/u;

const CJK_COUNT = new RegExp(CJK_CHAR.source, 'gu');
const RTL_CHAR = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

export function countCjk(text: string): number {
  return text.match(CJK_COUNT)?.length ?? 0;
}

const RTL_RUN = new RegExp(RTL_CHAR.source, 'gu');
const LETTER = /\p{L}/gu;

/** True when most letters of the text are in right-to-left scripts. */
export function isRtlText(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  return (text.match(RTL_RUN)?.length ?? 0) / letters > 0.5;
}

// In order: the first script with its share of the letters wins.
const SCRIPT_LANGS: [number, string][] = [
  [KANA, 'ja'],
  [HANGUL, 'ko'],
  [HAN, 'zh'],
  [HEBREW, 'he'],
  [THAI, 'th'],
  [GREEK, 'el'],
];

/**
 * The language when the script alone tells it (kana: Japanese, Hangul: Korean, Han alone:
 * Chinese...); null for Latin, Cyrillic or Arabic script, which many languages share.
 */
export function guessLang(text: string): string | null {
  // One pass over the text (script-counts.ts) instead of one regex match per script.
  return guessLangOfCounts(scriptCounts(text));
}

/** guessLang from the text's scriptCounts, for callers that have counted them already. */
export function guessLangOfCounts(counts: Int32Array): string | null {
  const letters = counts[at(LETTER_BIT)]!;
  if (letters < 20) return null;
  for (const [bit, lang] of SCRIPT_LANGS) {
    const n = counts[at(bit)]!;
    // Japanese text is mostly Han with kana between: a little kana is enough.
    const share = lang === 'ja' ? 0.1 : 0.4;
    if (n / letters >= share) return lang;
  }
  return null;
}
