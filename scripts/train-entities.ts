// Trains one language pack of the entity tagger (an averaged perceptron over hashed features,
// src/core/entities/model/) from the training sets in ../shared/bench/ner-train, and writes its
// packed, quantised weights to src/core/entities/data/model-<lang>.json, which is committed:
// neither the build nor CI needs the training data. Deterministic: a fixed seed shuffles the
// sentences, so the same command on the same data writes the same file.
//
//   npx tsx scripts/train-entities.ts --lang en|de|fr|nl|pt|zh [--epochs N] [--keep-top N]
//     [--min-count N] [--features word|word2|word3] [--caps N] [--copies SET=N,...] [--train-dir DIR]
//     [--heldout] [--out FILE]
//   --heldout: keep every 10th training document out and report its typed F1 (model choices are
//   made there and on the dev sets through bench:entities; never trained on a dev set). With an
//   explicit --out it also writes the held-out model there, for bench/entities-heldout.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LABELS, NLABELS, B64, transitionFeatures, viterbi, type PackedModel, type Encoded } from '../src/core/entities/model/tagger.ts';
import { fnv1a } from '../src/core/entities/model/hash.ts';
import { docContext, encodeWords, featureVersion, wordContext } from '../src/core/entities/model/word-features.ts';
import { charContext, encodeChars } from '../src/core/entities/model/char-features.ts';
import { packGazetteers } from '../src/core/entities/model/gazetteers.ts';
import { registerPack, tag } from '../src/core/entities/model/registry.ts';
import { tokenize } from '../src/core/entities/en-tokens.ts';
import { zhCandidates } from '../src/core/entities/zh.ts';
import { TITLE } from '../src/core/entities/latin.ts';
import type { Candidate } from '../src/core/entities/candidate.ts';
import zhData from '../src/core/entities/data/zh.json';
import { scoreSet, type GoldDoc, type Prediction } from '../bench/entities-metric.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith('--')) args.set(a.slice(2), process.argv[i + 1]?.startsWith('--') || i + 1 >= process.argv.length ? 'true' : process.argv[++i]!);
}
const LANG = args.get('lang') ?? 'en';
// Per pack: training sets (with how many times each is repeated: WNUT's tweets are a small share
// of the English data), epochs, how many features the pack keeps (≤ 150 KB gzip) and which word
// feature set it reads ('word2' adds suffix, sentence-length and run-suffix features: measured on
// wikiann-fr held-out training data, model alone, typed F1 0.758 -> 0.778; more epochs (10) or
// more kept features (27,000) did not help there).
const RECIPES: Record<string, { sets: [string, number][]; epochs: number; keepTop: number; features?: string; levels?: number; caps?: number }> = {
  en: { sets: [['gmb-en-train', 1], ['wikiann-en-train', 2], ['wnut17-en-train', 3]], epochs: 6, keepTop: 25500, features: 'word3', caps: 1 },
  de: { sets: [['wikiann-de-train', 1]], epochs: 6, keepTop: 24000, features: 'word2' },
  fr: { sets: [['wikiann-fr-train', 1]], epochs: 6, keepTop: 24000, features: 'word2' },
  nl: { sets: [['wikiann-nl-train', 1]], epochs: 6, keepTop: 24000, features: 'word2' },
  pt: { sets: [['wikiann-pt-train', 1]], epochs: 6, keepTop: 24000, features: 'word2' },
  // zh: 12 epochs and 30,000 features at 15 levels (143 KB gzip), measured with the whole tagger on
  // the dev sets against 8 / 24,000 / 31: peoplesdaily-zh-dev 0.668 -> 0.692, cluener-zh-dev
  // 0.649 -> 0.668 (held-out models; Weibo x3 lost on held-out Weibo, 0.554 -> 0.503).
  zh: { sets: [['msra-zh-train', 1], ['cluener-zh-train', 1], ['weibo-zh-train', 2]], epochs: 12, keepTop: 30000, levels: 15 },
};
const recipe = RECIPES[LANG];
if (!recipe) throw new Error(`no recipe for --lang ${LANG}`);
const TRAIN_DIR = args.get('train-dir') ?? resolve(ROOT, '../shared/bench/ner-train');
const EPOCHS = Number(args.get('epochs') ?? recipe.epochs);
const KEEP_TOP = Number(args.get('keep-top') ?? recipe.keepTop);
const MIN_COUNT = Number(args.get('min-count') ?? 2);
const FEATURES = LANG === 'zh' ? 'char' : (args.get('features') ?? recipe.features ?? 'word');
const OUT_GIVEN = args.has('out');
const OUT = args.get('out') ?? resolve(ROOT, `src/core/entities/data/model-${LANG}.json`);
// Quantisation levels per weight sign. 15 packs a fifth more features into the same gzip size,
// but measured worse on the dev sets than 31 (en: wikiann-en 0.663 vs 0.673 typed F1).
const LEVELS = Number(args.get('levels') ?? recipe.levels ?? 31);
// Every CAPS-th news document (GMB) is also trained on written in capitals, as headlines and
// datelines are ("JAPAN GET LUCKY WIN", "WASHINGTON ( AP )"): news prose writes few of them.
const CAPS = Number(args.get('caps') ?? recipe.caps ?? 0);
const HASH_BITS = 21;
const SHIFT = 32 - HASH_BITS;
const SEED = 1;

/** One training sequence: its features' keys per unit, and the gold labels. */
interface Sequence {
  keys: Int32Array[];
  /** Keys of the history features per unit and previous label -1..NLABELS-1. */
  trans: Int32Array[][];
  gold: Int8Array;
}

const labelOf = (prefix: 'B' | 'I', type: string): number => LABELS.indexOf(`${prefix}-${type}` as (typeof LABELS)[number]);
const transCache = new Map<string, Int32Array[]>();
function transKeys(cls: string): Int32Array[] {
  let t = transCache.get(cls);
  if (!t) {
    t = [];
    for (let p = -1; p < NLABELS; p++) t.push(Int32Array.from(transitionFeatures(p, cls).map((f) => fnv1a(f) >>> SHIFT)));
    transCache.set(cls, t);
  }
  return t;
}

function sequenceOf(enc: Encoded, gold: Int8Array): Sequence {
  const hashes: number[] = [];
  const keys: Int32Array[] = [];
  const trans: Int32Array[][] = [];
  for (let i = 0; i < enc.n; i++) {
    enc.hashes(i, hashes);
    keys.push(Int32Array.from(hashes, (h) => h >>> SHIFT));
    trans.push(transKeys(enc.cls(i)));
  }
  return { keys, trans, gold };
}

/** Gold label per unit from entity spans: B on a unit starting a span, I inside it. */
function goldOf(units: { start: number; end: number }[], doc: GoldDoc): Int8Array {
  const gold = new Int8Array(units.length);
  for (const e of doc.entities) {
    units.forEach((t, i) => {
      if (t.start === e.start && t.end <= e.end) gold[i] = labelOf('B', e.type);
      else if (t.start > e.start && t.end <= e.end) gold[i] = labelOf('I', e.type);
    });
  }
  return gold;
}

function wordSequences(doc: GoldDoc): Sequence[] {
  const out: Sequence[] = [];
  const dctx = docContext(doc.text);
  const gaz = packGazetteers(LANG);
  let offset = 0;
  for (const line of doc.text.split('\n')) {
    const tokens = tokenize(line, offset);
    if (tokens.length) out.push(sequenceOf(encodeWords(wordContext(tokens.map((t) => t.text), dctx, gaz), featureVersion(FEATURES)), goldOf(tokens, doc)));
    offset += line.length + 1;
  }
  return out;
}

const translit = new Set(zhData.translit);
function charSequences(doc: GoldDoc): Sequence[] {
  const out: Sequence[] = [];
  const rules: Candidate[] = [];
  zhCandidates(doc.text, rules);
  let from = 0;
  for (const line of doc.text.split('\n')) {
    const to = from + line.length;
    if (line.length) {
      const units = Array.from({ length: line.length }, (_, k) => ({ start: from + k, end: from + k + 1 }));
      out.push(sequenceOf(encodeChars(charContext(doc.text, from, to, rules, translit)), goldOf(units, doc)));
    }
    from = to + 1;
  }
  return out;
}

// Averaged perceptron with lazy averaging over the hashed keys the packed model uses.
class Perceptron {
  w = new Float32Array((1 << HASH_BITS) * NLABELS);
  total = new Float64Array((1 << HASH_BITS) * NLABELS);
  stamp = new Int32Array((1 << HASH_BITS) * NLABELS);
  count = new Uint32Array(1 << HASH_BITS);
  step = 0;

  update(keys: Int32Array, l: number, d: number): void {
    for (let i = 0; i < keys.length; i++) {
      const at = keys[i]! * NLABELS + l;
      this.total[at]! += (this.step - this.stamp[at]!) * this.w[at]!;
      this.stamp[at] = this.step;
      this.w[at]! += d;
    }
  }

  averaged(k: number): Float64Array {
    const at = k * NLABELS;
    const avg = new Float64Array(NLABELS);
    for (let l = 0; l < NLABELS; l++) avg[l] = (this.total[at + l]! + (this.step - this.stamp[at + l]!) * this.w[at + l]!) / this.step;
    return avg;
  }
}

/** Structured averaged perceptron: decode whole sequences with Viterbi, update on the differences. */
function train(seqs: Sequence[], epochs: number): Perceptron {
  const model = new Perceptron();
  for (const s of seqs) for (const k of s.keys) for (const x of k) model.count[x]!++;
  const add = (keys: Int32Array, out: Float64Array): void => {
    for (let i = 0; i < keys.length; i++) {
      const at = keys[i]! * NLABELS;
      for (let l = 0; l < NLABELS; l++) out[l]! += model.w[at + l]!;
    }
  };
  let seed = SEED;
  const rand = (): number => ((seed = Math.imul(seed, 48271) % 0x7fffffff) & 0x7fffffff) / 0x7fffffff;
  const order = seqs.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let n = 0;
    for (const si of order) {
      const s = seqs[si]!;
      const guess = viterbi(
        s.keys.length,
        (i, out) => add(s.keys[i]!, out),
        (i, prev, out) => add(s.trans[i]![prev + 1]!, out),
      );
      model.step++;
      for (let i = 0; i < s.keys.length; i++) {
        n++;
        const g = s.gold[i]!;
        const y = guess[i]!;
        const gPrev = i > 0 ? s.gold[i - 1]! : -1;
        const yPrev = i > 0 ? guess[i - 1]! : -1;
        if (g !== y) errors++;
        if (g === y && gPrev === yPrev) continue;
        model.update(s.keys[i]!, g, 1);
        model.update(s.trans[i]![gPrev + 1]!, g, 1);
        model.update(s.keys[i]!, y, -1);
        model.update(s.trans[i]![yPrev + 1]!, y, -1);
      }
    }
    process.stderr.write(`epoch ${e + 1}: token error ${(errors / n).toFixed(4)}\n`);
  }
  return model;
}

/**
 * Keeps the `keepTop` keys that move scores most (spread of the averaged weights times the log of
 * how often seen), centres and quantises their weights to LEVELS magnitudes at quantiles of |w| (the
 * few large weights keep their size, the many small ones keep resolution), and packs them.
 */
function pack(model: Perceptron, transKeysAll: Set<number>): PackedModel {
  const ranked: [number, Float64Array, number][] = [];
  for (let k = 0; k < 1 << HASH_BITS; k++) {
    if (model.count[k]! < MIN_COUNT && !transKeysAll.has(k)) continue;
    let touched = false;
    for (let l = 0; l < NLABELS; l++) if (model.stamp[k * NLABELS + l]! > 0) touched = true;
    if (!touched) continue;
    const w = model.averaged(k);
    const mean = w.reduce((a, b) => a + b, 0) / NLABELS;
    let lo = Infinity;
    let hi = -Infinity;
    for (let l = 0; l < NLABELS; l++) {
      w[l]! -= mean;
      lo = Math.min(lo, w[l]!);
      hi = Math.max(hi, w[l]!);
    }
    // History features are few and always needed: never pruned.
    ranked.push([k, w, transKeysAll.has(k) ? Infinity : (hi - lo) * Math.log(1 + model.count[k]!)]);
  }
  ranked.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
  const kept = ranked.slice(0, KEEP_TOP).sort((a, b) => a[0] - b[0]);
  const mags = kept.flatMap(([, w]) => Array.from(w, Math.abs)).sort((a, b) => a - b);
  const levels: number[] = [];
  for (let k = 1; k <= LEVELS; k++) levels.push(+mags[Math.min(mags.length - 1, Math.floor(mags.length * (1 - Math.pow(1 - k / LEVELS, 2))))]!.toPrecision(4));
  const quant = (x: number): number => {
    const a = Math.abs(x);
    let best = 0;
    let err = a;
    for (let k = 0; k < levels.length; k++) {
      if (Math.abs(a - levels[k]!) < err) {
        err = Math.abs(a - levels[k]!);
        best = k + 1;
      }
    }
    return Math.sign(x) * best;
  };
  let keyStr = '';
  let weightStr = '';
  let last = 0;
  for (const [k, w] of kept) {
    let d = k - last;
    last = k;
    do {
      const low = d & 31;
      d = Math.floor(d / 32);
      keyStr += B64[low + (d > 0 ? 32 : 0)];
    } while (d > 0);
    for (const x of w) weightStr += B64[quant(x) + 32];
  }
  return { features: FEATURES, hashBits: HASH_BITS, levels, keys: keyStr, weights: weightStr };
}

function readDocs(file: string): GoldDoc[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
}

/**
 * GMB counts a title as part of a person's name ("President Bush", even "Mr." alone); CoNLL and
 * the tagger do not (latin.ts cuts titles off): the title is taken out of the span, and a span
 * that is only a title is dropped.
 */
function withoutTitles(d: GoldDoc): GoldDoc {
  const entities = d.entities.flatMap((e) => {
    if (e.type !== 'person') return [e];
    const m = TITLE.exec(`${d.text.slice(e.start, e.end)} `);
    if (!m) return [e];
    const start = e.start + m[0].length;
    if (start >= e.end) return [];
    return [{ ...e, start, name: d.text.slice(start, e.end) }];
  });
  return { ...d, entities };
}

/** The document with its line k written in capitals, where that keeps every offset (English does). */
function inCapitals(d: GoldDoc, k: number): GoldDoc {
  const lines = d.text.split('\n');
  const up = lines[k]!.toUpperCase();
  if (up.length !== lines[k]!.length) return d;
  lines[k] = up;
  return { ...d, text: lines.join('\n') };
}

const t0 = performance.now();
const seqs: Sequence[] = [];
const heldout: GoldDoc[] = [];
// --copies set=N: how many times a training set is repeated, instead of the recipe's.
const copiesArg = new Map((args.get('copies') ?? '').split(',').filter(Boolean).map((x) => [x.split('=')[0]!, Number(x.split('=')[1])] as const));
for (const [set, recipeCopies] of recipe.sets) {
  const copies = copiesArg.get(set) ?? recipeCopies;
  readDocs(join(TRAIN_DIR, `${set}.jsonl`)).forEach((raw, i) => {
    const d = set.startsWith('gmb') ? withoutTitles(raw) : raw;
    if (args.has('heldout') && i % 10 === 9) {
      heldout.push(d);
      return;
    }
    const s = LANG === 'zh' ? charSequences(d) : wordSequences(d);
    for (let c = 0; c < copies; c++) seqs.push(...s);
    if (CAPS > 0 && set.startsWith('gmb') && i % CAPS === 0) {
      // One line in capitals, the rest as written: a headline over its article.
      const k = i % d.text.split('\n').length;
      const up = wordSequences(inCapitals(d, k));
      if (up.length === s.length && up[k]) seqs.push(up[k]);
    }
  });
}
process.stderr.write(`${LANG}: ${seqs.length} training sequences (features in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
const model = train(seqs, EPOCHS);
const transAll = new Set<number>();
for (const t of transCache.values()) for (const a of t) for (const k of a) transAll.add(k);
const packed = pack(model, transAll);
const json = `${JSON.stringify(packed)}\n`;
const gz = gzipSync(json).length;
process.stderr.write(`${LANG}: ${packed.weights.length / NLABELS} features, ${(json.length / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
if (heldout.length) {
  registerPack(LANG, packed);
  const preds = new Map<string, Prediction[]>();
  for (const d of heldout) {
    const rules: Candidate[] = [];
    if (LANG === 'zh') zhCandidates(d.text, rules);
    preds.set(d.id, tag(LANG, d.text, rules).map((m) => ({ name: d.text.slice(m.start, m.end), type: m.type })));
  }
  const s = scoreSet(heldout, preds);
  process.stderr.write(`held-out (model alone): typed P ${s.typed.p.toFixed(3)} R ${s.typed.r.toFixed(3)} F1 ${s.typed.f1.toFixed(3)}\n`);
}
if (!heldout.length || OUT_GIVEN) {
  writeFileSync(OUT, json);
  process.stderr.write(`wrote ${OUT}\n`);
}
