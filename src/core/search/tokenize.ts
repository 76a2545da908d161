// Tokens for the library's full-text index, the same for every language:
// - Han, kana, Hangul and Bopomofo runs become overlapping character bigrams (a run of one
//   character stays a unigram). Chinese and Japanese have no spaces, and a dictionary segmenter
//   cuts the same name differently in a query and in a text (布林肯 vs 布林|肯); bigrams find any
//   substring of two or more characters, which is what a reader types.
// - Thai, Lao, Khmer and Myanmar (no spaces, but not ideographic) go through Intl.Segmenter.
// - Everything else: runs of letters and digits, lower-cased, Latin diacritics folded
//   (café = cafe), so "Müller" is found by "muller" and "müller".

/** Bump when tokens change: persisted indexes built with another version are rebuilt. */
export const TOKENIZER_VERSION = 1;

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}々〆〇ーｰ';
const SEA_CLASS = '\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
// One alternative per kind of run; the third takes letters, marks and digits of any other script.
const RUNS = new RegExp(`([${CJK_CLASS}]+)|([${SEA_CLASS}]+)|((?:(?![${CJK_CLASS}${SEA_CLASS}])[\\p{L}\\p{M}\\p{N}_])+)`, 'gu');

export type RunKind = 'cjk' | 'sea' | 'word';
export interface Run {
  kind: RunKind;
  text: string;
}

/** Case- and width-folded text (NFKC turns full-width Ａ１ into A1 and half-width kana into kana). */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Latin (and Greek, Cyrillic) combining accents removed; other scripts' marks are letters' parts. */
export function foldWord(word: string): string {
  return /[\u00c0-\u024f\u1e00-\u1eff]/.test(word) || /[\u0300-\u036f]/.test(word)
    ? word.normalize('NFD').replace(/[\u0300-\u036f]+/g, '').normalize('NFC')
    : word;
}

export function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const m of fold(text).matchAll(RUNS)) {
    if (m[1]) out.push({ kind: 'cjk', text: m[1] });
    else if (m[2]) out.push({ kind: 'sea', text: m[2] });
    else if (m[3]) out.push({ kind: 'word', text: foldWord(m[3]) });
  }
  return out;
}

export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

let seaSegmenter: Intl.Segmenter | null | undefined;
function segmentSea(run: string): string[] {
  if (seaSegmenter === undefined) seaSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
  if (!seaSegmenter) return bigrams(run);
  const out: string[] = [];
  for (const s of seaSegmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

function runTokens(run: Run): string[] {
  if (run.kind === 'cjk') return bigrams(run.text);
  if (run.kind === 'sea') return segmentSea(run.text);
  return [run.text];
}

/** Every token of a text, in order, with repeats (the index keeps each once per field). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) for (const t of runTokens(run)) out.push(t);
  return out;
}

export interface QueryTerm {
  /** Token the index must hold (or the start of one when `prefix`). */
  token: string;
  /** The last word of the query as it is being typed: "blin" finds "blinken". */
  prefix: boolean;
  /** A single CJK character: matched by any token that contains it. */
  contains: boolean;
}

/**
 * What a query asks for: every term must match (AND). The last Latin word is a prefix so that
 * results follow the typing; a single CJK character matches any bigram holding it.
 */
export function queryTerms(query: string): QueryTerm[] {
  const rs = runs(query);
  const terms: QueryTerm[] = [];
  rs.forEach((run, i) => {
    const last = i === rs.length - 1 && !/\s$/.test(query);
    if (run.kind === 'word') terms.push({ token: run.text, prefix: last, contains: false });
    else if (run.kind === 'cjk' && Array.from(run.text).length === 1) terms.push({ token: run.text, prefix: false, contains: true });
    else for (const t of runTokens(run)) terms.push({ token: t, prefix: false, contains: false });
  });
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.token}|${t.prefix}|${t.contains}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
