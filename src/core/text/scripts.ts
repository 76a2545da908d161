// Character classes by script. Han, kana, Hangul and fullwidth punctuation are written without
// spaces between words, so whitespace between two of them is an artefact of markup.

export const CJK_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}々〆〇ーｰ]/u;

/** CJK letters plus the punctuation that sits between them without spaces. */
export const CJK_OR_PUNCT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}々〆〇ーｰ\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2025\u2026\u2027\u00b7\u30fb]/u;

const CJK_COUNT = new RegExp(CJK_CHAR.source, 'gu');
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const RTL_CHAR = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

export function countCjk(text: string): number {
  return text.match(CJK_COUNT)?.length ?? 0;
}

export function isHanOrKana(ch: string): boolean {
  return HAN_OR_KANA.test(ch);
}

export function isRtlChar(ch: string): boolean {
  return RTL_CHAR.test(ch);
}
