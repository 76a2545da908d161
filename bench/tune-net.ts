// npx tsx bench/tune-net.ts [-- --sets a,b] [--limit N] [--features FILE] [--reuse]
//
// Tunes the safety net's thresholds (NET in src/core/extract/safety-net.ts) on the whole
// development pool, and validates the choice leave-one-set-out: for each set, the thresholds are
// chosen on the other four and then judged on the one left out, so a threshold that only suits
// one set's conventions shows up as a loss there.
//
// One pass over the pool records, per page, what the net decides from: our layers' text (the net
// off) with its probe, and the text plain Readability gives inside the net; both are scored. The
// net's decision (suspect + prefersPlain, the product's own functions) is then replayed offline
// for every point of a small grid. --features FILE keeps that pass (--reuse reads it back).
// --rows FILE instead reads the per-page rows of a bench:quality run (--json FILE): no second
// pass, with the benchmark's plain Readability standing in for the net's (the same algorithm and
// options; the net's copy only resolves lazy images and separates blocks, so the size is close).
//
// A choice is ranked by, in order: the worst set's share of pages more than 0.10 F1 below the
// benchmark's plain Readability, then pages where Sift is empty and Readability is not, then the
// mean F1 over the sets (to 0.001); today's thresholds stay unless a point beats them on these,
// and among such points the one that moves fewest thresholds, then fires least, wins (each firing
// runs Readability once more).
// The last line is one JSON object.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extractArticle } from '../src/core/extract/index.ts';
import { NET, plainReadability, prefersPlain, suspect, visibleChars, lineCount, countHeadings, type NetProbe, type NetThresholds } from '../src/core/extract/safety-net.ts';
import { disableRules, enableAllRules } from '../src/core/extract/rules.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { pageHtml, pageUrl, scorePage, type Dataset, type Page } from './lib/dataset.ts';
import { loadPool } from './lib/pool.ts';
import type { Row } from './quality.ts';
import { BaselineCache } from './lib/baseline.ts';
import { aggregateShingles, aggregateSnippets, type PageScore } from './lib/metrics.ts';

const { opts } = parseArgs(process.argv.slice(2), ['reuse']);

export interface PageFeatures {
  set: string;
  id: string;
  /** Our layers' result without the net. */
  ours: PageScore;
  oursChars: number;
  /** Non-empty lines (blocks) of our text. */
  oursLines: number;
  oursThrew: boolean;
  probe: NetProbe | null;
  /** Plain Readability as the net runs it (null: it found nothing or threw). */
  plain: PageScore | null;
  plainChars: number;
  plainHeadings: number;
  /** The benchmark's plain Readability (the yardstick of "more than 0.10 below"). */
  bench: PageScore;
  benchEmpty: boolean;
}

function fromQualityRow(r: Row): PageFeatures {
  return {
    set: r.set, id: r.id, ours: r.noNet, oursChars: r.noNetChars, oursLines: r.noNetLines ?? 1, oursThrew: Boolean(r.net?.error || r.error), probe: r.net?.probe ?? null,
    plain: r.readabilityEmpty ? null : r.readability, plainChars: r.readabilityChars, plainHeadings: 0, bench: r.readability, benchEmpty: r.readabilityEmpty,
  };
}

interface SetMeta {
  name: string;
  metric: Dataset['metric'];
}

const hasText = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

async function collect(ds: Dataset): Promise<PageFeatures[]> {
  const cache = new BaselineCache(ds.dir, true);
  const score = (page: Page, text: string): PageScore => scorePage(ds, page, text);
  const rows: PageFeatures[] = [];
  for (const [i, page] of ds.pages.entries()) {
    const url = pageUrl(page);
    const doc = parseHtml(pageHtml(ds, page), url);
    const base = cache.textOf(page.id, doc);
    disableRules(['safety-net']);
    let oursText = '';
    let probe: NetProbe | null = null;
    let threw = false;
    try {
      const out = extractArticle(doc, { url, force: true });
      oursText = out.article?.text ?? '';
      probe = out.net?.probe ?? null;
      threw = Boolean(out.net?.error);
    } catch {
      threw = true;
    } finally {
      enableAllRules();
    }
    let plain = null;
    try {
      plain = plainReadability(doc, { url }, false);
    } catch {
      plain = null;
    }
    rows.push({
      set: ds.name, id: page.id, ours: score(page, oursText), oursChars: visibleChars(oursText), oursLines: lineCount(oursText), oursThrew: threw, probe,
      plain: plain ? score(page, plain.text) : null, plainChars: plain ? visibleChars(plain.text) : 0, plainHeadings: plain ? countHeadings(plain.container) : 0,
      bench: score(page, base), benchEmpty: !hasText(base),
    });
    await releaseDocument(doc);
    if ((i + 1) % 100 === 0) process.stderr.write(`${ds.name} ${i + 1}/${ds.pages.length}\n`);
  }
  cache.save();
  return rows;
}

/** The net's decision for one page under thresholds t: whether it fires, and the score kept. */
export function replay(f: PageFeatures, t: NetThresholds): { fired: boolean; score: PageScore; chars: number } {
  const fired = f.oursThrew || (f.probe ? suspect(f.oursChars, f.probe, t, f.oursLines).length > 0 : f.oursChars === 0);
  if (fired && f.plain && prefersPlain(f.oursChars, f.plainChars, t)) return { fired, score: f.plain, chars: f.plainChars };
  return { fired, score: f.ours, chars: f.oursChars };
}

interface Outcome {
  f1: number;
  below: number;
  share: number;
  empty: number;
  fired: number;
  pages: number;
}

function judge(meta: SetMeta, rows: PageFeatures[], t: NetThresholds): Outcome {
  const kept = rows.map((r) => replay(r, t));
  const scores = kept.map((k) => k.score);
  const f1 = (meta.metric === 'snippets' ? aggregateSnippets(scores) : aggregateShingles(scores)).f1;
  const below = kept.filter((k, i) => k.score.f1 - rows[i]!.bench.f1 < -0.1).length;
  const empty = kept.filter((k, i) => k.chars === 0 && !rows[i]!.benchEmpty).length;
  return { f1, below, share: below / rows.length, empty, fired: kept.filter((k) => k.fired).length, pages: rows.length };
}

// The grid: every threshold the net has, around today's values.
function* grid(): Generator<NetThresholds> {
  for (const shortOfHome of [0, 0.1, 0.2, 0.3, 0.4, 0.5])
    for (const cut of [0, 0.2, 0.3, 0.4, 0.5, 0.6])
      for (const listHeadings of [3, 4, 6, 1e9])
        for (const better of [1.2, 1.4, 1.6, 2, 3]) yield { ...NET, shortOfHome, cut, listHeadings, better };
}

/**
 * Lower is better: worst set's share below, empties, then -mean F1; today's thresholds are left
 * only for a point better on these three. Ties between new points: fewer thresholds moved, then
 * the firing rate.
 */
function rank(outcomes: Outcome[], t: NetThresholds): number[] {
  const worst = Math.max(...outcomes.map((o) => o.share));
  const empty = outcomes.reduce((a, o) => a + o.empty, 0);
  const f1 = outcomes.reduce((a, o) => a + o.f1, 0) / outcomes.length;
  const fired = outcomes.reduce((a, o) => a + o.fired / o.pages, 0) / outcomes.length;
  // Shares and F1 are rounded so that noise-level differences fall to the next criterion.
  // A signal that costs nothing here may still catch a failure on pages not seen here (a list cut
  // short): between equals, the point that changes fewer of today's thresholds wins.
  const moved = (['shortOfHome', 'cut', 'listHeadings', 'better'] as const).filter((k) => t[k] !== NET[k]).length;
  return [+worst.toFixed(3), empty, -+f1.toFixed(3), moved, fired];
}

const less = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

function choose(metas: SetMeta[], bySet: Map<string, PageFeatures[]>): NetThresholds {
  let best: NetThresholds = NET;
  let bestRank = rank(metas.map((m) => judge(m, bySet.get(m.name)!, NET)), NET);
  for (const t of grid()) {
    const r = rank(metas.map((m) => judge(m, bySet.get(m.name)!, t)), t);
    const better = best === NET ? less(r.slice(0, 3), bestRank.slice(0, 3)) : less(r, bestRank);
    if (better) [best, bestRank] = [t, r];
  }
  return best;
}

const brief = (t: NetThresholds) => ({ shortOfHome: t.shortOfHome, cut: t.cut, listHeadings: t.listHeadings, better: t.better });
const fmt = (o: Outcome) => `F1 ${o.f1.toFixed(4)}  below ${o.below} (${(o.share * 100).toFixed(1)}%)  empty ${o.empty}  fired ${o.fired} (${((o.fired / o.pages) * 100).toFixed(1)}%)`;

const file = opts.get('features');
let features: PageFeatures[];
const pool = loadPool(opts);
const metas: SetMeta[] = pool.map((d) => ({ name: d.name, metric: d.metric }));
const rowsFile = opts.get('rows');
if (rowsFile) features = (JSON.parse(readFileSync(rowsFile, 'utf8')) as Row[]).map(fromQualityRow);
else if (file && opts.has('reuse') && existsSync(file)) features = JSON.parse(readFileSync(file, 'utf8')) as PageFeatures[];
else {
  features = [];
  for (const ds of pool) features.push(...(await collect(ds)));
  if (file) writeFileSync(file, JSON.stringify(features));
}
const bySet = new Map(metas.map((m) => [m.name, features.filter((f) => f.set === m.name)]));

const noNet: NetThresholds = { ...NET, cut: 0, listHeadings: 1e9, shortOfHome: 0, better: Infinity };
console.log('today\'s thresholds', JSON.stringify(brief(NET)));
for (const m of metas) {
  const rows = bySet.get(m.name)!;
  console.log(`  ${m.name.padEnd(16)} net on: ${fmt(judge(m, rows, NET))}   net off (empty pages still fall back): ${fmt(judge(m, rows, noNet))}`);
}

const heldOut: Record<string, unknown> = {};
console.log('\nleave one set out: thresholds chosen on the other sets, judged on the one left out');
for (const m of metas) {
  const others = metas.filter((o) => o !== m);
  const t = choose(others, bySet);
  const rows = bySet.get(m.name)!;
  const got = judge(m, rows, t);
  const today = judge(m, rows, NET);
  heldOut[m.name] = { chosen: brief(t), heldOut: got, today };
  console.log(`  ${m.name.padEnd(16)} chosen ${JSON.stringify(brief(t))}\n${''.padEnd(19)}held out: ${fmt(got)}\n${''.padEnd(19)}today:    ${fmt(today)}`);
}
const all = choose(metas, bySet);
console.log(`\nchosen on the whole pool: ${JSON.stringify(brief(all))}`);
const pooled: Record<string, Outcome> = {};
for (const m of metas) {
  pooled[m.name] = judge(m, bySet.get(m.name)!, all);
  console.log(`  ${m.name.padEnd(16)} ${fmt(pooled[m.name]!)}`);
}
console.log(JSON.stringify({ bench: 'tune-net', today: brief(NET), chosen: brief(all), pooled, leaveOneSetOut: heldOut }));
