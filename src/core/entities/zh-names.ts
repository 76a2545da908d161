// Chinese personal names without a name list: a surname, then one or two given-name characters,
// scored by how name-like each character is (counted from jieba's dictionary by
// scripts/build-zh-names.mjs). Context (a title before, a verb of saying after) adds to the
// score; a surname that starts an ordinary word (王国, 高度) is not taken.
import data from './data/zh.json';
import { SortedWords } from './lexicon.ts';
import type { Candidate } from './candidate.ts';

interface NameTables {
  /** Char code -> surname level + 1 (0: not a surname). */
  sur: Int8Array;
  /** Char code -> given-name level + 1 (0: not listed, read as neutral). */
  given: Int8Array;
  compounds: SortedWords;
  wordStarts: SortedWords;
}

let tables: NameTables | null = null;
const [SUR_MIN, GIVEN_MIN, STEP] = data.nameLevels as [number, number, number];

function levels(groups: string): Int8Array {
  const out = new Int8Array(65536);
  let level = 1;
  for (let i = 0; i < groups.length; i++) {
    const c = groups.charCodeAt(i);
    if (c === 124 /* | */) level++;
    else out[c] = level;
  }
  return out;
}

function load(): NameTables {
  return (tables ??= {
    sur: levels(data.nameSurnames),
    given: levels(data.nameGiven),
    compounds: new SortedWords(data.nameCompounds, 'person'),
    wordStarts: new SortedWords(data.nameWordStarts, 'person'),
  });
}

// Characters that end a name: particles, prepositions, conjunctions, verbs of saying.
export const STOP = new Set('的了在是和与及同对把被向从为于说称表示指认也都就将曾已又还而但并等着过给让到这那其各该此之以及或且即由'.split(''));
const COMPOUND_SCORE = 4;
// Three-character names are about three times as common as two-character ones.
const TWO_CHAR_PRIOR = -1;
// Characters that end place names (张家庄, 李村) and rarely stand in a given name; before one of
// them, the "name" is the first part of a place (王各庄村).
const PLACE_END = /[省市县区镇乡村庄屯州旗盟寨堡]/;
const isHanCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** How name-like a surname at `at` is, and its length; null when none starts there. */
export function surnameAt(text: string, at: number): { len: number; score: number } | null {
  const t = load();
  if (t.compounds.matchAt(text, at)) return { len: 2, score: COMPOUND_SCORE };
  const q = t.sur[text.charCodeAt(at)]!;
  return q ? { len: 1, score: (SUR_MIN + q - 1) * STEP } : null;
}

/** How name-like a given-name character is (0 when the model does not know it). */
export function givenScore(ch: string): number {
  const q = load().given[ch.charCodeAt(0)]!;
  return q ? (GIVEN_MIN + q - 1) * STEP : 0;
}

export interface NameGuess {
  end: number;
  score: number;
}

/**
 * The readings of a name starting at `at`: surname + one given-name character, then + two (a
 * reading is left out when the character after it ends place names). Empty when no surname starts
 * there, the surname starts an ordinary word, or the next character cannot be part of a name.
 */
export function nameReadings(text: string, at: number): NameGuess[] {
  const t = load();
  const sur = surnameAt(text, at);
  if (!sur) return [];
  if (sur.len === 1 && t.wordStarts.matchAt(text, at)) return [];
  const out: NameGuess[] = [];
  let score = sur.score;
  for (let k = 1; k <= 2; k++) {
    const i = at + sur.len + k - 1;
    const c = text.charCodeAt(i);
    if (!isHanCode(c) || STOP.has(text[i]!) || PLACE_END.test(text[i]!)) break;
    score += givenScore(text[i]!);
    const total = score + (k === 1 && sur.len === 1 ? TWO_CHAR_PRIOR : 0);
    if (!PLACE_END.test(text[i + 1] ?? '')) out.push({ end: i + 1, score: total });
  }
  return out;
}

/** The higher-scoring reading of a name starting at `at`, or null. */
export function bestName(text: string, at: number): NameGuess | null {
  let best: NameGuess | null = null;
  for (const g of nameReadings(text, at)) if (!best || g.score > best.score) best = g;
  return best;
}

// Words after a name: verbs of saying and meeting, honorifics, titles, "and others".
export const PERSON_AFTER = /^(?:说|表示|指出|指称|认为|强调|介绍|称|告诉|透露|宣布|会见|会晤|出席|主持|担任|当选|率领|发表|回忆|笑着|先生|女士|同志|教授|老师|主席|总理|总统|书记|省长|市长|部长|等人|一行|夫妇|夫人|（[左右中]）)/;
// A guess is taken at this score; context and repetition add to it.
const THRESHOLD = 3;
const CONTEXT_BONUS = 3;
const REPEAT_BONUS = 1.5;

/**
 * Chinese names by the model: every surname position scored; context (a verb of saying or an
 * honorific after, list commas around) and repetition add to the score. `isWord` says whether a
 * gazetteer word spans the same characters (a known place is no name).
 */
export function zhNameCandidates(text: string, isWord: (s: string) => boolean, out: Candidate[]): void {
  const guesses: { at: number; end: number; score: number; context: boolean }[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const prev = text[i - 1];
    // Inside a word (a name-like character before): no surname starts here.
    if (prev && isHanCode(prev.charCodeAt(0)) && !STOP.has(prev) && givenScore(prev) > 0) continue;
    // A reading that a title, an honorific or a verb of saying follows wins (周恩来总理, 吴宓先生),
    // else the higher-scoring one.
    const readings = nameReadings(text, i);
    const g = readings.filter((r) => PERSON_AFTER.test(text.slice(r.end, r.end + 3))).pop() ?? bestName(text, i);
    if (!g) continue;
    const name = text.slice(i, g.end);
    if (isWord(name)) continue;
    const listed = /[、，,]/.test(prev ?? '') && /[、，,]/.test(text[g.end] ?? '');
    const context = PERSON_AFTER.test(text.slice(g.end, g.end + 3)) || listed;
    guesses.push({ at: i, end: g.end, score: g.score + (context ? CONTEXT_BONUS : 0), context });
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const g of guesses) {
    const score = g.score + ((counts.get(text.slice(g.at, g.end)) ?? 0) >= 2 ? REPEAT_BONUS : 0);
    if (score >= THRESHOLD) out.push({ start: g.at, end: g.end, type: 'person', source: 'rule', priority: g.context ? 3 : 1 });
  }
}
