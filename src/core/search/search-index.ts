import { queryTerms, tokenize, TOKENIZER_VERSION, type QueryTerm } from './tokenize.ts';

// A compact inverted index for the library. Why not MiniSearch: it keeps one Map per term and
// field with one entry per document, about 100 bytes a posting; a library of 10,000 articles
// has millions of postings (CJK bigrams especially), which is hundreds of megabytes and many
// seconds to rebuild at every page load. Here a posting is one 32-bit number (document number
// and the fields it occurs in), the frozen part lives in one Uint32Array that is stored in
// IndexedDB as is, and the library loads it instead of re-reading every text (see notes/library.md).

/** Which fields a term occurs in (a bit each), and what each is worth in ranking. */
export const FIELD = { text: 1, meta: 2, entity: 4, title: 8 } as const;
const FIELD_BITS = 4;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
const WEIGHT = [0, 1, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 8, 8, 8, 8];
/** At most this many index terms stand for one prefix or one single CJK character. */
const MAX_EXPANSIONS = 200;

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
  /** term -> its number; frozen postings at [starts[n], starts[n] + counts[n]). */
  private termNo = new Map<string, number>();
  private termList: string[] = [];
  /** termList sorted, for prefix lookups; rebuilt when terms were added. */
  private view: string[] | null = null;
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

  add(doc: IndexDoc): void {
    this.remove(doc.id);
    const docNo = this.ids.length;
    if (docNo >= 2 ** (32 - FIELD_BITS)) throw new Error('Search index full');
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
      let n = this.termNo.get(term);
      if (n === undefined) {
        n = this.termList.length;
        this.termList.push(term);
        this.termNo.set(term, n);
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
    const start = this.starts[n];
    if (start !== undefined) {
      const end = start + this.counts[n]!;
      for (let i = start; i < end; i++) fn(this.frozen[i]!);
    }
    const more = this.added.get(n);
    if (more) for (const p of more) fn(p);
  }

  /** Index terms a query term stands for. */
  private expand(q: QueryTerm): number[] {
    if (!q.prefix && !q.contains) {
      const n = this.termNo.get(q.token);
      return n === undefined ? [] : [n];
    }
    const out: number[] = [];
    if (q.contains) {
      for (const [term, n] of this.termNo) {
        if (term.includes(q.token)) out.push(n);
        if (out.length >= MAX_EXPANSIONS) break;
      }
      return out;
    }
    const terms = this.sortedView();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < q.token) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && terms[i]!.startsWith(q.token) && out.length < MAX_EXPANSIONS; i++) {
      out.push(this.termNo.get(terms[i]!)!);
    }
    return out;
  }

  private sortedView(): string[] {
    if (!this.view || this.view.length !== this.termList.length) this.view = [...this.termList].sort();
    return this.view;
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
    const out: SearchHit[] = [];
    for (let d = 0; d < nDocs; d++) {
      if (hits[d] === terms.length && this.ids[d]) out.push({ id: this.ids[d]!, score: score[d]! });
    }
    out.sort((a, b) => b.score - a.score);
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
    const terms = this.sortedView();
    const counts = new Uint32Array(terms.length);
    const parts: number[][] = [];
    let total = 0;
    const kept: string[] = [];
    for (const term of terms) {
      const list: number[] = [];
      this.forEachPosting(this.termNo.get(term)!, (p) => {
        const d = remap[p >>> FIELD_BITS]!;
        if (d >= 0) list.push((d << FIELD_BITS) | (p & FIELD_MASK));
      });
      if (list.length === 0) continue;
      counts[kept.length] = list.length;
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
    return { tokenizer: TOKENIZER_VERSION, ids, stamps, terms: kept.join('\u0000'), counts: counts.slice(0, kept.length), postings };
  }

  static fromSnapshot(s: IndexSnapshot): SearchIndex | null {
    if (!s || s.tokenizer !== TOKENIZER_VERSION) return null;
    const index = new SearchIndex();
    index.ids = s.ids.slice();
    index.stamps = s.stamps.slice();
    s.ids.forEach((id, d) => index.byId.set(id, d));
    index.termList = s.terms ? s.terms.split('\u0000') : [];
    index.termList.forEach((t, n) => index.termNo.set(t, n));
    index.view = index.termList.slice();
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
