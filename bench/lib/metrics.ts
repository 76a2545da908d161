// The two scores of ../shared/bench/README.md, written from its description (and matching the
// independent scorer in tools/extract-eval): Zyte's 4-token shingles and trafilatura's snippets.

export type Tokenizer = 'words' | 'cjk';

const WORD_RE = /[\p{L}\p{N}_]+/gu;
// One CJK letter is one token; runs of other word characters are tokens as in "words".
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}\\u3005-\\u3007\\u30fc\\uff70';
const CJK_RE = new RegExp(`(?=[\\p{L}\\p{N}])[${CJK_CLASS}]|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}_])+`, 'gu');

export function tokenize(text: string, tokenizer: Tokenizer = 'words'): string[] {
  return text.match(tokenizer === 'cjk' ? CJK_RE : WORD_RE) ?? [];
}

function shingles(tokens: string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** Per-page figures; tn only for snippets. */
  precision: number;
  recall: number;
  f1: number;
  tn?: number;
}

function finish(tp: number, fp: number, fn: number): PageScore {
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export function scoreShingles(truth: string, predicted: string, tokenizer: Tokenizer): PageScore {
  const t = shingles(tokenize(truth, tokenizer));
  const p = shingles(tokenize(predicted, tokenizer));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(tc, pc);
    if (pc > tc) fp += pc - tc;
  }
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0;
    if (tc > pc) fn += tc - pc;
  }
  return finish(tp, fp, fn);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface Snippets {
  with: string[];
  without: string[];
}

export function scoreSnippets(truth: Snippets, predicted: string): PageScore {
  const text = squash(predicted);
  const tp = truth.with.filter((w) => text.includes(squash(w))).length;
  const fp = truth.without.filter((w) => text.includes(squash(w))).length;
  const fn = truth.with.length - tp;
  // Per page F1 from the page's own counts, so pages can be compared and ranked.
  const s = finish(tp, fp, fn);
  return { ...s, tn: truth.without.length - fp };
}

export interface Corpus {
  f1: number;
  precision: number;
  recall: number;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Shingles: macro P over pages with a prediction, macro R over pages with a truth. */
export function aggregateShingles(pages: PageScore[]): Corpus {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map((p) => p.precision));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map((p) => p.recall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

/** Snippets: micro averages over summed counts. */
export function aggregateSnippets(pages: PageScore[]): Corpus {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pages) {
    tp += p.tp;
    fp += p.fp;
    fn += p.fn;
  }
  return {
    f1: 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
  };
}
