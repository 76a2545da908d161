// The sequence tagger behind every language pack: an averaged perceptron over hashed features
// (trained by scripts/train-entities.ts), weights packed as one base64url char each, decoded by
// first-order Viterbi. Generic over the unit (a word for spaced scripts, a character for Chinese):
// a feature set turns units into feature hashes and a per-unit class for the label history.
import { fnv1a } from './hash.ts';

export const LABELS = ['O', 'B-person', 'I-person', 'B-place', 'I-place', 'B-organization', 'I-organization'] as const;
export const NLABELS = LABELS.length;
export type NameType = 'person' | 'place' | 'organization';

export interface PackedModel {
  /** Which feature set the weights belong to ('word' or 'char'). */
  features?: string;
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
  /** Per unit class: the history features' scores for each previous label (-1..NLABELS-1). */
  transitions: Map<string, Float64Array>;
  /** Open-addressed hash table of the feature keys: slot -> key + 1 (0 = empty)... */
  slots: Int32Array;
  /** ...and slot * NLABELS -> the key's weights, decoded once: a lookup touches two arrays. */
  weights: Float32Array;
  mask: number;
}

export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/**
 * Inverse of the training script's packing, made cheap because it runs on the first page of every
 * tab: the keys go into one typed array (no Map of thousands of entries) and each key's weights
 * next to its slot, so scoring a feature reads two arrays (it runs for every character of a
 * Chinese article).
 */
export function unpackModel(p: PackedModel): Model {
  let size = 1024;
  const count = p.weights.length / NLABELS;
  while (size < count * 2.5) size *= 2;
  const slots = new Int32Array(size);
  const weights = new Float32Array(size * NLABELS);
  const mask = size - 1;
  const value = new Float32Array(128);
  for (let c = 0; c < 128; c++) {
    const q = B64_VALUE[c]! - 32;
    value[c] = B64_VALUE[c]! < 0 || q === 0 ? 0 : Math.sign(q) * p.levels[Math.abs(q) - 1]!;
  }
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
      const from = n++ * NLABELS;
      for (let l = 0; l < NLABELS; l++) weights[s * NLABELS + l] = value[p.weights.charCodeAt(from + l)]!;
      delta = 0;
      scale = 1;
    }
  }
  return { shift: 32 - p.hashBits, transitions: new Map(), slots, weights, mask };
}

export function addHash(model: Model, hash: number, scores: Float64Array, offset = 0): void {
  const key = hash >>> model.shift;
  const { slots, mask } = model;
  let s = key & mask;
  while (slots[s] !== key + 1) {
    if (slots[s] === 0) return;
    s = (s + 1) & mask;
  }
  const w = model.weights;
  const at = s * NLABELS;
  for (let l = 0; l < NLABELS; l++) scores[offset + l]! += w[at + l]!;
}

/** The label history features of a unit given the previous label (-1 at the start) and its class. */
export function transitionFeatures(prev: number, cls: string): [string, string] {
  return [`T=${prev}`, `Ts=${prev}|${cls}`];
}

/** History-feature scores for a unit class, for every previous label, computed once per class. */
function transitionsFor(model: Model, cls: string): Float64Array {
  let t = model.transitions.get(cls);
  if (!t) {
    t = new Float64Array((NLABELS + 1) * NLABELS);
    for (let prev = -1; prev < NLABELS; prev++) {
      for (const f of transitionFeatures(prev, cls)) addHash(model, fnv1a(f), t, (prev + 1) * NLABELS);
    }
    model.transitions.set(cls, t);
  }
  return t;
}

// Which label may follow which: an inside label only continues a name of the same type.
const ALLOWED: boolean[][] = Array.from({ length: NLABELS + 1 }, (_, p) =>
  LABELS.map((l) => !l.startsWith('I-') || (p > 0 && p <= NLABELS && LABELS[p - 1]!.slice(2) === l.slice(2))),
);

/**
 * Best label sequence (first-order Viterbi). `emit(i, out)` adds unit i's own scores;
 * `trans(i, prev, out)` adds the scores of its history features for previous label `prev`.
 * Shared by tagging and training, so both decode the same way. `emissions`, when given, receives
 * every unit's own scores (n * NLABELS), from which span scores are read.
 */
export function viterbi(
  n: number,
  emit: (i: number, out: Float64Array) => void,
  trans: (i: number, prev: number, out: Float64Array) => void,
  emissions?: Float64Array,
): number[] {
  if (n === 0) return [];
  const delta = new Float64Array(n * NLABELS);
  const back = new Int8Array(n * NLABELS);
  const e = new Float64Array(NLABELS);
  const t = new Float64Array(NLABELS);
  for (let i = 0; i < n; i++) {
    e.fill(0);
    emit(i, e);
    if (emissions) emissions.set(e, i * NLABELS);
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
  return backtrack(n, delta, back);
}

/** The best path's labels, from the last unit's best score back through the kept predecessors. */
function backtrack(n: number, delta: Float64Array, back: Int8Array): number[] {
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

/** What a feature set gives the decoder for one sequence. */
export interface Encoded {
  n: number;
  /** Unit i's feature hashes, written into `out`. */
  hashes(i: number, out: number[]): void;
  /** Unit i's class for the label history (word shape, script class). */
  cls(i: number): string;
}

export interface Decoded {
  labels: number[];
  /** Per unit: its own score for its label minus its score for O (0 for O units). */
  margin: Float64Array;
}

/** Labels of one encoded sequence, with per-unit margins over O. */
export function decode(model: Model, enc: Encoded): Decoded {
  const n = enc.n;
  const hashes: number[] = [];
  const trans: Float64Array[] = [];
  for (let i = 0; i < n; i++) trans.push(transitionsFor(model, enc.cls(i)));
  const em = new Float64Array(n * NLABELS);
  for (let i = 0; i < n; i++) {
    enc.hashes(i, hashes);
    for (const h of hashes) addHash(model, h, em, i * NLABELS);
  }
  const labels = viterbiOver(n, em, trans);
  const margin = new Float64Array(n);
  for (let i = 0; i < n; i++) if (labels[i]! > 0) margin[i] = em[i * NLABELS + labels[i]!]! - em[i * NLABELS]!;
  return { labels, margin };
}

/**
 * viterbi() over emissions and history scores already in arrays, without a callback per unit
 * and previous label: the same sums in the same order (so the same labels), for the page, where
 * decoding is the tagger's largest cost (a third of the English path on zyte-dev pages).
 */
function viterbiOver(n: number, em: Float64Array, trans: Float64Array[]): number[] {
  if (n === 0) return [];
  const delta = new Float64Array(n * NLABELS);
  const back = new Int8Array(n * NLABELS);
  for (let i = 0; i < n; i++) {
    const row = i * NLABELS;
    delta.fill(-Infinity, row, row + NLABELS);
    const tr = trans[i]!;
    const prevs = i === 0 ? 1 : NLABELS;
    for (let k = 0; k < prevs; k++) {
      const prev = i === 0 ? -1 : k;
      const base = i === 0 ? 0 : delta[row - NLABELS + k]!;
      if (base === -Infinity) continue;
      const at = (prev + 1) * NLABELS;
      const ok = ALLOWED[prev + 1]!;
      for (let l = 0; l < NLABELS; l++) {
        if (!ok[l]) continue;
        // As viterbi(): the history score was added to a zeroed array first (0 + t).
        const v = base + em[row + l]! + (0 + tr[at + l]!);
        if (v > delta[row + l]!) {
          delta[row + l] = v;
          back[row + l] = prev;
        }
      }
    }
  }
  return backtrack(n, delta, back);
}

export interface UnitSpan {
  /** Index of the first and one past the last unit. */
  from: number;
  to: number;
  type: NameType;
  /** Mean margin of its units over O: how sure the model is that this is a name. */
  score: number;
}

/** Labels -> spans over the units. */
export function labelSpans(labels: number[], margin?: Float64Array): UnitSpan[] {
  const out: UnitSpan[] = [];
  let cur: UnitSpan | null = null;
  let sum = 0;
  const close = (): void => {
    if (!cur) return;
    cur.score = sum / (cur.to - cur.from);
    out.push(cur);
    cur = null;
  };
  for (let i = 0; i <= labels.length; i++) {
    const lab = i < labels.length ? LABELS[labels[i]!]! : 'O';
    if (cur && lab !== `I-${(cur as UnitSpan).type}`) close();
    if (lab.startsWith('B-')) {
      cur = { from: i, to: i + 1, type: lab.slice(2) as NameType, score: 0 };
      sum = margin ? margin[i]! : 0;
    } else if (cur) {
      (cur as UnitSpan).to = i + 1;
      sum += margin ? margin[i]! : 0;
    }
  }
  return out;
}
