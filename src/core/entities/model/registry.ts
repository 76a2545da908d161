// Which language packs are loaded, and the one way to ask them for names. A pack is the packed
// weights of one language's tagger (data/model-<lang>.json). In the extension each pack is its own
// injected file (src/content/pack-<lang>.ts) that puts its weights on globalThis.__siftPacks before
// the names script runs, so a page loads only the packs its text needs (packsForArticle); in Node,
// all-packs.ts registers every pack.
import zhData from '../data/zh.json';
import type { Candidate } from '../candidate.ts';
import { tokenize, type Token } from '../en-tokens.ts';
import { decode, labelSpans, unpackModel, type Model, type NameType, type PackedModel } from './tagger.ts';
import { docContext, encodeWords, featureVersion, wordContext, type DocContext, type NameList } from './word-features.ts';
import { charContext, encodeChars, type RuleSpan } from './char-features.ts';
import { packGazetteers } from './gazetteers.ts';
import { MIN_SCORE, type Floors } from './thresholds.ts';

export { PACK_LANGS } from './packs-for.ts';

/** A name the model found: UTF-16 offsets into the text, end exclusive, and how sure it is. */
export interface ModelMention {
  start: number;
  end: number;
  type: NameType;
  /** Mean margin of the model's label over O on the name's units (> 0; higher is surer). */
  score: number;
}

type PackStore = Record<string, PackedModel>;
const store = (): PackStore => ((globalThis as { __siftPacks?: PackStore }).__siftPacks ??= {});
const models = new Map<string, Model>();

/** Makes a pack available (what each pack file and all-packs.ts do). */
export function registerPack(lang: string, packed: PackedModel): void {
  store()[lang] = packed;
  models.delete(lang);
}

/** The languages whose pack is loaded here. */
export function loadedPacks(): string[] {
  return Object.keys(store()).sort();
}

export function hasPack(lang: string): boolean {
  return lang in store();
}

function model(lang: string): Model | null {
  let m = models.get(lang);
  if (!m) {
    const p = store()[lang];
    if (!p) return null;
    m = unpackModel(p);
    models.set(lang, m);
  }
  return m;
}

// Stretches without CJK characters or full-width punctuation: where spaced words live.
const SPACED = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\n]+/gu;
const CASED = /\p{Lu}/u;

export interface WordSpan extends ModelMention {
  /** Index of the first and one past the last token in `tokens`. */
  from: number;
  to: number;
}

// A sentence ends at . ! ? before a capital after a word of three letters or more: not after an
// initial or an abbreviation the tokenizer left apart ("St . Nikolaus" in WikiANN's tokenised
// text), nor after a number (German ordinals: "15. September").
const END = new Set(['.', '!', '?']);
const WORD = /^\p{L}{3,}$/u;

/** Where each sentence of the tokens starts (0 first): the packs learned from one sentence per line. */
export function sentenceStarts(tokens: Token[]): number[] {
  const out = [0];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (END.has(tokens[i]!.text) && /^\p{Lu}/u.test(tokens[i + 1]!.text) && WORD.test(tokens[i - 1]!.text)) out.push(i + 1);
  }
  return out;
}

/**
 * One stretch of spaced text tagged by a word pack (latin.ts works on the tokens too), decoded a
 * sentence at a time, as the packs were trained: over a whole paragraph the German pack ran names
 * on across the full stop ("Berlin. Matthias Frankenstein" as one organisation).
 */
export function tagTokens(lang: string, tokens: Token[], doc: DocContext | null, gaz: NameList[] = packGazetteers(lang)): WordSpan[] {
  const m = model(lang);
  if (!m || tokens.length === 0) return [];
  const version = featureVersion(store()[lang]!.features);
  const floors = floorsFor(lang);
  const out: WordSpan[] = [];
  // The English pack keeps whole stretches: split, it lost on wnut17-en-dev (tweets).
  const starts = lang === 'en' ? [0] : sentenceStarts(tokens);
  starts.forEach((from, k) => {
    const to = starts[k + 1] ?? tokens.length;
    const ctx = wordContext(tokens.slice(from, to).map((t) => t.text), doc, gaz);
    const { labels, margin } = decode(m, encodeWords(ctx, version));
    for (const s of labelSpans(labels, margin)) {
      if (s.score < (floors[s.type] ?? -Infinity) && !repeated(tokens, from + s.from, from + s.to, doc)) continue;
      out.push({ ...s, from: from + s.from, to: from + s.to, start: tokens[from + s.from]!.start, end: tokens[from + s.to - 1]!.end });
    }
  });
  return out;
}

/**
 * Whether the text repeats every capitalised word of the span: the floors are for names the pack
 * is unsure of and sees once; a name the text comes back to is kept whatever its score (German
 * news: "bei Daimler ... Bei Daimler", which the WikiANN-trained pack scores low).
 */
function repeated(tokens: Token[], from: number, to: number, doc: DocContext | null): boolean {
  if (!doc) return false;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!.text;
    if (!/^\p{Lu}/u.test(t)) continue;
    caps++;
    if ((doc.capCount.get(t) ?? 0) < 2) return false;
  }
  return caps > 0;
}

const floorOverrides = new Map<string, Floors>();
const floorsFor = (lang: string): Floors => floorOverrides.get(lang) ?? MIN_SCORE[lang] ?? {};

/** Replaces a language's score floors (bench/entities-thresholds.ts sweeps them); null restores. */
export function setFloors(lang: string, floors: Floors | null): void {
  if (floors) floorOverrides.set(lang, floors);
  else floorOverrides.delete(lang);
}

/** The Chinese pack over every run of text (rule spans from zh.ts are its features). */
function tagChars(text: string, rules: RuleSpan[]): ModelMention[] {
  const m = model('zh');
  if (!m) return [];
  const translit = new Set(zhData.translit);
  const floors = floorsFor('zh');
  const out: ModelMention[] = [];
  let from = 0;
  for (const line of text.split('\n')) {
    const to = from + line.length;
    if (/\p{Script=Han}/u.test(line)) {
      const ctx = charContext(text, from, to, rules, translit);
      const { labels, margin } = decode(m, encodeChars(ctx));
      for (const s of labelSpans(labels, margin)) {
        if (s.score >= (floors[s.type] ?? -Infinity)) out.push({ start: from + s.from, end: from + s.to, type: s.type, score: s.score });
      }
    }
    from = to + 1;
  }
  return out;
}

/**
 * The names a language's pack finds in `text` (nothing when that pack is not loaded). For 'zh',
 * `rules` are the rule layers' candidates (zh.ts), which the character model reads as features;
 * without them it computes none and reads only the characters.
 */
export function tag(lang: string, text: string, rules: (Candidate | RuleSpan)[] = []): ModelMention[] {
  if (lang === 'zh') return tagChars(text, rules);
  if (!hasPack(lang)) return [];
  const doc = docContext(text);
  const out: ModelMention[] = [];
  for (const seg of text.matchAll(SPACED)) {
    if (!CASED.test(seg[0])) continue;
    for (const s of tagTokens(lang, tokenize(seg[0], seg.index!), doc)) out.push({ start: s.start, end: s.end, type: s.type, score: s.score });
  }
  return out;
}
