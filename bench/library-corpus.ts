import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runPipeline } from '../src/core/pipeline.ts';
import { decodeHtml } from '../src/cli/decode.ts';
import { parseHtml } from '../src/cli/dom.ts';
import type { Article, Entity } from '../src/core/types.ts';

// The pages behind bench:library: every page of the dev sets (zyte-dev, trafilatura-dev,
// cjk-dev) through the real pipeline, for realistic text, html and entities. Cached in
// .bench-cache (never committed: cjk-dev is held-out data).

export const BENCH_DATA = process.env.SIFT_BENCH_DATA ?? resolve(import.meta.dirname, '..', '..', 'shared', 'bench');
const CACHE = resolve(import.meta.dirname, '..', '.bench-cache', 'library-corpus.json');
const SETS = ['zyte-dev', 'trafilatura-dev', 'cjk-dev'];

export interface CorpusPage {
  set: string;
  id: string;
  article: Article;
  entities: Entity[];
  /** Extraction + entity time in Node (jsdom), for context. */
  ms: number;
}

export function loadCorpus(log: (s: string) => void = () => {}): CorpusPage[] {
  if (existsSync(CACHE)) return JSON.parse(readFileSync(CACHE, 'utf8')) as CorpusPage[];
  if (!existsSync(BENCH_DATA)) throw new Error(`No dev sets at ${BENCH_DATA} (set SIFT_BENCH_DATA)`);
  const out: CorpusPage[] = [];
  for (const set of SETS) {
    const dir = join(BENCH_DATA, set);
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string; host?: string }>;
    // SIFT_BENCH_PAGES caps the pages per set (the full dev sets take a while through jsdom).
    const cap = Number(process.env.SIFT_BENCH_PAGES ?? Infinity);
    const files = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).sort().slice(0, cap);
    files.forEach((f, i) => {
      const id = f.replace(/\.html\.gz$/, '');
      const t = truth[id] ?? {};
      const url = t.url || `https://${t.host || `${set}.invalid`}/${id}.html`;
      try {
        const html = decodeHtml(gunzipSync(readFileSync(join(dir, 'html', f)))).text;
        const t0 = performance.now();
        const res = runPipeline(parseHtml(html, url), { url, force: true });
        const ms = performance.now() - t0;
        if (res.ok && res.article && res.article.text.length > 200) out.push({ set, id, article: res.article, entities: res.entities, ms });
      } catch (err) {
        log(`skip ${set}/${id}: ${(err as Error).message}`);
      }
      if (i % 10 === 0) log(`${set}: ${i}/${files.length} (${out.length} kept)`);
    });
  }
  mkdirSync(resolve(CACHE, '..'), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(out));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = loadCorpus((s) => process.stderr.write(`${s}\n`));
  console.log(JSON.stringify({ pages: pages.length }));
}
