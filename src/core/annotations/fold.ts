// Matching ignores what a re-extraction or a page edit changes without changing the words:
// whitespace of every kind (line breaks between blocks, spaces around CJK text, no-break spaces,
// zero-width spaces) and the typographic forms of quotes and dashes.

// JavaScript's \s, and the zero-width characters that pages put between words.
const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];
const SAME: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '.',
};

export interface Folded {
  /** The text with spaces removed and look-alike punctuation unified. */
  text: string;
  /** For each character of `text`, its offset in the original. */
  map: Int32Array;
}

/** Per UTF-16 code unit: -1 to drop it, else the code unit to keep (most keep themselves). */
const TABLE = (() => {
  const t = new Int32Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  for (const c of SPACES) t[c] = -1;
  for (const [from, to] of Object.entries(SAME)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  return t;
})();

export function fold(s: string): Folded {
  const codes = new Uint16Array(s.length);
  const map = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = TABLE[s.charCodeAt(i)]!;
    if (c < 0) continue;
    codes[n] = c;
    map[n++] = i;
  }
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192))));
  return { text: parts.join(''), map: map.subarray(0, n) };
}

/** Just the folded string (quotes, prefixes and suffixes). */
export function foldText(s: string): string {
  return fold(s).text;
}

/** The folded offset of an original offset: the first folded character at or after it. */
export function toFolded(f: Folded, offset: number): number {
  let lo = 0;
  let hi = f.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original range [start, end) of the folded range [fs, fe) (fe > fs). */
export function fromFolded(f: Folded, fs: number, fe: number): { start: number; end: number } {
  return { start: f.map[fs]!, end: f.map[fe - 1]! + 1 };
}
