// npm run bench:speed [-- --sets a,b] [--data DIR] [--limit N] [--entities] [--warmup N]
//
// Runs over the whole development pool by default (bench/lib/pool.ts), one ratio per set; --limit
// takes the same deterministic sample of each set as the other pool benches. The safety net is
// part of the timed pipeline (it runs plain Readability again on the pages it doubts).
//
// Times the full Sift pipeline without entity tagging (runPipeline(doc, {entities: false}):
// metadata, clone, pre-clean, Readability, post-clean, lead picture, text) against plain
// Readability on the same pages in one run, and prints the median milliseconds per page of each,
// the ratio of the medians and, on its last line, one JSON object.
//
// What is timed, fairly: each page is parsed once by jsdom (not timed); both sides start from
// that same freshly parsed Document. Plain Readability destroys the document it reads, so any
// real use (a reader view, a clipper) runs it on a clone: its time is cloneNode(true) + parse()
// with default options (HTML serialisation and textContent included). Sift's time is the whole
// runPipeline call, which makes its own clone. The two run back to back on each page, in
// alternating order (even pages Readability first, odd pages Sift first) so that caches and
// garbage collection do not favour one side; the first --warmup pages (default 3) are run but
// not counted, so JIT compilation does not land on either side's first pages.
//
// --entities also times findEntities (engineer B's layers) on each page's Sift article, and
// reports their median as a ratio of plain Readability's median (issue 4 asks for that figure).
import { Readability } from '@mozilla/readability';
import { runPipeline } from '../src/core/pipeline.ts';
import { extractArticle } from '../src/core/extract/index.ts';
import '../src/core/entities/model/all-packs.ts';
import { findEntities } from '../src/core/entities/index.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { pageHtml, pageUrl, type Dataset } from './lib/dataset.ts';
import { loadPool } from './lib/pool.ts';
import { median, quantile } from './lib/timer.ts';

const { opts } = parseArgs(process.argv.slice(2), ['entities', 'net-count']);
const warmup = Number(opts.get('warmup') ?? 3);
const withEntities = opts.has('entities');

let rb: number[] = [];
let sift: number[] = [];
let ent: number[] = [];
let perPage: number[] = [];
let fired = 0;

// Cloning the page throws on a few pages (jsdom rejects an attribute name it copies); such
// a page has no baseline to compare with, so it is left out of both sides and counted.
let readabilityThrew = 0;

function timeReadability(doc: Document): number | null {
  const t0 = performance.now();
  try {
    const clone = doc.cloneNode(true) as Document;
    new Readability(clone).parse();
  } catch {
    return null;
  }
  return performance.now() - t0;
}

function timeSift(doc: Document, url: string): { ms: number; entMs: number | null } {
  const t0 = performance.now();
  const out = runPipeline(doc, { url, entities: false });
  const ms = performance.now() - t0;
  if (out.ok && netFired(doc, url)) fired++;
  let entMs: number | null = null;
  if (withEntities && out.ok && out.article) {
    const t1 = performance.now();
    findEntities({ doc, article: out.article });
    entMs = performance.now() - t1;
  }
  return { ms, entMs };
}

// --net-count: whether the net fired on each page, from a second, untimed run (the quality bench
// reports the same from its own run).
function netFired(doc: Document, url: string): boolean {
  return countNet ? extractArticle(doc, { url }).net?.fired === true : false;
}
const countNet = opts.has('net-count');

async function runSet(ds: Dataset): Promise<Record<string, unknown>> {
rb = [];
sift = [];
ent = [];
perPage = [];
fired = 0;
readabilityThrew = 0;
const pages = ds.pages;
for (let i = 0; i < pages.length + warmup; i++) {
  const page = pages[i < warmup ? i % pages.length : i - warmup]!;
  const url = pageUrl(page);
  const doc = parseHtml(pageHtml(ds, page), url);
  let a: number | null;
  let b: { ms: number; entMs: number | null };
  if (i % 2 === 0) {
    a = timeReadability(doc);
    b = timeSift(doc, url);
  } else {
    b = timeSift(doc, url);
    a = timeReadability(doc);
  }
  await releaseDocument(doc);
  if (i < warmup) continue;
  if (a === null) {
    readabilityThrew++;
    continue;
  }
  rb.push(a);
  sift.push(b.ms);
  perPage.push(b.ms / a);
  if (b.entMs !== null) ent.push(b.entMs);
  if ((i - warmup + 1) % 50 === 0) process.stderr.write(`${i - warmup + 1}/${pages.length}\n`);
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const mRb = median(rb);
const mSift = median(sift);
console.log(`dataset ${ds.name}: ${rb.length} pages (after ${warmup} warm-up; ${readabilityThrew} left out: cloning for plain Readability threw)`);
console.log(`plain Readability (clone + parse)   median ${mRb.toFixed(1)} ms   p90 ${quantile(rb, 0.9).toFixed(1)} ms`);
console.log(`Sift pipeline, no entities          median ${mSift.toFixed(1)} ms   p90 ${quantile(sift, 0.9).toFixed(1)} ms`);
console.log(`ratio of medians ${(mSift / mRb).toFixed(3)}   median of per-page ratios ${median(perPage).toFixed(3)}`);
const result: Record<string, unknown> = {
  dataset: ds.name,
  pages: rb.length,
  readabilityThrew,
  readabilityMedianMs: r2(mRb),
  siftMedianMs: r2(mSift),
  ratio: r3(mSift / mRb),
  perPageRatioMedian: r3(median(perPage)),
};
if (countNet) {
  result.netFired = fired;
  console.log(`safety net fired on ${fired} of ${rb.length} pages`);
}
if (withEntities) {
  const mEnt = median(ent);
  console.log(`entity layers (findEntities)        median ${mEnt.toFixed(1)} ms   = ${(mEnt / mRb).toFixed(3)} x plain Readability`);
  result.entitiesMedianMs = r2(mEnt);
  result.entitiesRatio = r3(mEnt / mRb);
}
return result;
}

const all: Record<string, unknown> = {};
for (const ds of loadPool(opts)) all[ds.name] = await runSet(ds);
console.log(JSON.stringify({ bench: 'speed', sets: all }));
