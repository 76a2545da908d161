// npm run bench:quality [-- --sets a,b] [--limit N] [--data DIR] [--only id,id] [--json FILE] [--dump DIR] [--no-cache] [--with-title]
//
// Scores Sift (extractArticle(...).article.text: the body, a line break between blocks) and plain
// Readability (new Readability(doc).parse().textContent, jsdom, as ../shared/bench/README.md
// defines it) on the whole development pool (bench/lib/pool.ts: all five sets by default), each
// set with its own metric (shingles or snippets, see bench/lib/metrics.ts). Per set: both side by
// side, the pages more than 0.10 F1 below Readability, the pages where Sift is empty and
// Readability is not, the pages that throw, and how often the safety net fired and whose text it
// kept. The last line is one JSON object with every set.
// --json FILE saves per-page rows (scores, net report); --dump DIR writes
// <set>/<id>.{sift,readability,truth}.txt to diff; --with-title scores Sift's title line followed
// by the text (an analysis aid: the product's text never repeats the title).
// Plain Readability's texts depend only on the page and its version and are cached in
// .bench-cache/ (--no-cache recomputes them in this run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type NetReport } from '../src/core/extract/index.ts';
import { lineCount, visibleChars } from '../src/core/extract/safety-net.ts';
import type { Article } from '../src/core/types.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { pageHtml, pageUrl, scorePage, type Dataset, type Page } from './lib/dataset.ts';
import { loadPool } from './lib/pool.ts';
import { BaselineCache } from './lib/baseline.ts';
import { aggregateShingles, aggregateSnippets, type Corpus, type PageScore } from './lib/metrics.ts';
import { disableRules, enableAllRules } from '../src/core/extract/rules.ts';

const { opts } = parseArgs(process.argv.slice(2), ['no-cache', 'with-title']);
const withTitle = opts.has('with-title');
const only = opts.get('only')?.split(',');
const dump = opts.get('dump');
const off = opts.get('off')?.split(',') ?? [];
if (off.length) disableRules(off);

export interface Row {
  set: string;
  id: string;
  url: string;
  sift: PageScore;
  /** Our own layers' text without the safety net (differs only where the net kept Readability's). */
  noNet: PageScore;
  readability: PageScore;
  siftEmpty: boolean;
  readabilityEmpty: boolean;
  /** Characters (no whitespace) of our layers' text without the net, and of plain Readability's (bench/tune-net.ts). */
  noNetChars: number;
  /** Its non-empty lines (rows of runs before this field existed lack it). */
  noNetLines?: number;
  readabilityChars: number;
  net?: NetReport;
  error?: string;
}

const hasText = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

async function runSet(ds: Dataset): Promise<Row[]> {
  const pages = only ? ds.pages.filter((p) => only.some((o) => p.id.startsWith(o))) : ds.pages;
  const cache = new BaselineCache(ds.dir, !opts.has('no-cache'));
  const score = (page: Page, text: string): PageScore => scorePage(ds, page, text);
  if (dump) mkdirSync(join(dump, ds.name), { recursive: true });
  const rows: Row[] = [];
  for (const [i, page] of pages.entries()) {
    const url = pageUrl(page);
    const doc = parseHtml(pageHtml(ds, page), url);
    const base = cache.textOf(page.id, doc);
    let text = '';
    let error: string | undefined;
    let net: NetReport | undefined;
    let noNetText: string | null = null;
    const asText = (article: Article | null): string => (article ? (withTitle && article.title ? `${article.title}\n${article.text}` : article.text) : '');
    try {
      const out = extractArticle(doc, { url, force: true });
      net = out.net;
      text = asText(out.article);
      if (net?.chose === 'readability') {
        // What our layers alone gave, to measure what the net is worth (same run, same page).
        disableRules(['safety-net']);
        try {
          noNetText = asText(extractArticle(doc, { url, force: true }).article);
        } finally {
          enableAllRules();
          if (off.length) disableRules(off);
        }
      }
    } catch (err) {
      error = String((err as Error).stack ?? err);
      process.stderr.write(`${ds.name} ${page.id}: ${error}\n`);
    }
    await releaseDocument(doc);
    rows.push({
      set: ds.name, id: page.id, url: page.url, sift: score(page, text), noNet: noNetText === null ? score(page, text) : score(page, noNetText), readability: score(page, base),
      siftEmpty: !hasText(text), readabilityEmpty: !hasText(base), net, error,
      noNetChars: visibleChars(noNetText ?? text), noNetLines: lineCount(noNetText ?? text), readabilityChars: visibleChars(base),
    });
    if (dump) {
      writeFileSync(join(dump, ds.name, `${page.id}.sift.txt`), text);
      writeFileSync(join(dump, ds.name, `${page.id}.readability.txt`), base);
      const truth = typeof page.truth === 'string' ? page.truth : `WITH:\n${page.truth.with.join('\n')}\nWITHOUT:\n${page.truth.without.join('\n')}`;
      writeFileSync(join(dump, ds.name, `${page.id}.truth.txt`), truth);
    }
    if ((i + 1) % 100 === 0) process.stderr.write(`${ds.name} ${i + 1}/${pages.length}\n`);
  }
  cache.save();
  return rows;
}

const fmt = (x: number): string => x.toFixed(3);
const round = (c: Corpus) => ({ f1: +c.f1.toFixed(4), precision: +c.precision.toFixed(4), recall: +c.recall.toFixed(4) });

export function summarise(ds: Pick<Dataset, 'metric'>, rows: Row[]) {
  const aggregate = (s: PageScore[]): Corpus => (ds.metric === 'snippets' ? aggregateSnippets(s) : aggregateShingles(s));
  const sift = aggregate(rows.map((r) => r.sift));
  const noNet = aggregate(rows.map((r) => r.noNet));
  const readability = aggregate(rows.map((r) => r.readability));
  const worse = rows.filter((r) => r.sift.f1 - r.readability.f1 < -1e-9);
  return {
    pages: rows.length,
    sift: round(sift),
    siftWithoutNet: round(noNet),
    readability: round(readability),
    worseBy010WithoutNet: rows.filter((r) => r.noNet.f1 - r.readability.f1 < -0.1).length,
    worsePages: worse.length,
    worseBy010: worse.filter((r) => r.sift.f1 - r.readability.f1 < -0.1).length,
    emptyWhereReadabilityNot: rows.filter((r) => r.siftEmpty && !r.readabilityEmpty).length,
    throws: rows.filter((r) => r.error).length,
    netFired: rows.filter((r) => r.net?.fired).length,
    netChoseReadability: rows.filter((r) => r.net?.chose === 'readability').length,
    ourLayersThrew: rows.filter((r) => r.net?.error).length,
  };
}

const results: Record<string, unknown> = {};
const allRows: Row[] = [];
for (const ds of loadPool(opts)) {
  const rows = await runSet(ds);
  allRows.push(...rows);
  const s = summarise(ds, rows);
  results[ds.name] = { metric: ds.metric, ...s };
  console.log(`\n${ds.name}: ${s.pages} pages, metric ${ds.metric}${ds.metric === 'shingles' ? ` (tokenizer ${ds.tokenizer})` : ''}`);
  console.log('extractor      F1     P      R');
  console.log(`sift           ${fmt(s.sift.f1)}  ${fmt(s.sift.precision)}  ${fmt(s.sift.recall)}`);
  console.log(`sift, no net   ${fmt(s.siftWithoutNet.f1)}  ${fmt(s.siftWithoutNet.precision)}  ${fmt(s.siftWithoutNet.recall)}`);
  console.log(`readability    ${fmt(s.readability.f1)}  ${fmt(s.readability.precision)}  ${fmt(s.readability.recall)}`);
  console.log(
    `pages below Readability: ${s.worsePages}, by more than 0.10 F1: ${s.worseBy010}; Sift empty where Readability is not: ${s.emptyWhereReadabilityNot}; ` +
      `throws: ${s.throws}; safety net fired on ${s.netFired} (kept Readability's text on ${s.netChoseReadability}; our layers threw on ${s.ourLayersThrew})`,
  );
  const bad = rows.filter((r) => r.sift.f1 - r.readability.f1 < -0.1).sort((a, b) => a.sift.f1 - a.readability.f1 - (b.sift.f1 - b.readability.f1));
  for (const r of bad) console.log(`  ${r.id.slice(0, 16)}  sift ${fmt(r.sift.f1)}  readability ${fmt(r.readability.f1)}  ${r.url}`);
  // Written after each set, so a long pool run can be read while it goes on.
  if (opts.has('json')) writeFileSync(opts.get('json')!, JSON.stringify(allRows, null, 1));
}
console.log(JSON.stringify({ bench: 'quality', withTitle, sets: results }));
