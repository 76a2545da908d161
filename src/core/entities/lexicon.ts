import type { Candidate, NameType } from './candidate.ts';

/**
 * A word list for unspaced scripts, matched longest first. Words are indexed by their first two
 * characters, so a position that starts no word costs one Map lookup.
 */
export class Lexicon {
  private readonly words = new Map<string, NameType>();
  private readonly longest = new Map<string, number>();

  add(word: string, type: NameType): void {
    if (word.length < 2 || this.words.has(word)) return;
    this.words.set(word, type);
    const key = word.slice(0, 2);
    if ((this.longest.get(key) ?? 0) < word.length) this.longest.set(key, word.length);
  }

  addAll(list: string, type: NameType): void {
    if (!list) return;
    for (const w of list.split('|')) this.add(w, type);
  }

  get(word: string): NameType | undefined {
    return this.words.get(word);
  }

  /** The longest word starting at `at`, if any. */
  matchAt(text: string, at: number): { end: number; type: NameType } | null {
    const max = this.longest.get(text.slice(at, at + 2));
    if (!max) return null;
    for (let len = Math.min(max, text.length - at); len >= 2; len--) {
      const type = this.words.get(text.slice(at, at + len));
      if (type) return { end: at + len, type };
    }
    return null;
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
