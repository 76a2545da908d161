// npm run bench:quality -- --data DIR [--limit N] [--only id,id] [--json FILE] [--dump DIR] [--no-cache]
//
// Scores Sift (extractArticle(...).article.text: the body, a line break between blocks) and plain
// Readability (new Readability(doc).parse().textContent, jsdom, as ../shared/bench/README.md
// defines it) on a dataset in the ../shared/bench format, with the dataset's metric (shingles or
// snippets, see bench/lib/metrics.ts). Prints both side by side, the pages where Sift scores lower
// than plain Readability, and, on its last line, one JSON object with the figures.
// --json FILE saves per-page scores; --dump DIR writes <id>.{sift,readability,truth}.txt to diff.
// --with-title scores Sift's title line followed by the text (an analysis aid: the product's
// text never repeats the title, which the reader shows on its own).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/core/extract/index.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs, fail } from '../src/cli/args.ts';
import { loadDataset, pageHtml, pageUrl, type Page } from './lib/dataset.ts';
import { BaselineCache, plainReadability } from './lib/baseline.ts';
import {
  aggregateShingles,
  aggregateSnippets,
  scoreShingles,
  scoreSnippets,
  type Corpus,
  type PageScore,
  type Snippets,
} from './lib/metrics.ts';

const { opts } = parseArgs(process.argv.slice(2), ['no-cache', 'with-title']);
const withTitle = opts.has('with-title');
const dir = opts.get('data') ?? fail('usage: npm run bench:quality -- --data DIR [--limit N] [--only ids] [--json FILE] [--dump DIR]');
const ds = loadDataset(dir, opts.has('limit') ? Number(opts.get('limit')) : undefined);
const only = opts.get('only')?.split(',');
const pages = only ? ds.pages.filter((p) => only.some((o) => p.id.startsWith(o))) : ds.pages;
const cache = new BaselineCache(ds.dir, !opts.has('no-cache'));
const dump = opts.get('dump');
if (dump) mkdirSync(dump, { recursive: true });

const score = (page: Page, text: string): PageScore =>
  ds.metric === 'snippets' ? scoreSnippets(page.truth as Snippets, text) : scoreShingles(page.truth as string, text, ds.tokenizer);
const aggregate = (s: PageScore[]): Corpus => (ds.metric === 'snippets' ? aggregateSnippets(s) : aggregateShingles(s));

interface Row {
  id: string;
  url: string;
  sift: PageScore;
  readability: PageScore;
  error?: string;
}

const rows: Row[] = [];
for (const [i, page] of pages.entries()) {
  const html = pageHtml(ds, page);
  const url = pageUrl(page);
  const doc = parseHtml(html, url);
  let base = cache.get(page.id);
  if (base === undefined) {
    base = plainReadability(doc.cloneNode(true) as Document);
    cache.set(page.id, base);
  }
  let text = '';
  let error: string | undefined;
  try {
    const article = extractArticle(doc, { url, force: true }).article;
    text = article ? (withTitle && article.title ? `${article.title}\n${article.text}` : article.text) : '';
  } catch (err) {
    error = String((err as Error).stack ?? err);
    process.stderr.write(`${page.id}: ${error}\n`);
  }
  await releaseDocument(doc);
  rows.push({ id: page.id, url: page.url, sift: score(page, text), readability: score(page, base), error });
  if (dump) {
    writeFileSync(join(dump, `${page.id}.sift.txt`), text);
    writeFileSync(join(dump, `${page.id}.readability.txt`), base);
    const truth = typeof page.truth === 'string' ? page.truth : `WITH:\n${page.truth.with.join('\n')}\nWITHOUT:\n${page.truth.without.join('\n')}`;
    writeFileSync(join(dump, `${page.id}.truth.txt`), truth);
  }
  if ((i + 1) % 50 === 0) process.stderr.write(`${i + 1}/${pages.length}\n`);
}
cache.save();

const sift = aggregate(rows.map((r) => r.sift));
const readability = aggregate(rows.map((r) => r.readability));
const fmt = (x: number): string => x.toFixed(3);
const worse = rows
  .map((r) => ({ id: r.id, url: r.url, sift: r.sift.f1, readability: r.readability.f1, delta: r.sift.f1 - r.readability.f1 }))
  .filter((r) => r.delta < -1e-9)
  .sort((a, b) => a.delta - b.delta);

console.log(`dataset ${ds.name}: ${rows.length} pages, metric ${ds.metric}${ds.metric === 'shingles' ? ` (tokenizer ${ds.tokenizer})` : ''}`);
console.log('extractor      F1     P      R');
console.log(`sift           ${fmt(sift.f1)}  ${fmt(sift.precision)}  ${fmt(sift.recall)}`);
console.log(`readability    ${fmt(readability.f1)}  ${fmt(readability.precision)}  ${fmt(readability.recall)}`);
console.log(`\npages where Sift scores lower than plain Readability (page F1): ${worse.length}`);
for (const w of worse) console.log(`  ${w.id.slice(0, 16)}  sift ${fmt(w.sift)}  readability ${fmt(w.readability)}  ${fmt(w.delta)}  ${w.url}`);
const errors = rows.filter((r) => r.error).length;
if (errors) console.log(`\n${errors} pages threw (see stderr)`);

if (opts.has('json')) writeFileSync(opts.get('json')!, JSON.stringify(rows, null, 1));
const round = (c: Corpus) => ({ f1: +c.f1.toFixed(4), precision: +c.precision.toFixed(4), recall: +c.recall.toFixed(4) });
console.log(
  JSON.stringify({
    bench: 'quality',
    dataset: ds.name,
    pages: rows.length,
    metric: ds.metric,
    withTitle,
    sift: round(sift),
    readability: round(readability),
    worsePages: worse.length,
    worseByMoreThan010: worse.filter((w) => w.delta < -0.1).length,
    errors,
  }),
);
