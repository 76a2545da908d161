// npx tsx bench/tune-net.ts -- --rows FILE
//
// Replays the safety net's decision on the development pool, per set: our layers alone, the net
// before 2026-12-07 afternoon (one or two lines short of the home), today's net (paragraph text
// short of the home; safety-net.ts, the product's own functions), every page sent to the choice,
// and two small logistic models (bench/lib/net-learned.ts) fitted leave-one-set-out: for each
// set, both models and their thresholds are fitted on the other four and judged on the one left
// out, so a decision that only suits one set's conventions shows up as a loss there. The models
// did not beat today's net on the samples (README), so the product does not use them.
//
// The rows (one per page: our text with the net off and its probe, plain Readability's text as the
// net runs it, both scored, and the benchmark's plain Readability) come from
// `npx tsx bench/net-collect.ts --out FILE` (bench/lib/net-rows.ts); features are computed from
// them here by the product's own functions. Fitting is deterministic (Newton's method on a
// weighted, L2-regularised log-loss, from zero), so the same rows give the same weights.
//
//  - The choice: on every page where both texts exist, "Readability's text scores higher", each
//    page weighted by how much the choice matters there (the F1 difference) and each set weighing
//    the same in all. Its threshold is 0.5: that maximises the expected F1 under this weighting.
//  - The gate: "Readability's text scores more than 0.05 higher" from our side alone, the same
//    weighting; its threshold is chosen on the training sets: the lowest worst-set share of pages
//    more than 0.10 below the benchmark's Readability, then the best mean F1 (to 0.001), then the
//    lowest firing rate.
// The last line is one JSON object.
import { readFileSync } from 'node:fs';
import { parseArgs } from '../src/cli/args.ts';
import { textStats } from '../src/core/extract/net-stats.ts';
import { prefersPlain, suspect } from '../src/core/extract/safety-net.ts';
import { choiceFeatures, gateFeatures, probability, type Logistic } from './lib/net-learned.ts';
import { aggregateShingles, aggregateSnippets, type PageScore } from './lib/metrics.ts';
import type { NetRow } from './lib/net-rows.ts';
import { POOL } from './lib/pool.ts';

const { opts } = parseArgs(process.argv.slice(2));
const rows = JSON.parse(readFileSync(opts.get('rows') ?? '/tmp/netrows.json', 'utf8')) as NetRow[];
const SNIPPETS = new Set(['trafilatura-dev']);

interface Page {
  row: NetRow;
  gate: number[] | null;
  choice: number[] | null;
}

const pages: Page[] = rows.map((row) => {
  const ours = textStats(row.oursText);
  const plain = row.plainText === null ? null : textStats(row.plainText);
  const gate = row.probe && ours.chars > 0 ? gateFeatures(ours, row.probe) : null;
  const choice = row.probe && plain && plain.chars > 0 && ours.chars > 0 ? choiceFeatures(ours, plain, row.probe, row.plainLinkShare) : null;
  return { row, gate, choice };
});
const sets = POOL.filter((s) => pages.some((p) => p.row.set === s));

// ---- weighted logistic regression (Newton / IRLS, L2 on the weights, not the bias) ----
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || !m[c]![c]) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((r, i) => (r[i] ? r[n]! / r[i]! : 0));
}

function fit(xs: number[][], ys: number[], ws: number[], lambda = 1): number[] {
  const d = xs[0]!.length;
  // Standardise for the fit, then fold the scaling back into plain weights.
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((a, x, i) => a + ws[i]! * x[j]!, 0) / ws.reduce((a, w) => a + w, 0));
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((a, x, i) => a + ws[i]! * (x[j]! - mean[j]!) ** 2, 0) / ws.reduce((a, w) => a + w, 0)) || 1);
  const zs = xs.map((x) => [...x.map((v, j) => (v - mean[j]!) / sd[j]!), 1]);
  let beta = new Array(d + 1).fill(0) as number[];
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array(d + 1).fill(0) as number[];
    const h = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0) as number[]);
    zs.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-z.reduce((a, v, j) => a + v * beta[j]!, 0)));
      const w = ws[i]!;
      for (let j = 0; j <= d; j++) {
        g[j]! += w * (p - ys[i]!) * z[j]!;
        for (let k = 0; k <= d; k++) h[j]![k]! += w * p * (1 - p) * z[j]! * z[k]!;
      }
    });
    for (let j = 0; j < d; j++) {
      g[j]! += lambda * beta[j]!;
      h[j]![j]! += lambda;
    }
    const step = solve(h, g);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const w = beta.slice(0, d).map((b, j) => b / sd[j]!);
  const bias = beta[d]! - w.reduce((a, v, j) => a + v * mean[j]!, 0);
  return [...w.map((v) => +v.toPrecision(5)), +bias.toPrecision(5)];
}

/** Each set weighs the same; within a set, a page by how much the decision matters there. */
function weighted(train: Page[], feature: (p: Page) => number[] | null, label: (r: NetRow) => boolean, weight: (r: NetRow) => number) {
  const xs: number[][] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const s of new Set(train.map((p) => p.row.set))) {
    const inSet = train.filter((p) => p.row.set === s && feature(p));
    const total = inSet.reduce((a, p) => a + weight(p.row), 0) || 1;
    for (const p of inSet) {
      xs.push(feature(p)!);
      ys.push(label(p.row) ? 1 : 0);
      ws.push((weight(p.row) / total) * 100);
    }
  }
  return { xs, ys, ws };
}

const gain = (r: NetRow): number => (r.plain ? r.plain.f1 - r.ours.f1 : -1);

const ALWAYS: Logistic = { w: [0, 0, 0, 0, 0, 0, 0, 0, 100], threshold: 0.5 };
const setsOf = (ps: Page[]): Page[][] => [...new Set(ps.map((p) => p.row.set))].map((s) => ps.filter((p) => p.row.set === s && !p.row.picked));
/** The mean F1 over the training sets, on their random samples. */
const meanF1 = (train: Page[], gate: Logistic, choice: Logistic): number => {
  const out = setsOf(train).map((ps) => judge(ps, gate, choice).f1);
  return out.reduce((a, v) => a + v, 0) / out.length;
};

function trainChoice(train: Page[]): Logistic {
  const { xs, ys, ws } = weighted(train, (p) => p.choice, (r) => gain(r) > 0, (r) => Math.abs(gain(r)) + 0.001);
  const w = fit(xs, ys, ws);
  // The threshold that keeps the training sets' mean F1 highest were every page weighed.
  let best = { threshold: 0.5, f1: -1 };
  for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98]) {
    const f1 = +meanF1(train, ALWAYS, { w, threshold }).toFixed(4);
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return { w, threshold: best.threshold };
}

/** The gate may run Readability again on at most this share of pages of any training set (cost). */
const MAX_FIRING = 0.05;

function trainGate(train: Page[], choice: Logistic): Logistic {
  const { xs, ys, ws } = weighted(train, (p) => p.gate, (r) => gain(r) > 0.05, (r) => Math.max(0.01, Math.abs(gain(r))));
  const w = fit(xs, ys, ws);
  let best = { threshold: 1, key: [Infinity] as number[] };
  for (const threshold of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) {
    const out = setsOf(train).map((ps) => judge(ps, { w, threshold }, choice));
    if (out.some((o) => o.fired / o.pages > MAX_FIRING)) continue;
    // Picked failures count towards "below" too: they are what the gate is for.
    const picked = train.filter((p) => p.row.picked);
    const pickedBelow = picked.length ? judge(picked, { w, threshold }, choice).below : 0;
    const key = [+Math.max(...out.map((o) => o.share)).toFixed(3) + pickedBelow / 1000, -+(out.reduce((a, o) => a + o.f1, 0) / out.length).toFixed(4), out.reduce((a, o) => a + o.fired / o.pages, 0)];
    if (less(key, best.key)) best = { threshold, key };
  }
  return { w, threshold: best.threshold };
}

const less = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < (b[i] ?? Infinity);
  return false;
};

// ---- replay of the net's decision ----
export interface Decision {
  fired: boolean;
  plain: boolean;
}

function decide(p: Page, gate: Logistic | null, choice: Logistic | null): Decision {
  const r = p.row;
  const empty = r.oursText.replace(/\s+/g, '') === '';
  if (!gate) return { fired: false, plain: false };
  const fired = r.oursThrew || empty || (p.gate !== null && probability(gate, p.gate) > gate.threshold);
  if (!fired || !r.plain || !r.plainText) return { fired, plain: false };
  if (empty) return { fired, plain: true };
  return { fired, plain: p.choice !== null && choice !== null && probability(choice, p.choice) > choice.threshold };
}

interface Outcome {
  f1: number;
  below: number;
  share: number;
  empty: number;
  fired: number;
  plain: number;
  pages: number;
}

// The net before 2026-12-07 afternoon: fire when empty, or when our text is a line or
// two holding less than 0.3 of a text home of 300+ characters; then Readability's text wins when it
// is 1.6 times longer. Replayed for comparison.
function handRules(p: Page, para = false): Decision {
  const r = p.row;
  if (para) {
    // The product's net (safety-net.ts): paragraph text of our result against the home's.
    const ours = textStats(r.oursText);
    const fired = r.oursThrew || (r.probe ? suspect(ours, r.probe).length > 0 : ours.chars === 0);
    return { fired, plain: fired && prefersPlain(ours, r.plainText ?? '') };
  }
  const chars = r.oursText.replace(/\s+/g, '').length;
  const lines = r.oursText.split('\n').filter((l) => l.trim()).length;
  const home = r.probe?.homeChars ?? 0;
  const fired = r.oursThrew || chars === 0 || (home >= 300 && chars < home * 0.3 && lines <= 2);
  const plainChars = (r.plainText ?? '').replace(/\s+/g, '').length;
  return { fired, plain: fired && plainChars > 0 && (chars === 0 || plainChars >= chars * 1.6) };
}

function judge(set: Page[], gate: Logistic | null | 'hand' | 'para', choice: Logistic | null): Outcome {
  const kept: PageScore[] = [];
  let below = 0;
  let empty = 0;
  let fired = 0;
  let plain = 0;
  for (const p of set) {
    const d = gate === 'hand' || gate === 'para' ? handRules(p, gate === 'para') : decide(p, gate, choice);
    const s = d.plain ? p.row.plain! : p.row.ours;
    const text = d.plain ? p.row.plainText! : p.row.oursText;
    kept.push(s);
    if (s.f1 - p.row.bench.f1 < -0.1) below++;
    if (!text.trim() && !p.row.benchEmpty) empty++;
    if (d.fired) fired++;
    if (d.plain) plain++;
  }
  const f1 = (SNIPPETS.has(set[0]?.row.set ?? '') ? aggregateSnippets(kept) : aggregateShingles(kept)).f1;
  return { f1, below, share: below / set.length, empty, fired, plain, pages: set.length };
}

const fmt = (o: Outcome) =>
  `F1 ${o.f1.toFixed(4)}  below ${String(o.below).padStart(2)} (${(o.share * 100).toFixed(1)}%)  empty ${o.empty}  fired ${String(o.fired).padStart(3)} (${((o.fired / o.pages) * 100).toFixed(1)}%)  kept Readability ${o.plain}`;
// Figures are judged on the random sample only; the pages picked for failing (net-collect --only)
// are trained on and reported apart (how many of them the held-out net brings within 0.10).
const bySet = (s: string) => pages.filter((p) => p.row.set === s && !p.row.picked);
const pickedIn = (s: string) => pages.filter((p) => p.row.set === s && p.row.picked);

// Always firing: what the choice alone is worth (an upper bound for any gate; double the cost).
console.log('leave one set out (models and thresholds fitted on the other four, judged on the one left out)');
const held: Record<string, Outcome> = {};
const pickedOut: Record<string, unknown> = {};
for (const s of sets) {
  const train = pages.filter((p) => p.row.set !== s);
  const choice = trainChoice(train);
  const gate = trainGate(train, choice);
  const always = ALWAYS;
  held[s] = judge(bySet(s), gate, choice);
  console.log(`  ${s.padEnd(16)} net off:       ${fmt(judge(bySet(s), null, null))}`);
  console.log(`  ${''.padEnd(16)} hand rules:    ${fmt(judge(bySet(s), 'hand', null))}`);
  console.log(`  ${''.padEnd(16)} net (product):${fmt(judge(bySet(s), 'para', null))}`);
  console.log(`  ${''.padEnd(16)} always fired:  ${fmt(judge(bySet(s), always, choice))}`);
  console.log(`  ${''.padEnd(16)} learned net:   ${fmt(held[s]!)}   (gate threshold ${gate.threshold})`);
  const picked = pickedIn(s);
  if (picked.length) {
    const off = judge(picked, null, null);
    const hand = judge(picked, 'hand', null);
    const para = judge(picked, 'para', null);
    const on = judge(picked, gate, choice);
    pickedOut[s] = { pages: picked.length, belowNetOff: off.below, belowHand: hand.below, belowLearned: on.below, fired: on.fired };
    console.log(`  ${''.padEnd(16)} picked failures: ${picked.length} pages; more than 0.10 below: net off ${off.below}, hand rules ${hand.below}, net (product) ${para.below} (fired ${para.fired}), learned net ${on.below} (fired on ${on.fired})`);
  }
}
const choice = trainChoice(pages);
const gate = trainGate(pages, choice);
console.log(`\nfitted on all five sets: gate ${JSON.stringify(gate)}\n  choice ${JSON.stringify(choice)}`);
const pooled: Record<string, Outcome> = {};
for (const s of sets) {
  pooled[s] = judge(bySet(s), gate, choice);
  console.log(`  ${s.padEnd(16)} ${fmt(pooled[s]!)}`);
}
console.log(JSON.stringify({ bench: 'tune-net', gate, choice, pooled, leaveOneSetOut: held, pickedHeldOut: pickedOut }));
