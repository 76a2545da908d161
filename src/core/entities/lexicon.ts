import type { Candidate, NameType } from './candidate.ts';

// r: a place that is also a country or region name (Intl's list, captured at build time).
const TYPE_OF: Record<string, NameType> = { p: 'person', l: 'place', o: 'organization', r: 'place' };

/** Compares `word` with text[at, at + len) by UTF-16 code units, as Array.prototype.sort orders. */
function compareAt(word: string, text: string, at: number, len: number): number {
  const n = Math.min(word.length, len);
  for (let i = 0; i < n; i++) {
    const d = word.charCodeAt(i) - text.charCodeAt(at + i);
    if (d !== 0) return d;
  }
  return word.length - len;
}

/**
 * A sorted word list kept as the build wrote it ('|'-joined, code-unit order), with one type code
 * per word. Nothing is decoded per word: loading is one split, and a lookup is a binary search
 * inside the words that start with the same character (that range is found once per character).
 */
export class SortedWords {
  private readonly words: string[];
  /** One of p/l/o/r per word, or null when all have `type`. */
  private readonly codes: string | null;
  private readonly type: NameType;
  private buckets: Map<number, number> | null = null;

  /** `types`: one type for all the words, or a string of one code (p/l/o/r) per word. */
  constructor(list: string, types: NameType | string) {
    this.words = list ? list.split('|') : [];
    const uniform = types === 'person' || types === 'place' || types === 'organization';
    this.codes = uniform ? null : types;
    this.type = uniform ? types : 'place';
    if (this.codes !== null && this.codes.length !== this.words.length) throw new Error('SortedWords: one type code per word');
  }

  get size(): number {
    return this.words.length;
  }

  private typeAt(k: number): NameType {
    return this.codes === null ? this.type : TYPE_OF[this.codes[k]!]!;
  }

  /**
   * The run of words beginning with the char `code`, as start * 2^20 + end (-1: none). Found by
   * binary search the first time a character is seen and remembered, so a page pays for the
   * characters it contains, not for the size of the list.
   */
  private bucket(code: number): number {
    const known = (this.buckets ??= new Map()).get(code);
    if (known !== undefined) return known;
    const w = this.words;
    let a = 0;
    let z = w.length;
    while (a < z) {
      const mid = (a + z) >> 1;
      if (w[mid]!.charCodeAt(0) < code) a = mid + 1;
      else z = mid;
    }
    const start = a;
    z = w.length;
    while (a < z) {
      const mid = (a + z) >> 1;
      if (w[mid]!.charCodeAt(0) <= code) a = mid + 1;
      else z = mid;
    }
    const b = a > start ? start * 1048576 + a : -1;
    this.buckets.set(code, b);
    return b;
  }

  /** Index of the longest word that text continues with at `at`, or -1. */
  private longestAt(text: string, at: number): number {
    if (this.words.length === 0) return -1;
    const b = this.bucket(text.charCodeAt(at));
    if (b < 0) return -1;
    const lo = Math.floor(b / 1048576);
    let hi = b % 1048576;
    let len = Math.min(64, text.length - at);
    // The last word <= the query either is a prefix of it (the longest one) or shares `c`
    // characters with it, in which case any word that is a prefix is at most `c` long and sorts
    // before it: shorten the query and search again below it.
    while (len >= 2 && hi > lo) {
      let a = lo;
      let z = hi;
      while (a < z) {
        const mid = (a + z) >> 1;
        if (compareAt(this.words[mid]!, text, at, len) <= 0) a = mid + 1;
        else z = mid;
      }
      const k = a - 1;
      if (k < lo) return -1;
      const w = this.words[k]!;
      let c = 0;
      const n = Math.min(w.length, len);
      while (c < n && w.charCodeAt(c) === text.charCodeAt(at + c)) c++;
      if (c === w.length) return w.length >= 2 ? k : -1;
      len = c;
      hi = k;
    }
    return -1;
  }

  matchAt(text: string, at: number): { end: number; type: NameType } | null {
    const k = this.longestAt(text, at);
    return k < 0 ? null : { end: at + this.words[k]!.length, type: this.typeAt(k) };
  }

  get(word: string): NameType | undefined {
    if (word.length < 2) return undefined;
    const k = this.longestAt(word, 0);
    return k >= 0 && this.words[k]!.length === word.length ? this.typeAt(k) : undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  /** The word's code (p/l/o/r), when the list has codes and the word. */
  codeOf(word: string): string | undefined {
    if (this.codes === null || word.length < 2) return undefined;
    const k = this.longestAt(word, 0);
    return k >= 0 && this.words[k]!.length === word.length ? this.codes[k] : undefined;
  }
}

/**
 * A word list for unspaced scripts, matched longest first: shipped lists (SortedWords, nothing
 * decoded) plus a few words added at run time (region names from Intl), indexed by their first
 * two characters. At a position the longest word of any part wins; on a tie the earlier part.
 */
export class Lexicon {
  private readonly parts: SortedWords[] = [];
  private readonly words = new Map<string, NameType>();
  private readonly longest = new Map<string, number>();

  /** Adds a shipped list (checked before the words added one by one). */
  addSorted(list: SortedWords): this {
    this.parts.push(list);
    return this;
  }

  add(word: string, type: NameType): void {
    if (word.length < 2 || this.words.has(word)) return;
    this.words.set(word, type);
    const key = word.slice(0, 2);
    if ((this.longest.get(key) ?? 0) < word.length) this.longest.set(key, word.length);
  }

  get(word: string): NameType | undefined {
    for (const p of this.parts) {
      const t = p.get(word);
      if (t) return t;
    }
    return this.words.get(word);
  }

  /** The longest word starting at `at`, if any. */
  matchAt(text: string, at: number): { end: number; type: NameType } | null {
    let best: { end: number; type: NameType } | null = null;
    for (const p of this.parts) {
      const m = p.matchAt(text, at);
      if (m && (!best || m.end > best.end)) best = m;
    }
    const max = this.longest.get(text.slice(at, at + 2));
    if (max) {
      for (let len = Math.min(max, text.length - at); len >= 2 && (!best || at + len > best.end); len--) {
        const type = this.words.get(text.slice(at, at + len));
        if (type) return { end: at + len, type };
      }
    }
    return best;
  }

  /** Every longest match in text[from, to), left to right, without overlaps. */
  scan(text: string, from: number, to: number, source: Candidate['source'], priority: number, out: Candidate[]): void {
    for (let i = from; i < to - 1; ) {
      const m = this.matchAt(text, i);
      if (m && m.end <= to) {
        out.push({ start: i, end: m.end, type: m.type, source, priority });
        i = m.end;
      } else i++;
    }
  }
}
