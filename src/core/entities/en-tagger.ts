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
  /** Open-addressed hash table of the feature keys: slot -> key + 1 (0 = empty)... */
  slots: Int32Array;
  /** ...and slot -> offset of the key's NLABELS weights in `weights`. */
  offsets: Int32Array;
  mask: number;
  /** The packed weights string itself: one char per weight, read through `value`. */
  weights: string;
  /** Char code of a packed weight -> its value. */
  value: Float32Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/**
 * Inverse of the training script's packing, made cheap because it runs on the first page of every
 * tab: the keys go into typed arrays (no Map of thousands of entries), and the weights are not
 * decoded at all: each is read from the packed string through a 128-entry table when used.
 */
export function unpackModel(p: PackedModel): Model {
  let size = 1024;
  const count = p.weights.length / NLABELS;
  while (size < count * 2.5) size *= 2;
  const slots = new Int32Array(size);
  const offsets = new Int32Array(size);
  const mask = size - 1;
  let key = 0;
  let delta = 0;
  let scale = 1;
  let n = 0;
  for (let i = 0; i < p.keys.length; i++) {
    const v = B64_VALUE[p.keys.charCodeAt(i)]!;
    delta += (v & 31) * scale;
    scale *= 32;
    if (v < 32) {
      key += delta;
      let s = key & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = key + 1;
      offsets[s] = n++ * NLABELS;
      delta = 0;
      scale = 1;
    }
  }
  const value = new Float32Array(128);
  for (let c = 0; c < 128; c++) {
    const q = B64_VALUE[c]! - 32;
    value[c] = B64_VALUE[c]! < 0 || q === 0 ? 0 : Math.sign(q) * p.levels[Math.abs(q) - 1]!;
  }
  return { shift: 32 - p.hashBits, transitions: new Map(), slots, offsets, mask, weights: p.weights, value };
}

function addHash(model: Model, hash: number, scores: Float64Array, offset = 0): void {
  const key = hash >>> model.shift;
  const { slots, mask } = model;
  let s = key & mask;
  while (slots[s] !== key + 1) {
    if (slots[s] === 0) return;
    s = (s + 1) & mask;
  }
  const at = model.offsets[s]!;
  const { weights, value } = model;
  for (let l = 0; l < NLABELS; l++) scores[offset + l]! += value[weights.charCodeAt(at + l)]!;
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
