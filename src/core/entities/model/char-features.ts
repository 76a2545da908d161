// Features of one character for the Chinese pack: the characters around it (unigrams, bigrams,
// a trigram), script classes, and what the rule layers of zh.ts say about it (gazetteer matches,
// transliterated and Chinese personal names, title + name, place + organisation head), each as
// its position in the rule's span, its type and its source. The model thereby learns from the
// training data how far to trust each rule, in which context: the rules' and the model's votes
// are combined by measured weights, not by a fixed order.
import { feat, feat2, fnv1a, prefix } from './hash.ts';
import type { Encoded } from './tagger.ts';

/** The span a rule layer proposed (zh.ts candidates, before overlaps are resolved). */
export interface RuleSpan {
  start: number;
  end: number;
  type: string;
  source: string;
  priority: number;
}

/** Script class of a character: Han, Latin upper/lower, digit, CJK or ASCII punctuation, other. */
export function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return 'H';
  if (c >= 65 && c <= 90) return 'A';
  if (c >= 97 && c <= 122) return 'a';
  if (c >= 48 && c <= 57) return 'd';
  if (c >= 0xff10 && c <= 0xff19) return 'd';
  if (c === 0x00b7 || c === 0x2027 || c === 0x2022 || c === 0x30fb) return '·';
  if (c >= 0x3000 && c <= 0x303f) return 'P';
  if (c >= 0xff00 && c <= 0xffef) return 'P';
  if (c === 10) return 'N';
  if (c === 32) return 'S';
  if (c < 128) return 'p';
  if (/\p{Script=Han}/u.test(ch)) return 'H';
  return 'o';
}

export interface CharContext {
  chars: string[];
  classes: string[];
  /** Per character: the rule spans over it, as "type|pos|source" (pos B/I/E/S), at most 3. */
  rules: string[][];
  /** Per character: '1' when it can be part of a transliterated foreign name. */
  translit: string[];
}

export function charContext(text: string, from: number, to: number, rules: RuleSpan[], translit: { has(ch: string): boolean }): CharContext {
  const chars: string[] = [];
  for (let i = from; i < to; i++) chars.push(text[i]!);
  const n = chars.length;
  const r: string[][] = Array.from({ length: n }, () => []);
  for (const s of rules) {
    if (s.end <= from || s.start >= to) continue;
    const len = s.end - s.start;
    for (let k = Math.max(s.start, from); k < Math.min(s.end, to); k++) {
      const pos = len === 1 ? 'S' : k === s.start ? 'B' : k === s.end - 1 ? 'E' : 'I';
      const list = r[k - from]!;
      if (list.length < 3) list.push(`${s.type}|${pos}|${s.source}`);
    }
  }
  return { chars, classes: chars.map(charClass), rules: r, translit: chars.map((c) => (translit.has(c) ? '1' : '0')) };
}

const P = Object.fromEntries(
  ['c=', 'c-1=', 'c+1=', 'c-2=', 'c+2=', 'b-1=', 'b+1=', 'b-2=', 'b+2=', 't=', 'k=', 'k3=', 'r=', 'rn=', 'rc=', 'tr=', 'rp=', 'rx='].map((k) => [k, prefix(k)]),
) as Record<string, number>;
const BIAS = fnv1a('b');

export function charFeatureHashes(ctx: CharContext, i: number, out: number[]): void {
  const { chars, classes } = ctx;
  const at = (k: number): string => (k < 0 ? '<s>' : k >= chars.length ? '</s>' : chars[k]!);
  const cl = (k: number): string => (k < 0 || k >= chars.length ? '_' : classes[k]!);
  const c = chars[i]!;
  out.length = 0;
  out.push(
    BIAS,
    feat(P['c=']!, c),
    feat(P['c-1=']!, at(i - 1)),
    feat(P['c+1=']!, at(i + 1)),
    feat(P['c-2=']!, at(i - 2)),
    feat(P['c+2=']!, at(i + 2)),
    feat2(P['b-1=']!, at(i - 1), c),
    feat2(P['b+1=']!, c, at(i + 1)),
    feat2(P['b-2=']!, at(i - 2), at(i - 1)),
    feat2(P['b+2=']!, at(i + 1), at(i + 2)),
    feat2(P['t=']!, at(i - 1), `${c}${at(i + 1)}`),
    feat(P['k=']!, cl(i)),
    feat(P['k3=']!, `${cl(i - 1)}${cl(i)}${cl(i + 1)}`),
    feat(P['tr=']!, `${ctx.translit[i - 1] ?? '_'}${ctx.translit[i]}${ctx.translit[i + 1] ?? '_'}`),
  );
  const rules = ctx.rules[i]!;
  if (rules.length === 0) out.push(feat(P['r=']!, 'none'));
  for (const r of rules) {
    out.push(feat(P['r=']!, r));
    out.push(feat2(P['rc=']!, r, c));
  }
  // What the rules say just before and after: a name's edge is often where a rule's span ends.
  for (const r of ctx.rules[i - 1] ?? []) out.push(feat(P['rp=']!, r));
  for (const r of ctx.rules[i + 1] ?? []) out.push(feat(P['rx=']!, r));
  out.push(feat(P['rn=']!, String(rules.length)));
}

export function encodeChars(ctx: CharContext): Encoded {
  return { n: ctx.chars.length, hashes: (i, out) => charFeatureHashes(ctx, i, out), cls: (i) => ctx.classes[i]! };
}
