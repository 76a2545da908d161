// Trains the English entity layer (an averaged perceptron over hashed features) from the
// training sets in ../shared/bench/ner-train and writes its packed, quantised weights to
// src/core/entities/data/en-model.json, which is committed: neither the build nor CI needs the
// training data. Model choices (epochs, pruning, table size) are made on a held-out part of the
// TRAINING data, never on the dev sets.
//
//   npx tsx scripts/train-entities.ts [--train-dir DIR] [--epochs 8] [--keep-top 16000] [--min-count 2] [--sweep] [--final]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LABELS, NLABELS, featureContext, tokenFeatures } from '../src/core/entities/en-features.ts';
import { tokenize, type Token } from '../src/core/entities/en-tokens.ts';
import { fnv1a, labelSpans, tagLabels, transitionFeatures, unpackModel, viterbi, type PackedModel } from '../src/core/entities/en-tagger.ts';
import { scoreSet, type GoldDoc, type Prediction } from '../bench/entities-metric.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith('--')) args.set(a.slice(2), process.argv[i + 1]?.startsWith('--') || i + 1 >= process.argv.length ? 'true' : process.argv[++i]!);
}
const TRAIN_DIR = args.get('train-dir') ?? resolve(ROOT, '../shared/bench/ner-train');
const EPOCHS = Number(args.get('epochs') ?? 8);
const MIN_COUNT = Number(args.get('min-count') ?? 2);
const WNUT_COPIES = Number(args.get('wnut-copies') ?? 5);
const OUT = resolve(ROOT, 'src/core/entities/data/en-model.json');

interface Sentence {
  tokens: Token[];
  words: string[];
  gold: number[];
}

function readDocs(file: string): GoldDoc[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
}

function sentencesOf(doc: GoldDoc): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  for (const line of doc.text.split('\n')) {
    const tokens = tokenize(line, offset);
    const gold = tokens.map(() => 0);
    for (const e of doc.entities) {
      tokens.forEach((t, i) => {
        if (t.start === e.start && t.end <= e.end) gold[i] = LABELS.indexOf(`B-${e.type}` as (typeof LABELS)[number]);
        else if (t.start > e.start && t.end <= e.end) gold[i] = LABELS.indexOf(`I-${e.type}` as (typeof LABELS)[number]);
      });
    }
    if (tokens.length) out.push({ tokens, words: tokens.map((t) => t.text), gold });
    offset += line.length + 1;
  }
  return out;
}

// Averaged perceptron with lazy averaging, over the same hashed keys the packed model uses
// (the top HASH_BITS bits of each feature's FNV-1a hash): no feature strings kept in memory.
const HASH_BITS = 22;
const SHIFT = 32 - HASH_BITS;
const key = (f: string): number => fnv1a(f) >>> SHIFT;

class Perceptron {
  w = new Float32Array((1 << HASH_BITS) * NLABELS);
  total = new Float64Array((1 << HASH_BITS) * NLABELS);
  stamp = new Float32Array((1 << HASH_BITS) * NLABELS);
  count = new Uint32Array(1 << HASH_BITS);
  step = 0;

  /** Adds `d` to label `l`'s weight of every key (the step counter is advanced per sentence). */
  update(keys: ArrayLike<number>, l: number, d: number): void {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const at = k * NLABELS + l;
      this.total[at]! += (this.step - this.stamp[at]!) * this.w[at]!;
      this.stamp[at] = this.step;
      this.w[at]! += d;
    }
  }

  /** Averaged weights of every key that was ever updated. */
  averaged(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (let k = 0; k < 1 << HASH_BITS; k++) {
      const at = k * NLABELS;
      let touched = false;
      for (let l = 0; l < NLABELS; l++) if (this.stamp[at + l]! > 0) touched = true;
      if (!touched) continue;
      const avg = new Float64Array(NLABELS);
      for (let l = 0; l < NLABELS; l++) avg[l] = (this.total[at + l]! + (this.step - this.stamp[at + l]!) * this.w[at + l]!) / this.step;
      out.set(k, avg);
    }
    return out;
  }
}

interface TokenKeys {
  keys: number[];
  /** Keys of the history features for each previous label -1..NLABELS-1. */
  trans: number[][];
}

/** Structured averaged perceptron: decode whole sentences with Viterbi, update on the differences. */
function train(sents: Sentence[], epochs: number, allowed: Set<number> | null = null): Perceptron {
  const model = new Perceptron();
  const feats: string[] = [];
  const keep = (k: number): boolean => !allowed || allowed.has(k);
  const statics: TokenKeys[][] = sents.map((s) => {
    const ctx = featureContext(s.words);
    return s.words.map((_, i) => {
      tokenFeatures(ctx, i, feats);
      const trans: number[][] = [];
      for (let p = -1; p < NLABELS; p++) trans.push(transitionFeatures(p, ctx.shapes[i]!).map(key).filter(keep));
      return { keys: feats.map(key).filter(keep), trans };
    });
  });
  for (const toks of statics) for (const t of toks) for (const k of t.keys) model.count[k]!++;
  const add = (keys: number[], out: Float64Array): void => {
    for (const k of keys) for (let l = 0; l < NLABELS; l++) out[l]! += model.w[k * NLABELS + l]!;
  };
  let seed = 1;
  const rand = () => ((seed = Math.imul(seed, 48271) % 0x7fffffff) & 0x7fffffff) / 0x7fffffff;
  const order = sents.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let n = 0;
    for (const si of order) {
      const s = sents[si]!;
      const toks = statics[si]!;
      const guess = viterbi(
        toks.length,
        (i, out) => add(toks[i]!.keys, out),
        (i, prev, out) => add(toks[i]!.trans[prev + 1]!, out),
      );
      model.step++;
      for (let i = 0; i < toks.length; i++) {
        n++;
        const g = s.gold[i]!;
        const y = guess[i]!;
        const gPrev = i > 0 ? s.gold[i - 1]! : -1;
        const yPrev = i > 0 ? guess[i - 1]! : -1;
        if (g !== y) errors++;
        if (g === y && gPrev === yPrev) continue;
        model.update([...toks[i]!.keys, ...toks[i]!.trans[gPrev + 1]!], g, 1);
        model.update([...toks[i]!.keys, ...toks[i]!.trans[yPrev + 1]!], y, -1);
      }
    }
    process.stderr.write(`epoch ${e + 1}: token error ${(errors / n).toFixed(4)}\n`);
  }
  return model;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The keys that move scores most: spread of the averaged weights times log of how often seen. */
function topKeys(model: Perceptron, minCount: number, keepTop: number): Set<number> {
  const ranked: [number, number][] = [];
  for (const [k, w] of model.averaged()) {
    if (model.count[k]! < minCount) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of w) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    ranked.push([k, (hi - lo) * Math.log(1 + model.count[k]!)]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  return new Set(ranked.slice(0, keepTop).map(([k]) => k));
}

function pack(model: Perceptron, minCount: number, keepTop: number, levels_ = 31): PackedModel {
  const avg = model.averaged();
  // Keep the features that move scores most (largest spread of their weights).
  const ranked: [number, Float64Array, number][] = [];
  for (const [k, w] of avg) {
    if (model.count[k]! < minCount) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of w) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    ranked.push([k, w, hi - lo]);
  }
  ranked.sort((a, b) => b[2] - a[2]);
  const byKey = new Map<number, Float64Array>(ranked.slice(0, keepTop).map(([k, w]) => [k, Float64Array.from(w)]));
  // Centre each feature's weights (a constant added to all labels changes no decision), then
  // quantise to 31 magnitudes placed at quantiles of |w|: the few large weights (bias, label
  // history) keep their size instead of being clipped, and the many small ones keep resolution.
  for (const w of byKey.values()) {
    const mean = w.reduce((a, b) => a + b, 0) / NLABELS;
    for (let l = 0; l < NLABELS; l++) w[l]! -= mean;
  }
  const mags = [...byKey.values()].flatMap((w) => Array.from(w, Math.abs)).sort((a, b) => a - b);
  const levels: number[] = [];
  for (let k = 1; k <= levels_; k++) levels.push(+mags[Math.min(mags.length - 1, Math.floor(mags.length * (1 - Math.pow(1 - k / levels_, 2))))]!.toPrecision(4));
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
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  let keyStr = '';
  let weightStr = '';
  let last = 0;
  for (const k of keys) {
    let d = k - last;
    last = k;
    do {
      const low = d & 31;
      d = Math.floor(d / 32);
      keyStr += B64[low + (d > 0 ? 32 : 0)];
    } while (d > 0);
    for (const x of byKey.get(k)!) weightStr += B64[quant(x) + 32];
  }
  return { hashBits: HASH_BITS, levels, keys: keyStr, weights: weightStr };
}

function evaluate(packed: PackedModel, docs: GoldDoc[]): { f1: number; p: number; r: number } {
  const model = unpackModel(packed);
  const preds = new Map<string, Prediction[]>();
  for (const d of docs) {
    const out: Prediction[] = [];
    let offset = 0;
    for (const line of d.text.split('\n')) {
      const tokens = tokenize(line, offset);
      const spans = labelSpans(tokens, tagLabels(model, tokens.map((t) => t.text)));
      for (const s of spans) out.push({ name: d.text.slice(s.start, s.end), type: s.type });
      offset += line.length + 1;
    }
    preds.set(d.id, out);
  }
  const s = scoreSet(docs, preds).typed;
  return { f1: s.f1, p: s.p, r: s.r };
}

const sets = ['wikiann-en-train', 'wnut17-en-train'];
const trainSents: Sentence[] = [];
const heldout: Record<string, GoldDoc[]> = {};
for (const set of sets) {
  const docs = readDocs(join(TRAIN_DIR, `${set}.jsonl`));
  heldout[set] = [];
  docs.forEach((d, i) => {
    // Every 10th training document is held out to choose the model's size and epochs.
    // WNUT's social-media text is a small share of the data: repeated so it is not drowned out.
    const copies = set.startsWith('wnut') ? WNUT_COPIES : 1;
    if (args.has('final') || i % 10 !== 9) for (let c = 0; c < copies; c++) trainSents.push(...sentencesOf(d));
    else heldout[set]!.push(d);
  });
}
if (args.has('quick')) trainSents.splice(Number(args.get('quick')));
process.stderr.write(`${trainSents.length} training sentences\n`);
const model = train(trainSents, EPOCHS);
const grid = args.has('sweep') ? [6000, 10000] : [Number(args.get('keep-top') ?? 16000)];
let chosen: PackedModel | null = null;
for (const keep of grid) {
  const kept = topKeys(model, MIN_COUNT, keep);
  const retrained = args.has('no-retrain') ? model : train(trainSents, EPOCHS, kept);
  const packed = pack(retrained, 1, keep);
  const gz = gzipSync(JSON.stringify(packed)).length;
  const scores = sets.map((s) => (heldout[s]!.length ? evaluate(packed, heldout[s]!).f1.toFixed(3) : '-'));
  process.stderr.write(`keep ${keep}: gzip ${(gz / 1024).toFixed(1)} KB, held-out typed F1 ${scores.join(' / ')}\n`);
  chosen = packed;
}
if (!args.has('sweep') && chosen) {
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(chosen)}\n`);
  process.stderr.write(`wrote ${OUT}\n`);
}
