// How many letters of each script a stretch of text holds, in one pass. The language decisions
// (language-id.ts, scripts.ts) counted them with one `text.match(/\p{…}/gu)` per script, per line
// of the article: an array of one-character strings each time, 8% of the entity layers' time on
// English pages. Here each code point is classified once by the same Unicode property regexes
// and the class cached (BMP), so the counts are the regexes' counts.

export const LETTER = 1;
export const LATIN = 2;
export const CYRILLIC = 4;
export const KANA = 8;
export const HANGUL = 16;
export const HAN = 32;
export const HEBREW = 64;
export const THAI = 128;
export const GREEK = 256;
const KNOWN = 1 << 15;

const CLASSES: [RegExp, number][] = [
  [/\p{L}/u, LETTER],
  [/\p{Script=Latin}/u, LATIN],
  [/\p{Script=Cyrillic}/u, CYRILLIC],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, KANA],
  [/\p{Script=Hangul}/u, HANGUL],
  [/\p{Script=Han}/u, HAN],
  [/\p{Script=Hebrew}/u, HEBREW],
  [/\p{Script=Thai}/u, THAI],
  [/\p{Script=Greek}/u, GREEK],
];

const bmp = new Uint16Array(65536);

function classify(ch: string): number {
  let c = 0;
  for (const [re, bit] of CLASSES) if (re.test(ch)) c |= bit;
  return c;
}

/** Per class bit, how many code points of text[start, end) carry it (index: the bit's position). */
export function scriptCounts(text: string, start = 0, end = text.length): Int32Array {
  const counts = new Int32Array(9);
  for (let i = start; i < end; i++) {
    const u = text.charCodeAt(i);
    let c: number;
    // A surrogate pair is one code point, as the `u` regexes read it; a lone surrogate is none of
    // the classes.
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = classify(text.slice(i, i + 2));
      i++;
    } else {
      c = bmp[u]!;
      if (c === 0) bmp[u] = c = classify(String.fromCharCode(u)) | KNOWN;
    }
    if (c & 511) for (let b = 0; b < 9; b++) if (c & (1 << b)) counts[b]!++;
  }
  return counts;
}

/** Index into scriptCounts' result of a class bit. */
export const at = (bit: number): number => 31 - Math.clz32(bit);
