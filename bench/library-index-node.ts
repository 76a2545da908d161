import MiniSearch from 'minisearch';
import { SearchIndex, type IndexDoc } from '../src/core/search/search-index.ts';
import { tokenize } from '../src/core/search/tokenize.ts';
import { indexDoc } from '../src/core/search/index-doc.ts';
import { makeClipping } from '../src/core/clipping.ts';
import { loadCorpus } from './library-corpus.ts';
import { cjkQueries, latinQueries } from './library-queries.ts';

// Why Sift's own compact index and not MiniSearch: both built in Node over the same documents
// with the same tokens (CJK bigrams, folded words), measured in one run. Needs --expose-gc:
// NODE_OPTIONS=--expose-gc npx tsx bench/library-index-node.ts [DOCS]

const N = Number(process.argv[2] ?? 2000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with NODE_OPTIONS=--expose-gc');
const heap = () => {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const corpus = await loadCorpus();
const docs: IndexDoc[] = Array.from({ length: N }, (_, i) => {
  const p = corpus[i % corpus.length]!;
  return indexDoc(makeClipping(`doc-${String(i).padStart(6, '0')}`, p.article, p.entities));
});
const queries = [...latinQueries(corpus, 40), ...cjkQueries(corpus, 40)];

function measure(name: string, build: () => { search: (q: string) => unknown[]; keep: unknown; size?: () => number }) {
  const h0 = heap();
  const t0 = performance.now();
  const built = build();
  const buildMs = performance.now() - t0;
  const heapMb = heap() - h0;
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const s = performance.now();
    hits += built.search(query).length;
    times.push(performance.now() - s);
  }
  return { name, docs: N, buildMs: Math.round(buildMs), heapMb: Math.round(heapMb), searchP50Ms: +q(times, 0.5).toFixed(2), searchP95Ms: +q(times, 0.95).toFixed(2), hits, snapshotMb: built.size ? +built.size().toFixed(1) : undefined, keep: typeof built.keep };
}

const ours = measure('sift SearchIndex', () => {
  const index = new SearchIndex();
  for (const d of docs) index.add(d);
  return {
    search: (s) => index.search(s),
    keep: index,
    size: () => {
      const snap = index.snapshot();
      return (snap.postings.byteLength + snap.terms.length * 2 + snap.counts.byteLength) / 2 ** 20;
    },
  };
});
const mini = measure('MiniSearch 7.2', () => {
  const ms = new MiniSearch<IndexDoc>({
    fields: ['title', 'text', 'entities', 'meta'],
    extractField: (d, f) => {
      const v = d[f as keyof IndexDoc];
      return Array.isArray(v) ? v.join(' ') : String(v);
    },
    tokenize: (s) => tokenize(s),
    processTerm: (t) => t,
    searchOptions: { combineWith: 'AND', boost: { title: 8, entities: 4, meta: 2 }, tokenize: (s) => tokenize(s), processTerm: (t) => t },
  });
  ms.addAll(docs);
  return { search: (s) => ms.search(s), keep: ms, size: () => JSON.stringify(ms).length * 2 / 2 ** 20 };
});
console.log(JSON.stringify({ ours, mini, heapRatio: +(mini.heapMb / Math.max(1, ours.heapMb)).toFixed(1), buildRatio: +(mini.buildMs / Math.max(1, ours.buildMs)).toFixed(1) }));
