// Features of one token for the English tagger, shared by training and tagging. Each is a short
// string hashed into the weight table, so adding one costs no vocabulary.

export const LABELS = ['O', 'B-person', 'I-person', 'B-place', 'I-place', 'B-organization', 'I-organization'] as const;
export const NLABELS = LABELS.length;

/** Word shape with runs collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.", "2021" -> "d". */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const code = ch.charCodeAt(0);
    let c: string;
    // ASCII without regular expressions: this runs for every token of every article.
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = ch;
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}|\p{Lo}|\p{M}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 6) break;
  }
  return out;
}

const FNV_BASIS = 0x811c9dc5;

/** FNV-1a over `s`, continuing from `h` (so a feature's hash needs no concatenated string). */
export function fnvCont(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

export function fnv1a(s: string): number {
  return fnvCont(FNV_BASIS, s) >>> 0;
}

export interface FeatureContext {
  lower: string[];
  shapes: string[];
  /** Per token: first and last word of the capitalised run it belongs to ('' when none). */
  runFirst: string[];
  runLast: string[];
  /** Per token: B, I, E or S within its run, with the run's length (capped at 4). */
  runPos: string[];
}

// Lower-case words that continue a capitalised name: "University of Texas", "Charles de Gaulle".
const CONNECTORS = new Set(['of', 'de', 'la', 'du', 'der', 'von', 'van', 'and', '&', 'the', 'da', 'di', 'del', 'le', 'y', 'al', 'bin', 'el']);
const capital = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);

export function featureContext(words: string[]): FeatureContext {
  const lower = words.map((w) => w.toLowerCase());
  const n = words.length;
  const runFirst: string[] = new Array(n).fill('');
  const runLast: string[] = new Array(n).fill('');
  const runPos: string[] = new Array(n).fill('O');
  for (let i = 0; i < n; ) {
    if (!capital(words[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && (capital(words[j]!) || (CONNECTORS.has(lower[j]!) && j + 1 < n && capital(words[j + 1]!)))) j++;
    const len = Math.min(4, j - i);
    for (let k = i; k < j; k++) {
      runFirst[k] = lower[i]!;
      runLast[k] = lower[j - 1]!;
      runPos[k] = `${j - i === 1 ? 'S' : k === i ? 'B' : k === j - 1 ? 'E' : 'I'}${len}`;
    }
    i = j;
  }
  return { lower, shapes: words.map(shape), runFirst, runLast, runPos };
}

/**
 * The static features of token i (the label history is added by the caller). Kept small on
 * purpose: every feature family costs table space and time per token.
 */
export function tokenFeatures(ctx: FeatureContext, i: number, out: string[]): void {
  const { lower, shapes } = ctx;
  const w = lower[i]!;
  const p = i > 0 ? lower[i - 1]! : '<s>';
  const n = i + 1 < lower.length ? lower[i + 1]! : '</s>';
  const sh = shapes[i]!;
  out.length = 0;
  out.push(
    'b',
    `w=${w}`,
    `p=${p}`,
    `n=${n}`,
    `pp=${i > 1 ? lower[i - 2]! : '<s>'}`,
    `nn=${i + 2 < lower.length ? lower[i + 2]! : '</s>'}`,
    `s=${sh}`,
    `ps=${i > 0 ? shapes[i - 1]! : '<s>'}`,
    `ns=${i + 1 < shapes.length ? shapes[i + 1]! : '</s>'}`,
    `x3=${w.slice(-3)}`,
    `x2=${w.slice(-2)}`,
    `f3=${w.slice(0, 3)}`,
    `pw=${p}|${w}`,
    `wn=${w}|${n}`,
    `f=${i === 0 ? 1 : 0}${sh}`,
    `rp=${ctx.runPos[i]}`,
    `rl=${ctx.runLast[i]}`,
    `rf=${ctx.runFirst[i]}`,
  );
}

const pre = (s: string): number => fnvCont(FNV_BASIS, s);
const H = {
  b: fnv1a('b'), w: pre('w='), p: pre('p='), n: pre('n='), pp: pre('pp='), nn: pre('nn='), s: pre('s='), ps: pre('ps='), ns: pre('ns='),
  x3: pre('x3='), x2: pre('x2='), f3: pre('f3='), pw: pre('pw='), wn: pre('wn='), f0: pre('f=0'), f1: pre('f=1'), rp: pre('rp='), rl: pre('rl='), rf: pre('rf='),
};

/** The hashes of tokenFeatures(ctx, i), computed without building the strings (same values). */
export function tokenFeatureHashes(ctx: FeatureContext, i: number, out: number[]): void {
  const { lower, shapes } = ctx;
  const w = lower[i]!;
  const p = i > 0 ? lower[i - 1]! : '<s>';
  const n = i + 1 < lower.length ? lower[i + 1]! : '</s>';
  const sh = shapes[i]!;
  out.length = 0;
  out.push(
    H.b,
    fnvCont(H.w, w) >>> 0,
    fnvCont(H.p, p) >>> 0,
    fnvCont(H.n, n) >>> 0,
    fnvCont(H.pp, i > 1 ? lower[i - 2]! : '<s>') >>> 0,
    fnvCont(H.nn, i + 2 < lower.length ? lower[i + 2]! : '</s>') >>> 0,
    fnvCont(H.s, sh) >>> 0,
    fnvCont(H.ps, i > 0 ? shapes[i - 1]! : '<s>') >>> 0,
    fnvCont(H.ns, i + 1 < shapes.length ? shapes[i + 1]! : '</s>') >>> 0,
    fnvCont(H.x3, w.slice(-3)) >>> 0,
    fnvCont(H.x2, w.slice(-2)) >>> 0,
    fnvCont(H.f3, w.slice(0, 3)) >>> 0,
    fnvCont(fnvCont(fnvCont(H.pw, p), '|'), w) >>> 0,
    fnvCont(fnvCont(fnvCont(H.wn, w), '|'), n) >>> 0,
    fnvCont(i === 0 ? H.f1 : H.f0, sh) >>> 0,
    fnvCont(H.rp, ctx.runPos[i]!) >>> 0,
    fnvCont(H.rl, ctx.runLast[i]!) >>> 0,
    fnvCont(H.rf, ctx.runFirst[i]!) >>> 0,
  );
}
