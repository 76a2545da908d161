// Checks on the learned layer's spans in spaced text that the model cannot make itself, because
// they need the whole article (is the headline's casing evidence?) or because its training data
// never taught them (measures, common nouns, names of things).
import type { Candidate } from './candidate.ts';

const WORD = /\p{L}[\p{L}\p{M}'’.-]*/gu;

/** Whether the `len` characters at `at` stand as whole words (no letter or digit on either side). */
const wholeAt = (text: string, at: number, len: number): boolean => !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + len] ?? ' ');

/** Whether `word` occurs in `text` as whole words, with the same case, anywhere but at `except`. */
function occursIn(text: string, word: string, except = -1): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (at !== except && wholeAt(text, at, word.length)) return true;
  return false;
}

/**
 * A headline in Title Case ("The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor")
 * or in capitals capitalises every word, so its casing says nothing about which words are names.
 * Short words (of, the, a, on) are left out: style guides keep them lower case.
 */
export function isTitleCase(title: string): boolean {
  const long = (title.match(WORD) ?? []).filter((w) => w.length >= 4);
  if (long.length < 3) return false;
  const cased = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  // Caseless scripts (Han, Arabic...) have no upper case at all: never "Title Case".
  return cased >= long.length * 0.8;
}

/**
 * In a Title Case headline, the model's spans run on through ordinary capitalised words ("Moon
 * Europa Are Spewing Water Vapor"). Such a span is kept only when the body names it too, written
 * the same way; the headline's mention of a name the body confirms is still counted (merge.ts
 * counts every form over title and body).
 */
export function dropUnconfirmedTitleSpans(cands: Candidate[], text: string, titleEnd: number, from = 0): Candidate[] {
  const body = text.slice(titleEnd);
  return cands.filter((c) => c.start >= titleEnd || c.start < from || c.source !== 'model' || occursIn(body, text.slice(c.start, c.end)));
}

/**
 * Where the headline's unreliable part starts, or -1: all of a Title Case headline; else the
 * site or section name after its last separator ("... a city on the brink | Editorial").
 */
export function unreliableTitleFrom(title: string): number {
  if (isTitleCase(title)) return 0;
  const sep = [...title.matchAll(/\s[|–—-]\s/gu)].pop();
  return sep ? sep.index! + sep[0].length : -1;
}

// A measure written as one hyphenated word: "1,900-mile-wide", "8-year-old", "195-inches".
const MEASURE = /^[\p{N}][\p{N},.]*-\p{Ll}/u;
// Nouns after a name that make it the name of a thing, not of a person: "NASA's Galileo Jupiter
// probe", "the Europa Clipper mission". Kinds of object that are named after no one in passing;
// not film, song, album or award, which follow people's names ("a Spielberg film").
const THINGS = '(?:probe|spacecraft|mission|telescope|rover|orbiter|lander|satellite|rocket|capsule|app|browser|console|smartphone|hurricane|typhoon|cyclone|submarine|aircraft|missile|algorithm)s?';
const THING_HEAD = new RegExp(`^\\s+${THINGS}\\b`);
// The same nouns before "called/named": "a mission called Europa Clipper".
const THING_CALLED = new RegExp(`\\b${THINGS} (?:called|named|dubbed)\\s+$`);

export interface SpanCheck {
  text: string;
  start: number;
  end: number;
  type: Candidate['type'];
}

/**
 * Spans the learned layer proposes that no reader would call a name:
 * - a span with no capital letter at all ("oxygen", "bishop", "national security"): in edited
 *   text names are capitalised, and the model learnt lower-case names from tweets (WNUT);
 * - a measure ("900-mile-wide") or a span that starts with one (cut off by the caller);
 * - a "person" followed by a noun for a kind of object ("Galileo Jupiter probe"), or after one
 *   and "called" ("a mission called Europa Clipper");
 * - an ordinary noun at the end ("Hong Kong government"), cut off.
 * Returns the span to keep (possibly shortened) or null.
 */
export function checkSpan(s: SpanCheck, wellCased: boolean): { start: number; end: number } | null {
  let start = s.start;
  let name = s.text.slice(s.start, s.end);
  while (MEASURE.test(name)) {
    const space = name.search(/\s/);
    if (space < 0) return null;
    const next = name.slice(space).search(/\S/) + space;
    start += next;
    name = name.slice(next);
  }
  if (wellCased && !/\p{Lu}/u.test(name)) return null;
  if (namesThing(s)) return null;
  let end = s.end;
  // "the Hong Kong government", "a Forest Hill hotel": a last word in lower case that the text
  // also uses on its own is an ordinary noun after the name, not part of it ("Marco Polo sheep",
  // named once, stays).
  const tail = wellCased ? /\s+(\p{Ll}[\p{Ll}\p{M}-]*)$/u.exec(name) : null;
  if (tail && /\p{Lu}/u.test(name.slice(0, tail.index)) && occursIn(s.text, tail[1]!, end - tail[1]!.length)) end = start + tail.index;
  return { start, end };
}

/** A "person" span that names an object: "Galileo Jupiter probe", "a mission called Europa Clipper". */
export function namesThing(s: SpanCheck): boolean {
  return s.type === 'person' && (THING_HEAD.test(s.text.slice(s.end, s.end + 16)) || THING_CALLED.test(s.text.slice(Math.max(0, s.start - 30), s.start)));
}

/**
 * Edited prose starts its sentences with a capital letter; chat and comments often do not. Only in
 * edited prose is a lower-case span surely no name ("@joe going to paris" names Paris).
 */
export function isWellCased(text: string): boolean {
  // The pronoun "I" in lower case ("i gotta hit mute") marks chat, however its lines start.
  if (/(?:^|\s)i(?:\s|['’](?:m|ve|ll|d)\b)/mu.test(text)) return false;
  let upper = 0;
  let lower = 0;
  for (const m of text.matchAll(/(?:^|[.!?]\s+|\n)\s*["“‘(]?(\p{L})/gu)) {
    if (/\p{Lu}/u.test(m[1]!)) upper++;
    else if (/\p{Ll}/u.test(m[1]!)) lower++;
  }
  return upper + lower >= 3 && lower <= (upper + lower) * 0.1;
}

// Common nouns that say what kind of place a name is: "the moon Europa", "the town of Greenbelt",
// "Saturn's icy moon", "France's capital". Only lower-case nouns: capitalised, they are part of
// the name ("Lake Tahoe", "River Thames").
const PLACE_BEFORE = /(?:^|\s)(?:moon|planet|asteroid|comet|orbit(?:s|ed|ing)?|(?:city|town|village|island|province|county|region|state|port|republic) of)\s+$/;
const PLACE_AFTER =
  /^(?:\s+(?:moons?|capital|coast(?:line)?|borders?)\b|['’]s(?:\s+[\p{Ll}-]+,?){0,3}\s+(?:moons?|capital|coast(?:line)?|borders?|surface|atmosphere|rings|orbit)\b)/u;

/**
 * The type the words around a span give it, when they say outright what it names. The learned
 * layer, trained on sentences, types by the name's own shape ("Europa's" reads like a company's).
 */
export function contextType(text: string, start: number, end: number): Candidate['type'] | null {
  if (PLACE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return 'place';
  if (PLACE_AFTER.test(text.slice(end, end + 48))) return 'place';
  return null;
}

const SENTENCE_START = /(?:^|[.!?:;]["”’)]?\s+|\n\s*|["“‘(]\s*)$/;

/**
 * A single capitalised word that the text capitalises only at sentence starts is an ordinary word
 * there, when either a comma follows it ("Meanwhile, the Communist party...") or the text also
 * writes it in lower case ("Police used a ram" ... "rescued by police"). A name turns up
 * capitalised mid-sentence too ("Obama, who ..." ... "asked Obama").
 */
export function isOpeningWord(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/[\s.]/.test(word) || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (wholeAt(text, at, word.length) && !SENTENCE_START.test(text.slice(Math.max(0, at - 4), at))) return false;
  }
  if (text[end] === ',') return true;
  return occursIn(text, word.toLowerCase());
}

// A title or role alone is no one's name ("Dr", "Minister", "President").
const BARE_TITLE = /^(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Lord|Lady|Minister|President|Prime Minister|Chancellor|Senator|Governor|Mayor|Secretary|Chairman|King|Queen|Pope|Judge|Professor|Doctor)\.?$/;

/**
 * A span without the stray punctuation the model's tokens keep: an unpaired bracket
 * ("Bloomberg)"), a quote or apostrophe at either end ("Udwadia’" of "Udwadia’s"), which would
 * list one name twice. Dots and paired brackets stay ("U.S.", "Jr.", "Queen (band)"). Null when
 * nothing of a name is left, or only a title.
 */
export function tidySpan(text: string, c: Candidate): Candidate | null {
  let { start, end } = c;
  const unpaired = (open: string, close: string): boolean => {
    const s = text.slice(start, end);
    return s.split(open).length !== s.split(close).length;
  };
  for (;;) {
    const first = text[start] ?? '';
    const last = text[end - 1] ?? '';
    if (end > start && /['’"“”«»„]/u.test(first)) start++;
    else if (end > start && /['’"“”«»„]/u.test(last)) end--;
    else if (end > start && (first === '(' || last === ')') && unpaired('(', ')')) {
      if (first === '(') start++;
      else end--;
    } else if (end > start && (first === '[' || last === ']') && unpaired('[', ']')) {
      if (first === '[') start++;
      else end--;
    }
    else if (end > start && /[\s:;,]/u.test(last)) end--;
    else if (end > start && /\s/u.test(first)) start++;
    else break;
  }
  // An opening bracket inside with no closing one: the name ends before it ("Chris Eubank Jr. (31-2-0").
  const open = text.slice(start, end).search(/\s[(\[]/u);
  if (open > 0 && (unpaired('(', ')') || unpaired('[', ']'))) end = start + open;
  if (end <= start || BARE_TITLE.test(text.slice(start, end))) return null;
  const span = text.slice(start, end);
  // A sentence ends inside it ("Blicke. Das Gefühl", "Fischer: Jetzt", "Knollen? Von"), or a list
  // number starts a word ("3. Establish", "13. März"; not "1. FC Köln"): the model read across
  // punctuation, no name.
  if (crossesSentence(span) || (LIST_NUMBER.test(span) && span.split(/\s+/).length === 2)) return null;
  // The full stop of the sentence, not of an abbreviation ("Rangers." but "Jr.", "U.S.", "Inc.").
  if (/\p{Ll}{3,}\.$/u.test(span) && !ABBREVIATION.test(span)) end--;
  return start === c.start && end === c.end ? c : { ...c, start, end };
}

const ABBREVIATION = /(?:^|\s)(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros|Dept|Univ|Assn|Intl|Gov|Rep|Sen|Gen|Col|Capt|Prof|Rev|Mt|Ft|St|Ave|Blvd)\.$/u;
const ABBREVIATED = /^(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros|Dept|Univ|Assn|Intl|Gov|Rep|Sen|Gen|Col|Capt|Prof|Rev|Mt|Ft|St|Ave|Blvd|Dr|Mr|Mrs|Ms|Nr|No|Vol|ca|bzw|z\.B|Hr|Fr)$/u;

/** A sentence's end inside the span: a word of two letters or more, then . ? ! : or ;, then more. */
function crossesSentence(span: string): boolean {
  // A closing bracket or quote may stand between the word and its stop ("Hemden). Aus", "Zukunft“. In").
  // French sets a space before ? ! ; ("Vraiment ? Non"); not ':', which WikiANN's titles keep
  // inside names ("Star Trek : La Nouvelle Génération").
  for (const m of span.matchAll(/([\p{L}\p{N}]+)[)\]"”“’»«]*(?:([.?!:;])\s+\S|[ \u00a0\u202f]([?!;])\s+\p{Lu})/gu)) {
    const word = m[1]!;
    if (m[3]) return true;
    if (m[2] === '.' && (word.length < 2 || /^\p{Lu}+$/u.test(word) || ABBREVIATED.test(word))) continue;
    return true;
  }
  return false;
}
const LIST_NUMBER = /^\p{N}+[.)]\s/u;

// Determiners that start a sentence and no name when no capital follows: "Les travailleurs
// éligibles", "Os moradores", "Het bestuur" (not "La Paz", "Le Monde", "De Telegraaf").
const DETERMINER = /^(?:le|la|les|l['’]|un|une|des|du|ce|cette|ces|o|a|os|as|um|uma|uns|umas|de|het|een|der|die|das)$/iu;
// The particle of "équipe de France", "région du Tigré", "comte de Tilly", "Universidade do Porto".
const PARTICLE = /^(?:de|du|des|da|do|dos|das|di|del|van|von|of)$/u;
const NUMBER_LEAD = /^(?:[\p{N}][\p{N}.,]*(?:e|er|re|ème|º|ª|st|nd|rd|th)?|[%#§–—:-])$/u;
const TRAILING = /^(?:de|du|des|da|do|dos|das|di|del|van|von|of|la|le|les|o|a|os|as|e|et|em|no|na|and|und|en|y|el|the|der|die|das|den|het|een)$/u;

/**
 * The spans of the French, Portuguese, Dutch and German packs, which learned WikiANN's names
 * that run through lower-case words ("Chambre des communes du Canada", "équipe de France"): on
 * real pages they also run on through plain prose ("adhérents de la CGT", "caisse de grève",
 * "22 % de la population de cette région de l’Europe", "janeiro de 2018"). Kept: a span that
 * starts at a capital, after a number or not; one after an ordinal ("3e arrondissement de
 * Paris"); one lower-case word before a capital ("rivière Arkansas"), or before a particle and a
 * capital ("équipe de France"); for a person, a particle and a capital ("de Gaulle"). A span with
 * no capital at all, or only a determiner's, is no name.
 */
export function packSpanOk(text: string, start: number, end: number, type: string): boolean {
  const all = text.slice(start, end).split(/\s+/u).filter(Boolean);
  if (!/\p{Lu}/u.test(all.join(' '))) return false;
  let i = 0;
  while (i < all.length - 1 && NUMBER_LEAD.test(all[i]!)) i++;
  const w = all.slice(i);
  if (w.length > 1 && DETERMINER.test(w[0]!) && w.slice(1).every((x) => /^\p{Ll}/u.test(x))) return false;
  // A sentence's article and a common noun ("A estratégia de Pacheco", "La caisse de grève"), or
  // a span that ends on a particle or conjunction ("... o maior número de"): prose, not a name.
  if (w.length > 1 && DETERMINER.test(w[0]!) && /^\p{Ll}/u.test(w[1]!) && !PARTICLE.test(w[1]!)) return false;
  if (w.length > 1 && TRAILING.test(w[w.length - 1]!)) return false;
  // A capital, after a letter modifier or not ("ʿAbd ar-Rahmān").
  if (/^[\p{Lm}\p{M}'’]*\p{Lu}/u.test(w[0]!)) return true;
  // An ordinal names a numbered unit: "134e division d'infanterie ( Allemagne )".
  if (i > 0 && /^\p{N}+(?:e|er|re|ème|º|ª)$/u.test(all[i - 1]!)) return true;
  const cap = (x: string | undefined): boolean => !!x && /^(?:\p{Lu}|[dl]['’]\p{Lu}|\(|（)/u.test(x);
  // "rivière Arkansas": a kind of place and its name.
  if (cap(w[1]) && !PARTICLE.test(w[0]!)) return true;
  if (type === 'person' && PARTICLE.test(w[0]!) && cap(w[1])) return true;
  // "championnat d'Uruguay": the particle joined to the capital.
  if (/^[dl]['’]\p{Lu}/u.test(w[1] ?? '')) return true;
  return PARTICLE.test(w[1] ?? '') && cap(w[2]);
}
