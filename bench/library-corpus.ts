import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import '../src/core/entities/model/all-packs.ts';
import { runPipeline } from '../src/core/pipeline.ts';
import { decodeHtml } from '../src/cli/decode.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import type { Article, Entity } from '../src/core/types.ts';

// The pages behind bench:library: the dev sets' pages (zyte-dev, trafilatura-dev, cjk-dev)
// through the real pipeline, for realistic text, html and entities. Cached page by page in
// .bench-cache/library-corpus/ (never committed: cjk-dev is held-out data), so a long build can
// be interrupted and resumed, and a larger SIFT_BENCH_PAGES only processes the pages not yet seen.
// Build it ahead (low priority on a shared machine): nice -n 15 npx tsx bench/library-corpus.ts.
// SIFT_BENCH_CORPUS=FILE.json uses a fixed list of pages instead.

export const BENCH_DATA = process.env.SIFT_BENCH_DATA ?? resolve(import.meta.dirname, '..', '..', 'shared', 'bench');
const CACHE_DIR = resolve(import.meta.dirname, '..', '.bench-cache', 'library-corpus');
const SETS = ['zyte-dev', 'trafilatura-dev', 'cjk-dev'];
const SAVE_EVERY = 10;

export interface CorpusPage {
  set: string;
  id: string;
  article: Article;
  entities: Entity[];
  /** Extraction + entity time in Node (jsdom), for context. */
  ms: number;
}

/** A processed page, or why it was left out (not an article, too short, an error). */
type Cached = CorpusPage | { set: string; id: string; skip: string };

function readCache(set: string): Record<string, Cached> {
  const file = join(CACHE_DIR, `${set}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Cached>) : {};
}

function writeCache(set: string, cache: Record<string, Cached>): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${set}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(cache));
  renameSync(`${file}.tmp`, file);
}

async function processPage(set: string, dir: string, file: string, truth: Record<string, { url?: string; host?: string }>): Promise<Cached> {
  const id = file.replace(/\.html\.gz$/, '');
  const t = truth[id] ?? {};
  const url = t.url || `https://${t.host || `${set}.invalid`}/${id}.html`;
  try {
    const html = decodeHtml(gunzipSync(readFileSync(join(dir, 'html', file)))).text;
    const doc = parseHtml(html, url);
    const t0 = performance.now();
    const res = runPipeline(doc, { url, force: true });
    const ms = performance.now() - t0;
    await releaseDocument(doc);
    if (!res.ok || !res.article) return { set, id, skip: 'not an article' };
    if (res.article.text.length <= 200) return { set, id, skip: 'text under 200 characters' };
    return { set, id, article: res.article, entities: res.entities, ms };
  } catch (err) {
    return { set, id, skip: (err as Error).message };
  }
}

/** SIFT_BENCH_PAGES caps the pages per set (in file order); default: every page. */
export async function loadCorpus(log: (s: string) => void = () => {}, cap = Number(process.env.SIFT_BENCH_PAGES ?? Infinity)): Promise<CorpusPage[]> {
  // A fixed corpus (a JSON array of pages), e.g. to compare two builds on exactly the same library.
  if (process.env.SIFT_BENCH_CORPUS) return JSON.parse(readFileSync(process.env.SIFT_BENCH_CORPUS, 'utf8')) as CorpusPage[];
  const out: CorpusPage[] = [];
  for (const set of SETS) {
    const cache = readCache(set);
    const dir = join(BENCH_DATA, set);
    let files: string[];
    if (existsSync(join(dir, 'html'))) files = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).sort().slice(0, cap);
    else if (Object.keys(cache).length) files = Object.keys(cache).sort().slice(0, cap).map((id) => `${id}.html.gz`);
    else throw new Error(`No dev sets at ${BENCH_DATA} (set SIFT_BENCH_DATA)`);
    const truth = existsSync(join(dir, 'ground-truth.json'))
      ? (JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string; host?: string }>)
      : {};
    let fresh = 0;
    for (const [i, f] of files.entries()) {
      const id = f.replace(/\.html\.gz$/, '');
      let page = cache[id];
      if (!page) {
        page = cache[id] = await processPage(set, dir, f, truth);
        if (++fresh % SAVE_EVERY === 0) {
          writeCache(set, cache);
          log(`${set}: ${i + 1}/${files.length}`);
        }
      }
      if (!('skip' in page)) out.push(page);
    }
    if (fresh) writeCache(set, cache);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const pages = await loadCorpus((s) => process.stderr.write(`${s}\n`));
  const bySet = Object.fromEntries(SETS.map((s) => [s, pages.filter((p) => p.set === s).length]));
  console.log(JSON.stringify({ pages: pages.length, bySet, seconds: Math.round((performance.now() - t0) / 1000) }));
}
