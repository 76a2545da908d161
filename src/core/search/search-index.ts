import { queryTerms, tokenize, TOKENIZER_VERSION, type QueryTerm } from './tokenize.ts';

// A compact inverted index for the library. Why not MiniSearch: it keeps one Map per term and
// field with an entry per document. Measured over the same 2,000 clippings and the same tokens
// (bench/library-index-node.ts): MiniSearch 45 s to build, 75 MB heap, 20 MB serialised; this
// index 3.2 s, 28 MB, 4.7 MB. A posting here is one 32-bit number (document number and the fields
// it occurs in); the frozen part lives in one Uint32Array that is stored in IndexedDB as is, and
// the library loads it instead of re-reading every text (see notes/library.md).

/** Which fields a term occurs in (a bit each), and what each is worth in ranking. */
export const FIELD = { text: 1, meta: 2, entity: 4, title: 8 } as const;
const FIELD_BITS = 4;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
const WEIGHT = [0, 1, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 8, 8, 8, 8];
/** At most this many index terms stand for one prefix or one single CJK character. */
const MAX_EXPANSIONS = 200;
/** Ranking keys: score × 1024 (capped) × DOC_SPAN + document number, exact in a double (< 2^53). */
const DOC_SPAN = 2 ** (32 - FIELD_BITS);
const SCORE_MAX = 2 ** 24;

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface IndexDoc {
  id: string;
  /** Changes whenever the clipping does; a stale entry is re-indexed. */
  updatedAt: string;
  title: string;
  text: string;
  /** Entity names and aliases. */
  entities: string[];
  /** Site, byline, tags and note. */
  meta: string[];
}

export interface SearchHit {
  id: string;
  score: number;
}

/** What is stored in IndexedDB: plain arrays and one typed array, structured-clone friendly. */
export interface IndexSnapshot {
  tokenizer: number;
  ids: string[];
  stamps: string[];
  /** Terms in sorted order, joined by \u0000. */
  terms: string;
  /** Postings per term, in the same order. */
  counts: Uint32Array;
  postings: Uint32Array;
}

export class SearchIndex {
  /** docNo -> id; '' once deleted (postings are dropped at the next snapshot). */
  private ids: string[] = [];
  private stamps: string[] = [];
  private byId = new Map<string, number>();
  /**
   * Terms. Those of the loaded snapshot are stored sorted, so a term's number is its place in
   * `baseTerms` (found by binary search: no Map of a million entries to build at each page load,
   * and prefixes are ranges of it). Terms added since get the next numbers, in `addedNo`, and a
   * sorted list of their own for prefixes (re-sorting a million terms after each save would cost
   * a second at the next search; the added ones are few).
   */
  private baseTerms: string[] = [];
  private addedNo = new Map<string, number>();
  private addedTerms: string[] = [];
  private addedSorted: string[] | null = null;
  /** Frozen postings of base term n at [starts[n], starts[n] + counts[n]). */
  private starts: Uint32Array = new Uint32Array(0);
  private counts: Uint32Array = new Uint32Array(0);
  private frozen: Uint32Array = new Uint32Array(0);
  /** Postings added since the snapshot, by term number. */
  private added = new Map<number, number[]>();

  get size(): number {
    return this.byId.size;
  }

  stampOf(id: string): string | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.stamps[n];
  }

  /** Ids held, for reconciling with the store. */
  idList(): string[] {
    return [...this.byId.keys()];
  }

  private termNo(term: string): number | undefined {
    const n = this.addedNo.get(term);
    if (n !== undefined || this.baseTerms.length === 0) return n;
    const i = lowerBound(this.baseTerms, term);
    return this.baseTerms[i] === term ? i : undefined;
  }

  /** Index a document (again, if its id is held: the old entry is dropped). */
  add(doc: IndexDoc): void {
    this.remove(doc.id);
    const docNo = this.ids.length;
    if (docNo >= DOC_SPAN) throw new Error('Search index full');
    this.ids.push(doc.id);
    this.stamps.push(doc.updatedAt);
    this.byId.set(doc.id, docNo);
    const masks = new Map<string, number>();
    const put = (text: string, bit: number) => {
      for (const t of tokenize(text)) masks.set(t, (masks.get(t) ?? 0) | bit);
    };
    put(doc.title, FIELD.title);
    put(doc.text, FIELD.text);
    for (const e of doc.entities) put(e, FIELD.entity);
    for (const m of doc.meta) put(m, FIELD.meta);
    for (const [term, mask] of masks) {
      let n = this.termNo(term);
      if (n === undefined) {
        n = this.baseTerms.length + this.addedTerms.length;
        this.addedNo.set(term, n);
        this.addedTerms.push(term);
        this.addedSorted = null;
      }
      let list = this.added.get(n);
      if (!list) this.added.set(n, (list = []));
      list.push((docNo << FIELD_BITS) | mask);
    }
  }

  remove(id: string): boolean {
    const n = this.byId.get(id);
    if (n === undefined) return false;
    this.ids[n] = '';
    this.byId.delete(id);
    return true;
  }

  private forEachPosting(n: number, fn: (p: number) => void): void {
    if (n < this.counts.length) {
      const start = this.starts[n]!;
      const end = start + this.counts[n]!;
      for (let i = start; i < end; i++) fn(this.frozen[i]!);
    }
    const more = this.added.get(n);
    if (more) for (const p of more) fn(p);
  }

  private sortedAdded(): string[] {
    return (this.addedSorted ??= [...this.addedTerms].sort());
  }

  /** Index terms a query term stands for. */
  private expand(q: QueryTerm): number[] {
    if (!q.prefix && !q.contains) {
      const n = this.termNo(q.token);
      return n === undefined ? [] : [n];
    }
    const out: number[] = [];
    // Terms that start with it: a range of each sorted list.
    for (const terms of [this.baseTerms, this.sortedAdded()]) {
      for (let i = lowerBound(terms, q.token); i < terms.length && terms[i]!.startsWith(q.token) && out.length < MAX_EXPANSIONS; i++) {
        out.push(this.termNo(terms[i]!)!);
      }
    }
    // A single CJK character is also the second half of bigrams: those need a scan.
    if (q.contains) {
      for (const terms of [this.baseTerms, this.addedTerms]) {
        for (let i = 0; i < terms.length && out.length < MAX_EXPANSIONS; i++) {
          const term = terms[i]!;
          if (term.endsWith(q.token) && !term.startsWith(q.token)) out.push(this.termNo(term)!);
        }
      }
    }
    return out;
  }

  /**
   * Documents that match every term of the query, best first: each term adds its rarity (idf)
   * times the weight of the best field it occurs in (title > entities > site/tags/note > text).
   */
  search(query: string): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const nDocs = this.ids.length;
    const live = Math.max(1, this.byId.size);
    const score = new Float64Array(nDocs);
    const hits = new Uint16Array(nDocs);
    const seen = new Int32Array(nDocs).fill(-1);
    for (let ti = 0; ti < terms.length; ti++) {
      const expansions = this.expand(terms[ti]!);
      if (expansions.length === 0) return [];
      for (const n of expansions) {
        let df = 0;
        this.forEachPosting(n, () => df++);
        const idf = Math.log(1 + live / df);
        this.forEachPosting(n, (p) => {
          const d = p >>> FIELD_BITS;
          // Only documents that matched every earlier term can still match them all; a document
          // counts once per query term even when several expansions hold it.
          if (seen[d] === ti || hits[d] !== ti) return;
          seen[d] = ti;
          hits[d] = ti + 1;
          score[d] = score[d]! + WEIGHT[p & FIELD_MASK]! * idf;
        });
      }
    }
    // Rank with one native numeric sort instead of a comparator over objects (10,000 hits for a
    // common word): the key packs the score (to 1/1024) above the document number, so equal
    // scores put the later-indexed, i.e. newer, clipping first.
    let n = 0;
    for (let d = 0; d < nDocs; d++) if (hits[d] === terms.length && this.ids[d]) n++;
    const keys = new Float64Array(n);
    n = 0;
    for (let d = 0; d < nDocs; d++) {
      if (hits[d] === terms.length && this.ids[d]) keys[n++] = Math.min(SCORE_MAX, Math.round(score[d]! * 1024)) * DOC_SPAN + d;
    }
    keys.sort();
    const out: SearchHit[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const d = keys[n - 1 - i]! % DOC_SPAN;
      out[i] = { id: this.ids[d]!, score: score[d]! };
    }
    return out;
  }

  /** Compacted snapshot: deleted documents dropped, terms sorted, postings in one array. */
  snapshot(): IndexSnapshot {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const stamps: string[] = [];
    this.ids.forEach((id, d) => {
      if (!id) return;
      remap[d] = ids.length;
      ids.push(id);
      stamps.push(this.stamps[d]!);
    });
    // Every term in order: the base terms and the added ones, merged.
    const a = this.baseTerms;
    const b = this.sortedAdded();
    const kept: string[] = [];
    const countList: number[] = [];
    const parts: number[][] = [];
    let total = 0;
    for (let i = 0, j = 0; i < a.length || j < b.length; ) {
      const term = j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!;
      const list: number[] = [];
      this.forEachPosting(this.termNo(term)!, (p) => {
        const d = remap[p >>> FIELD_BITS]!;
        if (d >= 0) list.push((d << FIELD_BITS) | (p & FIELD_MASK));
      });
      if (list.length === 0) continue;
      countList.push(list.length);
      kept.push(term);
      parts.push(list);
      total += list.length;
    }
    const postings = new Uint32Array(total);
    let at = 0;
    for (const list of parts) {
      postings.set(list, at);
      at += list.length;
    }
    return { tokenizer: TOKENIZER_VERSION, ids, stamps, terms: kept.join('\u0000'), counts: Uint32Array.from(countList), postings };
  }

  static fromSnapshot(s: IndexSnapshot): SearchIndex | null {
    if (!s || s.tokenizer !== TOKENIZER_VERSION) return null;
    const index = new SearchIndex();
    index.ids = s.ids.slice();
    index.stamps = s.stamps.slice();
    s.ids.forEach((id, d) => index.byId.set(id, d));
    index.baseTerms = s.terms ? s.terms.split('\u0000') : [];
    index.counts = s.counts;
    index.frozen = s.postings;
    index.starts = new Uint32Array(s.counts.length);
    let at = 0;
    for (let n = 0; n < s.counts.length; n++) {
      index.starts[n] = at;
      at += s.counts[n]!;
    }
    return index;
  }
}
