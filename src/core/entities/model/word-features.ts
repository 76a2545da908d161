// Features of one word for the spaced-script packs (en, de, fr, nl, pt), shared by training and
// tagging: each is hashed (hash.ts) into the pack's weight table, so adding one costs no
// vocabulary. Beyond the word and its neighbours: word shapes, the capitalised run it sits in,
// whether it starts a sentence, whether the same word is written in lower case elsewhere in the
// document (a capital there is only the sentence's), and whether it is part of a region name
// (the gazetteer).
import { feat, feat2, fnv1a, fnvBar, fnvCont, fnvRange, prefix } from './hash.ts';
import type { Encoded } from './tagger.ts';

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

export interface NameList {
  has(name: string): boolean;
}

/** What the whole document says about its words: which are written in lower case somewhere. */
export interface DocContext {
  lowerSeen: Set<string>;
  /** How often each capitalised word occurs (a name the text repeats is surer). */
  capCount: Map<string, number>;
  /** Capitalised words seen inside a sentence, not at its start: their capital is the name's. */
  capMid: Set<string>;
}


/** Whether a word at `at` opens a sentence: only spaces back to a line start or a sentence mark. */
function opensAt(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text[k]!;
    if (c === ' ' || c === '\t') continue;
    return c === '\n' || SENTENCE_END.has(c);
  }
  return true;
}

// Per BMP character, which of \p{L}, \p{M}, \p{N}, \p{Ll}, \p{Lu} it is (bits), cached as met.
const IS_L = 1;
const IS_M = 2;
const IS_N = 4;
const IS_LL = 8;
const IS_LU = 16;
const KNOWN = 32;
const CLASS_RES: [RegExp, number][] = [[/\p{L}/u, IS_L], [/\p{M}/u, IS_M], [/\p{N}/u, IS_N], [/\p{Ll}/u, IS_LL], [/\p{Lu}/u, IS_LU]];
const charClass = new Uint8Array(65536);
const classOf = (ch: string): number => CLASS_RES.reduce((c, [re, bit]) => (re.test(ch) ? c | bit : c), KNOWN);

// The length in UTF-16 units of the code point classAt last read (2 for a surrogate pair).
let unitLength = 1;

/** The classes of the code point at i; its length goes to unitLength (no tuple per character). */
function classAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    unitLength = 2;
    return classOf(text.slice(i, i + 2));
  }
  unitLength = 1;
  let c = charClass[u]!;
  if (c === 0) charClass[u] = c = classOf(text[i]!);
  return c;
}

/**
 * One pass over the text finds the words the regexes (?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}]* (lower
 * case) and the same with \p{Lu} (capitalised) matched: a lower-case or capital letter not after a
 * letter, mark or digit, with the letters and marks after it. Two regex passes with a lookbehind
 * and a match object per word were a twentieth of the English path (test/core/entities-speed).
 */
export function docContext(text: string): DocContext {
  const lowerSeen = new Set<string>();
  const capCount = new Map<string, number>();
  const capMid = new Set<string>();
  let prev = 0;
  for (let i = 0; i < text.length; ) {
    const c = classAt(text, i);
    const len = unitLength;
    if (c & (IS_LL | IS_LU) && !(prev & (IS_L | IS_M | IS_N))) {
      let j = i + len;
      let last = c;
      while (j < text.length) {
        const d = classAt(text, j);
        if (!(d & (IS_L | IS_M))) break;
        last = d;
        j += unitLength;
      }
      const word = text.slice(i, j);
      if (c & IS_LL) lowerSeen.add(word);
      else {
        capCount.set(word, (capCount.get(word) ?? 0) + 1);
        if (!opensAt(text, i)) capMid.add(word);
      }
      prev = last;
      i = j;
      continue;
    }
    prev = c;
    i += len;
  }
  return { lowerSeen, capCount, capMid };
}

export interface WordContext {
  words: string[];
  lower: string[];
  shapes: string[];
  /** Per word: first and last word of the capitalised run it belongs to ('' when none). */
  runFirst: string[];
  runLast: string[];
  /** Per word: B, I, E or S within its run, with the run's length (capped at 4). */
  runPos: string[];
  /** Per word: '1' when it opens a sentence. */
  opens: string[];
  /** Per word: its position in a region name (B, I, E, S) or ''. */
  gaz: string[];
  /** Per capitalised word: 'L' when written in lower case elsewhere in the document, else 'C'. */
  lc: string[];
  /** Per word: what the document says of its capital ('word3'): see docCase. */
  dc: string[];
  /** The line's casing: 'U' most words in capitals (a headline, a dateline), 'T' Title Case, else 'N'. */
  hl: string;
}

// Lower-case words that continue a capitalised name: "University of Texas", "Charles de Gaulle".
const CONNECTORS = new Set(['of', 'de', 'la', 'du', 'der', 'von', 'van', 'and', '&', 'the', 'da', 'di', 'del', 'le', 'y', 'al', 'bin', 'el', 'do', 'dos', 'das', 'des', 'den', 'het', 'zu', 'für']);
const capital = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '«', '»', '(', '-', '–', '—']);
const MAX_GAZ = 4;

export function wordContext(words: string[], doc: DocContext | null, gazetteers: NameList[]): WordContext {
  const lower = words.map((w) => w.toLowerCase());
  const n = words.length;
  const runFirst: string[] = new Array(n).fill('');
  const runLast: string[] = new Array(n).fill('');
  const runPos: string[] = new Array(n).fill('O');
  const gaz: string[] = new Array(n).fill('');
  const lc: string[] = new Array(n).fill('');
  const opens: string[] = new Array(n).fill('0');
  for (let i = 0; i < n; ) {
    if (i === 0 || SENTENCE_END.has(words[i - 1]!)) opens[i] = '1';
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
      if (doc && capital(words[k]!)) lc[k] = doc.lowerSeen.has(lower[k]!) ? 'L' : 'C';
      if (k > i && SENTENCE_END.has(words[k - 1]!)) opens[k] = '1';
    }
    // Region names inside the run, longest first ("South Korea", "Mexico").
    if (gazetteers.length) {
      for (let k = i; k < j; k++) {
        for (let m = Math.min(MAX_GAZ, j - k); m >= 1; m--) {
          const name = words.slice(k, k + m).join(' ');
          if (gazetteers.some((g) => g.has(name))) {
            for (let q = k; q < k + m; q++) gaz[q] = m === 1 ? 'S' : q === k ? 'B' : q === k + m - 1 ? 'E' : 'I';
            k += m - 1;
            break;
          }
        }
      }
    }
    i = j;
  }
  return { words, lower, shapes: words.map(shape), runFirst, runLast, runPos, opens, gaz, lc, dc: words.map((w) => docCase(w, doc)), hl: lineCase(words) };
}

const UPPER_WORD = /^\p{Lu}[\p{Lu}\p{M}.&'-]+$/u;

/**
 * What the rest of the document says of a word's capital: a capitalised word also written so
 * inside a sentence ('M': its capital is the name's, even where it opens one), or never ('N'); a
 * word in capitals ("JAPAN" in a headline or dateline) also written with only its first letter
 * capital ('T'), or in lower case ('L'), or neither ('A').
 */
function docCase(w: string, doc: DocContext | null): string {
  if (!doc || !capital(w)) return '';
  if (UPPER_WORD.test(w)) {
    const title = w[0]! + w.slice(1).toLowerCase();
    return doc.capCount.has(title) ? 'T' : doc.lowerSeen.has(w.toLowerCase()) ? 'L' : 'A';
  }
  return doc.capMid.has(w) ? 'M' : 'N';
}

/** Whether a line's capitals say nothing of names: most words in capitals, or nearly all capitalised. */
function lineCase(words: string[]): string {
  let n = 0;
  let caps = 0;
  let upper = 0;
  for (const w of words) {
    if (w.length < 2 || !/^\p{L}/u.test(w)) continue;
    n++;
    if (capital(w)) caps++;
    if (UPPER_WORD.test(w)) upper++;
  }
  // Three words at least: a Latin name in capitals inside Japanese text ("WHITE FOX") is its own
  // stretch of two words, and no headline.
  if (n >= 3 && upper >= n * 0.6) return 'U';
  if (n >= 3 && caps >= n * 0.8) return 'T';
  return 'N';
}

const BIAS = fnv1a('b');
// The prefixes' hashes as constants: this runs for every token of every article.
const [W, PREV, NEXT, PP, NN, S, PS, NS, X3, X2, F3, PW, WN, F, RP, RL, RF, G, LC, WS, X4, SL, RX, DC, HL, B2, B3, SC] = [
  'w=', 'p=', 'n=', 'pp=', 'nn=', 's=', 'ps=', 'ns=', 'x3=', 'x2=', 'f3=', 'pw=', 'wn=', 'f=', 'rp=', 'rl=', 'rf=', 'g=', 'lc=', 'ws=', 'x4=', 'sl=', 'rx=', 'dc=', 'hl=', 'b2=', 'b3=', 'sc=',
].map(prefix) as number[];
const LENGTHS = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];

/** Hash of prefix + the last `k` characters of w (all of it when shorter), as feat(pre, w.slice(-k)). */
const suffix = (pre: number, w: string, k: number): number => fnvRange(pre, w, Math.max(0, w.length - k), w.length) >>> 0;

/**
 * The hashes of word i's static features (the label history is added by the decoder). `v2` (the
 * 'word2' packs) adds: the 4-letter suffix, the sentence's length with the word's place in it (a
 * short line that is all one name: a title), and the 3-letter suffix of the capitalised run's
 * last word, which says much of a name's type ("-berg", "-ville", "-sson"). `version` 3 (the
 * 'word3' packs) adds the features below. Each hash is the FNV-1a of "prefix" + the value
 * (hash.ts), computed over the words in place: no feature string is built.
 */
export function wordFeatureHashes(ctx: WordContext, i: number, out: number[], version: boolean | number = false): void {
  const v = version === true ? 2 : version === false ? 1 : version;
  const { lower, shapes, words } = ctx;
  const w = lower[i]!;
  const p = i > 0 ? lower[i - 1]! : '<s>';
  const n = i + 1 < lower.length ? lower[i + 1]! : '</s>';
  const sh = shapes[i]!;
  const ps = i > 0 ? shapes[i - 1]! : '<s>';
  const ns = i + 1 < shapes.length ? shapes[i + 1]! : '</s>';
  const pp = i > 1 ? lower[i - 2]! : '<s>';
  const nn = i + 2 < lower.length ? lower[i + 2]! : '</s>';
  out.length = 0;
  out.push(
    BIAS,
    feat(W!, w),
    feat(PREV!, p),
    feat(NEXT!, n),
    feat(PP!, pp),
    feat(NN!, nn),
    feat(S!, sh),
    feat(PS!, ps),
    feat(NS!, ns),
    suffix(X3!, w, 3),
    suffix(X2!, w, 2),
    fnvRange(F3!, w, 0, Math.min(3, w.length)) >>> 0,
    feat2(PW!, p, w),
    feat2(WN!, w, n),
    feat2(F!, ctx.opens[i]!, sh),
    feat(RP!, ctx.runPos[i]!),
    feat(RL!, ctx.runLast[i]!),
    feat(RF!, ctx.runFirst[i]!),
    feat2(G!, ctx.gaz[i]!, ctx.runPos[i]!),
    feat2(LC!, ctx.lc[i]!, ctx.opens[i]!),
    // The word as written (case kept) where its capital is not the sentence's.
    feat2(WS!, ctx.opens[i]!, words[i]!),
  );
  if (v < 2) return;
  const len = lower.length;
  const last = ctx.runLast[i]!;
  out.push(
    suffix(X4!, w, 4),
    feat2(SL!, LENGTHS[Math.min(len, 8)]!, i === 0 ? 'F' : i === len - 1 ? 'L' : 'M'),
    fnvRange(fnvBar(fnvCont(RX!, ctx.runPos[i]!)), last, Math.max(0, last.length - 3), last.length) >>> 0,
  );
  if (v < 3) return;
  // 'word3': what the document says of the word's capital with where it stands, the line's
  // casing with the capitalised run (a headline in capitals, a dateline "WASHINGTON ( AP )"),
  // the two words on each side as pairs, and the shapes around it ("ps|s" then "ns").
  out.push(
    feat2(DC!, ctx.dc[i]!, ctx.opens[i]!),
    feat2(HL!, ctx.hl, ctx.runPos[i]!),
    feat2(B2!, pp, p),
    feat2(B3!, n, nn),
    fnvCont(fnvBar(fnvCont(fnvBar(fnvCont(SC!, ps)), sh)), ns) >>> 0,
  );
}

/** The feature version of a pack's feature set name ('word' 1, 'word2' 2, 'word3' 3). */
export const featureVersion = (features: string | undefined): number => (features === 'word3' ? 3 : features === 'word2' ? 2 : 1);

/** A sentence's words ready for the decoder. */
export function encodeWords(ctx: WordContext, version: boolean | number = false): Encoded {
  return { n: ctx.words.length, hashes: (i, out) => wordFeatureHashes(ctx, i, out, version), cls: (i) => ctx.shapes[i]! };
}
