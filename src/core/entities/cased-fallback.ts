// Names in cased scripts (Latin, Cyrillic, Greek...) for languages with no model of their own:
// capitalised runs of words, kept only when the text gives evidence of what they are. Precision
// first: a run is typed by a title before it ("президент", "pan", "κ."), a patronymic, a common
// first name, an organisation's head word, or a region name in the page's language (inflected
// forms too: "России", "Германии"); anything else is left out. A sentence's first word is a name
// only if the text also writes it capitalised elsewhere mid-sentence ("W Polsce" is "Polsce").
import type { Candidate, NameType } from './candidate.ts';
import { FIRST_NAMES, ORG_HEADS, TITLES } from './cased-words.ts';
import { regionNames } from './regions.ts';

// Letters, then letters, marks, digits, apostrophes and inner hyphens ("Комсомольска-на-Амуре").
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*(?:-[\p{L}\p{M}\p{N}'’]+)*\.?/gu;
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
// Lower-case particles inside names ("Leonardo da Vinci", "Ursula von der Leyen").
const CONNECTOR = /^(?:de|da|do|dos|das|di|del|della|van|von|der|den|ter|ten|du|la|le|y|bin|ibn|al|el|zu)$/;
const SENTENCE_END = /[.!?…:;«»"“”„()\[\]—–•|]\s*$/u;
const PATRONYMIC = /\p{L}{2,}(?:ович|евич|ьич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой)?$/u;
const PATRONYMIC_LANGS = new Set(['ru', 'uk', 'be', 'bg']);
// Languages that inflect names ("Россия" / "России"): forms are matched on the stem.
const INFLECTING = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'hr', 'bs', 'sl', 'pl', 'cs', 'sk', 'el', 'lt', 'lv', 'fi', 'et', 'hu']);
const FINAL_VOWELS = /[аяйьоеёыиуюaeiouyąęάέήίόύώαεηιουω]{1,2}$/u;

interface Tok {
  text: string;
  start: number;
  end: number;
  /** First word of a sentence or block: its capital is the sentence's, not the name's. */
  initial: boolean;
  /** Position in the block's token list. */
  i: number;
}

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = from;
  let prevEnd = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let word = m[0];
    // A dot is the word's only for titles and initials ("prof.", "κ.", "J."); else it ends the sentence.
    if (word.endsWith('.') && word.length > 3 && !/^\p{Lu}\.$/u.test(word)) word = word.slice(0, -1);
    const between = text.slice(prevEnd, m.index);
    const initial = out.length === 0 || SENTENCE_END.test(between) || /\n/.test(between);
    out.push({ text: word, start: m.index, end: m.index + word.length, initial, i: out.length });
    prevEnd = m.index + word.length;
  }
  return out;
}

const lower = (s: string): string => s.toLowerCase();

/** `word` is `base` or, where the language inflects, a form of it (same stem, a short ending). */
export function stemMatch(word: string, base: string, inflects: boolean): boolean {
  if (word === base) return true;
  if (!inflects) return false;
  const stem = base.replace(FINAL_VOWELS, '');
  // Four letters at least: "Sam" is no form of "Samoa", "Малину" none of "Мали".
  return stem.length >= 4 && word.startsWith(stem) && word.length - stem.length <= 3;
}

interface LangEvidence {
  titles: Set<string>;
  heads: string[];
  firstNames: Map<string, string[]>;
  /** Region names as lower-case word lists, by the first word's first two letters. */
  regions: Map<string, string[][]>;
}

const cache = new Map<string, LangEvidence>();

function evidenceFor(lang: string): LangEvidence {
  let ev = cache.get(lang);
  if (ev) return ev;
  const firstNames = new Map<string, string[]>();
  for (const n of FIRST_NAMES[lang] ?? []) firstNames.set(n.slice(0, 2), [...(firstNames.get(n.slice(0, 2)) ?? []), n]);
  const regions = new Map<string, string[][]>();
  for (const name of regionNames(lang).keys()) {
    const words = lower(name).split(/\s+/);
    const key = words[0]!.slice(0, 2);
    regions.set(key, [...(regions.get(key) ?? []), words]);
  }
  ev = { titles: new Set(TITLES[lang] ?? []), heads: ORG_HEADS[lang] ?? [], firstNames, regions };
  cache.set(lang, ev);
  return ev;
}

function isRegion(words: string[], ev: LangEvidence, inflects: boolean): boolean {
  for (const r of ev.regions.get(words[0]!.slice(0, 2)) ?? []) {
    if (r.length === words.length && r.every((w, i) => stemMatch(words[i]!, w, inflects))) return true;
  }
  return false;
}

function isFirstName(word: string, ev: LangEvidence, inflects: boolean): boolean {
  return (ev.firstNames.get(word.slice(0, 2)) ?? []).some((n) => stemMatch(word, n, inflects));
}

function isTitle(word: string, ev: LangEvidence): boolean {
  const w = lower(word);
  return ev.titles.has(w) || ev.titles.has(`${w}.`);
}

/** Capitalised runs of one block: maximal sequences of capitalised words and inner particles. */
function runs(toks: Tok[], text: string): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  const flush = (): void => {
    while (cur.length && CONNECTOR.test(cur[cur.length - 1]!.text)) cur.pop();
    if (cur.length) out.push(cur);
    cur = [];
  };
  for (const t of toks) {
    const prev = cur[cur.length - 1];
    const joined = prev && !t.initial && /^[\s\u00a0]+$/.test(text.slice(prev.end, t.start));
    if (!joined) flush();
    if (UPPER.test(t.text) || (cur.length > 0 && CONNECTOR.test(t.text))) cur.push(t);
    else flush();
  }
  flush();
  return out;
}

export function casedFallbackCandidates(text: string, from: number, to: number, lang: string, out: Candidate[]): void {
  const ev = evidenceFor(lang);
  const inflects = INFLECTING.has(lang);
  const toks = tokens(text, from, to);
  // Words the text writes capitalised mid-sentence: a sentence may start with them as names.
  const midCaps = new Set(toks.filter((t) => !t.initial && UPPER.test(t.text)).map((t) => t.text));
  const lowerSeen = new Set(toks.filter((t) => !UPPER.test(t.text)).map((t) => t.text));
  for (let run of runs(toks, text)) {
    // A block in capitals (a shouted headline) says nothing by its case.
    if (run.every((t) => !HAS_LOWER.test(t.text)) && run.length >= 3) continue;
    const before = toks[run[0]!.i - 1];
    let titled = !!before && !run[0]!.initial && isTitle(before.text, ev);
    // "Президент Путин" at the start of a sentence: the title is the run's first word.
    if (!titled && run.length >= 2 && isTitle(run[0]!.text, ev)) {
      titled = true;
      run = run.slice(1);
    }
    if (!titled && run[0]!.initial) {
      const first = run[0]!.text;
      const evidenced = midCaps.has(first) || isFirstName(lower(first), ev, inflects) || isRegion([lower(first)], ev, inflects);
      if (!evidenced || lowerSeen.has(lower(first))) run = run.slice(1);
    }
    // "России Владимир Путин": a region name and a name run together; the region goes first.
    while (run.length > 1 && isRegion([lower(run[0]!.text)], ev, inflects)) {
      out.push({ start: run[0]!.start, end: run[0]!.end, type: 'place', source: 'gazetteer', priority: 1 });
      run = run.slice(1);
    }
    while (run.length && CONNECTOR.test(run[0]!.text)) run = run.slice(1);
    if (run.length === 0 || run.length > 5) continue;
    const words = run.map((t) => lower(t.text.replace(/\.$/, '')));
    if (words.join('').length < 2 || !HAS_LOWER.test(run.map((t) => t.text).join(''))) continue;
    let type: NameType | null = null;
    let source: Candidate['source'] = 'rule';
    if (titled) type = 'person';
    else if (PATRONYMIC_LANGS.has(lang) && run.length >= 2 && run.some((t) => PATRONYMIC.test(t.text))) type = 'person';
    else if (isRegion(words, ev, inflects)) {
      type = 'place';
      source = 'gazetteer';
    } else if (run.length >= 2 && words.some((w) => ev.heads.some((h) => stemMatch(w, h, inflects)))) type = 'organization';
    else if (run.length >= 2 && run.length <= 3 && isFirstName(words[0]!, ev, inflects) && !ev.heads.includes(words[1]!)) type = 'person';
    if (!type) continue;
    out.push({ start: run[0]!.start, end: run[run.length - 1]!.end, type, source, priority: type === 'place' ? 1 : 2 });
  }
}
