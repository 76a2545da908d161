// The learned layer for English: an averaged perceptron (trained by scripts/train-entities.ts)
// whose weights live in a hashed table of int8, decoded greedily left to right.
import { LABELS, NLABELS, featureContext, fnv1a, tokenFeatureHashes } from './en-features.ts';

export { fnv1a };
import type { Token } from './en-tokens.ts';

export interface PackedModel {
  /** Features are known by the top `hashBits` bits of their FNV-1a hash. */
  hashBits: number;
  /** Magnitudes of the quantisation levels 1..31 (a weight is sign * levels[|q| - 1]). */
  levels: number[];
  /** Sorted feature hashes, delta-coded as base64url varints (5 payload bits per char). */
  keys: string;
  /** NLABELS weights per feature, each one base64url char holding q + 32. */
  weights: string;
}

export interface Model {
  shift: number;
  /** Per word shape: the history features' scores for each previous label (-1..NLABELS-1). */
  transitions: Map<string, Float64Array>;
  /** Feature hash -> offset of its NLABELS weights. */
  index: Map<number, number>;
  weights: Float32Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Inverse of the training script's packing; runs once per page load (about a millisecond). */
export function unpackModel(p: PackedModel): Model {
  const index = new Map<number, number>();
  let key = 0;
  let delta = 0;
  let bit = 0;
  let n = 0;
  for (let i = 0; i < p.keys.length; i++) {
    const v = B64_VALUE[p.keys.charCodeAt(i)]!;
    delta += (v & 31) * 2 ** bit;
    bit += 5;
    if (v < 32) {
      key += delta;
      index.set(key, n++ * NLABELS);
      delta = 0;
      bit = 0;
    }
  }
  const weights = new Float32Array(p.weights.length);
  for (let i = 0; i < p.weights.length; i++) {
    const q = B64_VALUE[p.weights.charCodeAt(i)]! - 32;
    weights[i] = q === 0 ? 0 : Math.sign(q) * p.levels[Math.abs(q) - 1]!;
  }
  return { shift: 32 - p.hashBits, index, weights, transitions: new Map() };
}

function addHash(model: Model, hash: number, scores: Float64Array, offset = 0): void {
  const at = model.index.get(hash >>> model.shift);
  if (at === undefined) return;
  const w = model.weights;
  for (let l = 0; l < NLABELS; l++) scores[offset + l]! += w[at + l]!;
}

/** History-feature scores for a word shape, for every previous label, computed once per shape. */
function transitionsFor(model: Model, shape: string): Float64Array {
  let t = model.transitions.get(shape);
  if (!t) {
    t = new Float64Array((NLABELS + 1) * NLABELS);
    for (let prev = -1; prev < NLABELS; prev++) {
      for (const f of transitionFeatures(prev, shape)) addHash(model, fnv1a(f), t, (prev + 1) * NLABELS);
    }
    model.transitions.set(shape, t);
  }
  return t;
}

export interface Span {
  start: number;
  end: number;
  type: 'person' | 'place' | 'organization';
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
}

// Which label may follow which: an inside label only continues a name of the same type.
const ALLOWED: boolean[][] = Array.from({ length: NLABELS + 1 }, (_, p) =>
  LABELS.map((l) => !l.startsWith('I-') || (p > 0 && p <= NLABELS && LABELS[p - 1]!.slice(2) === l.slice(2))),
);

/** The label history features of token i given the previous label (-1 at the start). */
export function transitionFeatures(prev: number, shape: string): [string, string] {
  return [`T=${prev}`, `Ts=${prev}|${shape}`];
}

/**
 * Best label sequence (first-order Viterbi). `emit(i, out)` adds token i's own scores;
 * `trans(i, prev, out)` adds the scores of its history features for previous label `prev`.
 * Shared by tagging and training, so both decode the same way.
 */
export function viterbi(n: number, emit: (i: number, out: Float64Array) => void, trans: (i: number, prev: number, out: Float64Array) => void): number[] {
  if (n === 0) return [];
  const delta = new Float64Array(n * NLABELS);
  const back = new Int8Array(n * NLABELS);
  const e = new Float64Array(NLABELS);
  const t = new Float64Array(NLABELS);
  for (let i = 0; i < n; i++) {
    e.fill(0);
    emit(i, e);
    const row = i * NLABELS;
    delta.fill(-Infinity, row, row + NLABELS);
    const prevs = i === 0 ? 1 : NLABELS;
    for (let k = 0; k < prevs; k++) {
      const prev = i === 0 ? -1 : k;
      const base = i === 0 ? 0 : delta[row - NLABELS + k]!;
      if (base === -Infinity) continue;
      t.fill(0);
      trans(i, prev, t);
      const ok = ALLOWED[prev + 1]!;
      for (let l = 0; l < NLABELS; l++) {
        if (!ok[l]) continue;
        const v = base + e[l]! + t[l]!;
        if (v > delta[row + l]!) {
          delta[row + l] = v;
          back[row + l] = prev;
        }
      }
    }
  }
  const labels = new Array<number>(n);
  let best = 0;
  const last = (n - 1) * NLABELS;
  for (let l = 1; l < NLABELS; l++) if (delta[last + l]! > delta[last + best]!) best = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = best;
    best = back[i * NLABELS + best]!;
  }
  return labels;
}

/** Labels of a line's tokens (indices into LABELS). */
export function tagLabels(model: Model, words: string[]): number[] {
  const ctx = featureContext(words);
  const hashes: number[] = [];
  const trans = ctx.shapes.map((sh) => transitionsFor(model, sh));
  return viterbi(
    words.length,
    (i, out) => {
      tokenFeatureHashes(ctx, i, hashes);
      for (const h of hashes) addHash(model, h, out);
    },
    (i, prev, out) => {
      const t = trans[i]!;
      const at = (prev + 1) * NLABELS;
      for (let l = 0; l < NLABELS; l++) out[l]! += t[at + l]!;
    },
  );
}

/** Labels -> spans over the tokens. */
export function labelSpans(tokens: Token[], labels: number[]): Span[] {
  const out: Span[] = [];
  let cur: Span | null = null;
  for (let i = 0; i <= tokens.length; i++) {
    const lab = i < tokens.length ? LABELS[labels[i]!]! : 'O';
    if (cur && lab !== `I-${cur.type}`) {
      out.push(cur);
      cur = null;
    }
    if (lab.startsWith('B-')) {
      const t = tokens[i]!;
      cur = { start: t.start, end: t.end, type: lab.slice(2) as Span['type'], from: i, to: i + 1 };
    } else if (cur) {
      cur.end = tokens[i]!.end;
      cur.to = i + 1;
    }
  }
  return out;
}
