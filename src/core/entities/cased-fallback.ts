// Names in cased scripts (Latin, Cyrillic, Greek...) for languages with no model of their own:
// capitalised runs of words, kept only when the text gives evidence of what they are. Precision
// first: a run is typed by a title before it ("президент", "pan", "κ."), a patronymic, a common
// first name, an organisation's head word, or a region name in the page's language (inflected
// forms too: "России", "Германии"); anything else is left out. A sentence's first word is a name
// only if the text also writes it capitalised elsewhere mid-sentence ("W Polsce" is "Polsce").
import type { Candidate, NameType } from './candidate.ts';
import { FIRST_NAMES, ORG_HEADS, TITLES } from './cased-words.ts';
import { ORG_ACRONYMS, ORGS, PLACE_ACRONYMS, PLACES } from './cased-gazetteer.ts';
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
  if (stem.length < 4 || !word.startsWith(stem) || word.length - stem.length > 3) return false;
  // In Cyrillic only a case ending may follow: "Испанец" is no form of "Испания", "Ираклий" none of "Ирак".
  const rest = word.slice(stem.length);
  return !CYRILLIC_WORD.test(word) || CASE_ENDING.test(rest);
}
const CYRILLIC_WORD = /^\p{Script=Cyrillic}/u;
const CASE_ENDING = /^(?:|а|я|о|е|ё|ы|и|у|ю|ь|й|ой|ей|ою|ею|ом|ем|ём|ам|ям|ах|ях|ами|ями|ов|ев|ую|юю|ия|ии|ию|ие|ье|ья|ьи|ью|ья|ым|им|ых|их|ого|его|ому|ему|ая|яя|ое|ее)$/u;

interface LangEvidence {
  titles: Set<string>;
  heads: string[];
  firstNames: Map<string, string[]>;
  /** Region names as lower-case word lists, by the first word's first two letters. */
  regions: Map<string, string[][]>;
  /** Listed organisations (one or two words), by the same key. */
  orgs: Map<string, string[][]>;
  acronyms: Map<string, NameType>;
}

function byFirstLetters(names: Iterable<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const name of names) {
    const words = lower(name).split(/\s+/);
    const key = words[0]!.slice(0, 2);
    out.set(key, [...(out.get(key) ?? []), words]);
  }
  return out;
}

const cache = new Map<string, LangEvidence>();

function evidenceFor(lang: string): LangEvidence {
  let ev = cache.get(lang);
  if (ev) return ev;
  const firstNames = new Map<string, string[]>();
  for (const n of FIRST_NAMES[lang] ?? []) firstNames.set(n.slice(0, 2), [...(firstNames.get(n.slice(0, 2)) ?? []), n]);
  const regions = byFirstLetters([...regionNames(lang).keys(), ...(PLACES[lang] ?? [])]);
  const acronyms = new Map<string, NameType>([
    ...(ORG_ACRONYMS[lang] ?? []).map((a): [string, NameType] => [a, 'organization']),
    ...(PLACE_ACRONYMS[lang] ?? []).map((a): [string, NameType] => [a, 'place']),
  ]);
  ev = { titles: new Set(TITLES[lang] ?? []), heads: ORG_HEADS[lang] ?? [], firstNames, regions, orgs: byFirstLetters(ORGS[lang] ?? []), acronyms };
  cache.set(lang, ev);
  return ev;
}

function isRegion(words: string[], ev: LangEvidence, inflects: boolean): boolean {
  return listed(words, ev.regions, inflects);
}

function listed(words: string[], list: Map<string, string[][]>, inflects: boolean): boolean {
  for (const r of list.get(words[0]!.slice(0, 2)) ?? []) {
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

// Adjective endings (Russian): "Южной", "Конституционного", "Российский" are no names of people.
const ADJECTIVE = /\p{Script=Cyrillic}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ую|юю|ых|их|ые|ие|ыми|ими)$/u;

function isHead(word: string, ev: LangEvidence, inflects: boolean): boolean {
  return ev.heads.some((h) => stemMatch(word, h, inflects));
}

function scriptOf(s: string): string {
  const lat = s.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const cyr = s.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const gr = s.match(/\p{Script=Greek}/gu)?.length ?? 0;
  return lat >= cyr && lat >= gr ? 'latin' : cyr >= gr ? 'cyrillic' : 'greek';
}

/** A run cut at listed acronyms (names of their own: "МЧС России") and where the script changes. */
function splitRun(run: Tok[], acronyms: Set<number>): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  for (const t of run) {
    const cut = acronyms.has(t.i) || (cur.length > 0 && scriptOf(t.text) !== scriptOf(cur[cur.length - 1]!.text));
    if (cut && cur.length) out.push(cur);
    if (cut) cur = [];
    if (!acronyms.has(t.i)) cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

// Genitive and other oblique endings of the words that follow an organisation's head
// ("Комитет защиты журналистов", "Министерства сельского хозяйства").
const OBLIQUE = /\p{Ll}(?:а|я|ы|и|ов|ев|ей|ого|его|ой|их|ых|ом|ем)$/u;
const CONJ = /^(?:и|по|при)$/u;

/**
 * Russian organisations write only the first word capitalised: a capitalised head ("Комитет
 * защиты журналистов", "Министерства сельского хозяйства Германии") or adjectives before a
 * lower-case head ("Федеральное авиационное управление", "Общественной палаты"). Mid-sentence
 * only, where the capital is the name's. Returns the tokens used.
 */
function headedOrgs(toks: Tok[], text: string, ev: LangEvidence, inflects: boolean, out: Candidate[]): Set<number> {
  const used = new Set<number>();
  const adjacent = (a: Tok, b: Tok): boolean => /^[\s\u00a0]+$/.test(text.slice(a.end, b.start)) && !b.initial;
  for (const t of toks) {
    if (t.initial || !UPPER.test(t.text) || !HAS_LOWER.test(t.text) || used.has(t.i)) continue;
    const w = lower(t.text);
    let end = -1;
    if (isHead(w, ev, inflects)) {
      // The head and its lower-case complement, then a region in the genitive.
      let j = t.i;
      while (j + 1 < toks.length && j - t.i < 3 && adjacent(toks[j]!, toks[j + 1]!) && !UPPER.test(toks[j + 1]!.text) && toks[j + 1]!.text.length >= 4 && OBLIQUE.test(toks[j + 1]!.text)) j++;
      if (j === t.i) continue;
      if (j + 1 < toks.length && adjacent(toks[j]!, toks[j + 1]!) && UPPER.test(toks[j + 1]!.text) && isRegion([lower(toks[j + 1]!.text)], ev, inflects)) j++;
      end = j;
    } else if (ADJECTIVE.test(w) && !isRegion([w], ev, inflects)) {
      // Adjectives (and "и") up to a lower-case head.
      let j = t.i;
      while (j + 1 < toks.length && j - t.i < 4 && adjacent(toks[j]!, toks[j + 1]!) && !UPPER.test(toks[j + 1]!.text)) {
        const next = lower(toks[j + 1]!.text);
        if (isHead(next, ev, inflects)) {
          end = j + 1;
          break;
        }
        if (!ADJECTIVE.test(next) && !CONJ.test(next)) break;
        j++;
      }
    }
    if (end < 0) continue;
    // "Российской Федерации" is a country, whatever its last word.
    if (isRegion(toks.slice(t.i, end + 1).map((x) => lower(x.text)), ev, inflects)) continue;
    for (let k = t.i; k <= end; k++) used.add(k);
    out.push({ start: t.start, end: toks[end]!.end, type: 'organization', source: 'rule', priority: 2 });
  }
  return used;
}

/** How many words at the run's start name a region (longest first), 0 when none. */
function regionPrefix(run: Tok[], ev: LangEvidence, inflects: boolean): number {
  for (let n = Math.min(3, run.length - 1); n >= 1; n--) {
    if (isRegion(run.slice(0, n).map((t) => lower(t.text)), ev, inflects)) return n;
  }
  return 0;
}

// An acronym, bare or with a case ending ("МИДа", "НАТО").
const ACRONYM = /^(\p{Lu}{2,8})(\p{Ll}{1,2})?$/u;
// Russian (and Ukrainian, Belarusian, Bulgarian) surnames by their suffix, in any case form.
const SURNAME = /\p{Ll}(?:ов|ев|ёв|ин|ын|ский|цкий|ской|цкой|енко|швили|дзе|ян|янц|ук|юк|ич)(?:а|у|ым|ом|ой|ым|ого|ому|ая|ую|ы|е)?$/u;
// Case endings of a surname, to find its other forms ("Налбандовым" -> "Налбандов").
const SURNAME_ENDING = /(?:ыми|ому|ему|ого|его|ой|ым|им|ом|ем|ую|ая|а|у|е|ы|и)$/u;

function acronymType(tok: string, ev: LangEvidence): NameType | null {
  const m = ACRONYM.exec(tok);
  return m ? (ev.acronyms.get(lower(m[1]!)) ?? null) : null;
}

export function casedFallbackCandidates(text: string, from: number, to: number, lang: string, out: Candidate[]): void {
  const ev = evidenceFor(lang);
  const inflects = INFLECTING.has(lang);
  const toks = tokens(text, from, to);
  const first = out.length;
  const acronyms = new Set<number>();
  for (const t of toks) {
    const type = acronymType(t.text, ev);
    if (!type) continue;
    acronyms.add(t.i);
    out.push({ start: t.start, end: t.end, type, source: 'gazetteer', priority: 1 });
  }
  // Words the text writes capitalised mid-sentence: a sentence may start with them as names.
  const midCaps = new Set(toks.filter((t) => !t.initial && UPPER.test(t.text)).map((t) => t.text));
  const lowerSeen = new Set(toks.filter((t) => !UPPER.test(t.text)).map((t) => t.text));
  const inOrg = PATRONYMIC_LANGS.has(lang) ? headedOrgs(toks, text, ev, inflects, out) : new Set<number>();
  const mainScript = scriptOf(text.slice(from, Math.min(to, from + 2000)));
  for (let run of runs(toks, text).flatMap((r) => splitRun(r, acronyms))) {
    // A name in another script inside the block ("MySQL", "Global Cultural Project" in Russian
    // text): the fallback's evidence is of the block's language, so only a list may type it.
    const foreign = scriptOf(run.map((t) => t.text).join(' ')) !== mainScript;
    if (run.some((t) => inOrg.has(t.i))) continue;
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
    // "России Владимир Путин", "Российской Федерации Дмитрий Медведев": a region name and a
    // name run together; the region goes first.
    for (let n = regionPrefix(run, ev, inflects); n > 0 && n < run.length; n = regionPrefix(run, ev, inflects)) {
      out.push({ start: run[0]!.start, end: run[n - 1]!.end, type: 'place', source: 'gazetteer', priority: 1 });
      run = run.slice(n);
    }
    // "Роскосмоса Анатолий Перминов", "Химок Владимира Стрельченко": a word in the genitive
    // before a first name belongs to what precedes (the organisation or town the person heads).
    if (run.length >= 3 && !isFirstName(lower(run[0]!.text), ev, inflects) && isFirstName(lower(run[1]!.text), ev, inflects)) {
      if (listed([lower(run[0]!.text)], ev.orgs, inflects)) out.push({ start: run[0]!.start, end: run[0]!.end, type: 'organization', source: 'gazetteer', priority: 1 });
      run = run.slice(1);
    }
    while (run.length && CONNECTOR.test(run[0]!.text)) run = run.slice(1);
    if (run.length === 0 || run.length > 5) continue;
    const words = run.map((t) => lower(t.text.replace(/\.$/, '')));
    if (words.join('').length < 2 || !HAS_LOWER.test(run.map((t) => t.text).join(''))) continue;
    let type: NameType | null = null;
    let source: Candidate['source'] = 'rule';
    // A listed place or organisation first: "посол Италии" names a country, not a person.
    if (isRegion(words, ev, inflects)) {
      type = 'place';
      source = 'gazetteer';
    } else if (listed(words, ev.orgs, inflects)) {
      type = 'organization';
      source = 'gazetteer';
    } else if (foreign) type = null;
    // A title before a run of one word that is an adjective or an organisation's head ("председатель
    // Конституционного суда", "председателя Совета") is no person's name.
    else if (titled && !(run.length === 1 && (ADJECTIVE.test(words[0]!) || isHead(words[0]!, ev, inflects)))) type = 'person';
    else if (PATRONYMIC_LANGS.has(lang) && run.length >= 2 && run.some((t) => PATRONYMIC.test(t.text))) {
      // The name starts at the first name before the patronymic ("Ельцина Наина Иосифовна").
      const p = run.findIndex((t) => PATRONYMIC.test(t.text));
      if (p >= 2) run = run.slice(p - 1);
      type = 'person';
    }
    // An initial and a surname: "А. Кудрин".
    else if (run.length >= 2 && run.length <= 3 && /^\p{Lu}\.$/u.test(run[0]!.text) && HAS_LOWER.test(run[run.length - 1]!.text)) type = 'person';
    else if (PATRONYMIC_LANGS.has(lang) && run.length === 2 && !run[0]!.initial && SURNAME.test(run[1]!.text) && !ADJECTIVE.test(words[0]!) && !words.some((w) => isHead(w, ev, inflects))) type = 'person';
    else if (run.length >= 2 && words.some((w) => ev.heads.some((h) => stemMatch(w, h, inflects)))) type = 'organization';
    else if (run.length >= 2 && run.length <= 3 && isFirstName(words[0]!, ev, inflects) && !ev.heads.includes(words[1]!) && !words.slice(1).some((w) => ADJECTIVE.test(w))) type = 'person';
    if (!type) continue;
    out.push({ start: run[0]!.start, end: run[run.length - 1]!.end, type, source, priority: type === 'place' ? 1 : 2 });
  }
  if (inflects) otherSurnameForms(text, toks, out, first);
}

/**
 * A person named in full is then named by the surname alone, in any case ("Александр Налбандов"
 * ... "Налбандова"): capitalised words outside the block's names that are a form of the last word
 * of a person found in it.
 */
function otherSurnameForms(text: string, toks: Tok[], out: Candidate[], first: number): void {
  const stems = new Set<string>();
  const taken: [number, number][] = [];
  for (const c of out.slice(first)) {
    taken.push([c.start, c.end]);
    if (c.type !== 'person') continue;
    const words = text.slice(c.start, c.end).split(/\s+/);
    if (words.length < 2) continue;
    const stem = lower(words[words.length - 1]!).replace(SURNAME_ENDING, '');
    if (stem.length >= 4) stems.add(stem);
  }
  if (stems.size === 0) return;
  for (const t of toks) {
    if (!UPPER.test(t.text) || !HAS_LOWER.test(t.text) || taken.some(([a, b]) => t.start < b && t.end > a)) continue;
    const w = lower(t.text);
    for (const stem of stems) {
      if (w.startsWith(stem) && w.length - stem.length <= 3) {
        out.push({ start: t.start, end: t.end, type: 'person', source: 'rule', priority: 2 });
        break;
      }
    }
  }
}
