// Fits the weights of votes.ts: a logistic regression over each span's votes (which layers
// proposed it, the model's margin, its length, agreement and conflict), on the held-out tenth of
// every English and Chinese TRAINING set (every 10th document, as train-entities.ts --heldout
// keeps out), tagged by packs trained without them. Never reads a dev set. Deterministic
// (full-batch gradient descent from zero weights), so the same packs write the same file.
//
//   npx tsx scripts/train-entities.ts --lang en --heldout --out /tmp/en-heldout.json
//   npx tsx scripts/train-entities.ts --lang zh --heldout --out /tmp/zh-heldout.json
//   npx tsx scripts/fit-votes.ts --en /tmp/en-heldout.json --zh /tmp/zh-heldout.json [--out FILE]
//
// A span is right when the document's gold has a name of the same type with the same normalised
// text (the document-level metric of ../shared/bench/ner-dev/README.md); spans the gold marks as
// ignored are left out. Each set weighs the same in the fit, whatever its size.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import '../src/core/entities/model/all-packs.ts';
import { registerPack } from '../src/core/entities/model/registry.ts';
import type { PackedModel } from '../src/core/entities/model/tagger.ts';
import { findEntities } from '../src/core/entities/index.ts';
import { recordVotes, type VoteRow } from '../src/core/entities/votes.ts';
import { TITLE } from '../src/core/entities/latin.ts';
import { normalize, type GoldDoc } from '../bench/entities-metric.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const TRAIN = resolve(ROOT, '../shared/bench/ner-train');
const OUT = args.get('out') ?? resolve(ROOT, 'src/core/entities/data/votes.json');
// The L2 penalty (per set-weighted row) and the steps: enough that the weights stop moving.
const L2 = 1e-3;
const STEPS = 3000;

for (const lang of ['en', 'zh']) {
  const file = args.get(lang);
  if (!file) throw new Error(`--${lang} HELD-OUT-PACK.json is required (train-entities.ts --heldout --out)`);
  registerPack(lang, JSON.parse(readFileSync(file, 'utf8')) as PackedModel);
}

const SETS: [string, string][] = [
  ['gmb-en-train', 'en'],
  ['wikiann-en-train', 'en'],
  ['wnut17-en-train', 'en'],
  ['msra-zh-train', 'zh'],
  ['cluener-zh-train', 'zh'],
  ['weibo-zh-train', 'zh'],
];

interface Row {
  x: Record<string, number>;
  y: number;
  w: number;
}
const rows: Row[] = [];
const t0 = performance.now();
for (const [set, lang] of SETS) {
  const docs = readFileSync(join(TRAIN, `${set}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GoldDoc)
    .filter((_, i) => i % 10 === 9);
  const setRows: Row[] = [];
  for (const d of docs) {
    const gold = new Set<string>();
    for (const e of d.entities) {
      gold.add(`${e.type}\t${normalize(e.name)}`);
      // GMB counts a title as part of a person's name ("President Bush"); the tagger does not.
      const m = e.type === 'person' ? TITLE.exec(`${e.name} `) : null;
      if (m && m[0].length < e.name.length) gold.add(`${e.type}\t${normalize(e.name.slice(m[0].length))}`);
    }
    const ignored = new Set((d.ignored ?? []).map((e) => normalize(e.name)));
    let seen: { text: string; rows: VoteRow[] } | null = null;
    recordVotes((text, r) => {
      seen = { text, rows: r };
    });
    findEntities({ doc: null, article: { title: '', text: d.text, lang } });
    if (!seen) continue;
    const { text, rows: units } = seen as { text: string; rows: VoteRow[] };
    for (const u of units) {
      const name = normalize(text.slice(u.start, u.end));
      if (ignored.has(name)) continue;
      setRows.push({ x: u.x, y: gold.has(`${u.type}\t${name}`) ? 1 : 0, w: 1 });
    }
  }
  recordVotes(null);
  for (const r of setRows) r.w = 1000 / setRows.length;
  const pos = setRows.filter((r) => r.y).length;
  process.stderr.write(`${set}: ${docs.length} held-out docs, ${setRows.length} spans, ${pos} right\n`);
  rows.push(...setRows);
}
process.stderr.write(`tagged in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

// Feature index, sorted so the file is the same whatever order the rows came in.
const names = [...new Set(rows.flatMap((r) => Object.keys(r.x)))].sort();
const index = new Map(names.map((n, i) => [n, i]));
const X = rows.map((r) => Object.entries(r.x).map(([k, v]) => [index.get(k)!, v] as const));
const w = new Float64Array(names.length);
// Adam, full batch, from zero: deterministic.
const m1 = new Float64Array(names.length);
const m2 = new Float64Array(names.length);
const total = rows.reduce((a, r) => a + r.w, 0);
let loss = 0;
for (let step = 1; step <= STEPS; step++) {
  const g = new Float64Array(names.length);
  loss = 0;
  rows.forEach((r, i) => {
    let z = 0;
    for (const [k, v] of X[i]!) z += w[k]! * v;
    const p = 1 / (1 + Math.exp(-z));
    loss -= r.w * (r.y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
    for (const [k, v] of X[i]!) g[k]! += (r.w * (p - r.y) * v) / total;
  });
  loss /= total;
  for (let k = 0; k < names.length; k++) {
    // The bias features are not penalised.
    const gk = g[k]! + (names[k]!.startsWith('bias:') ? 0 : L2 * w[k]!);
    m1[k] = 0.9 * m1[k]! + 0.1 * gk;
    m2[k] = 0.999 * m2[k]! + 0.001 * gk * gk;
    w[k]! -= (0.05 * (m1[k]! / (1 - 0.9 ** step))) / (Math.sqrt(m2[k]! / (1 - 0.999 ** step)) + 1e-8);
  }
}
process.stderr.write(`fit: ${rows.length} spans, ${names.length} features, log-loss ${loss.toFixed(4)}\n`);

const weights: Record<string, number> = {};
names.forEach((n, k) => {
  if (Math.abs(w[k]!) >= 1e-4) weights[n] = +w[k]!.toFixed(4);
});
// The thresholds are chosen on the dev sets (bench/votes-threshold.ts) and kept across refits.
const thresholds = (JSON.parse(readFileSync(OUT, 'utf8')) as { thresholds?: Record<string, number> }).thresholds ?? { en: 0, zh: 0 };
writeFileSync(OUT, `${JSON.stringify({ thresholds, weights }, null, 1)}\n`);
process.stderr.write(`wrote ${OUT}\n`);
for (const [k, v] of Object.entries(weights).sort((a, b) => b[1] - a[1])) process.stdout.write(`${v.toFixed(3)}\t${k}\n`);
