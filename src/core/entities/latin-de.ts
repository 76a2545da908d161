// German capitalises every noun, so the learned English layer, for which a capital letter is the
// best evidence of a name, proposes "Berater", "Die Beschäftigten", "Eine Frau". This filter keeps
// its spans in German text only where the words are no common nouns by German's own grammar: a
// common noun takes an article somewhere in the text ("der Berater"), or ends in a suffix that
// makes nouns (-ung, -heit, -keit...); function words at a sentence start are no names either.
import type { Candidate } from './candidate.ts';
import learnedNouns from './data/de-nouns.json';
import proseNouns from './data/de-prose-nouns.json';

// Capitalised words the German training set writes outside names again and again: common nouns
// ("Kollegen", "Stadt"), whether or not this text puts an article before them
// (scripts/build-de-nouns.mjs); and the common nouns of unlabelled German prose, which that set of
// title fragments hardly writes ("Frau", "Theater", "Politik": after "eine", "seine"... or heading
// compounds on German pages, scripts/build-de-prose-nouns.mjs).
const LEARNED_NOUNS = new Set(learnedNouns as string[]);
// Judged for a span of one word only: "Die Zeit" and "Republikanische Partei" are names.
const PROSE_NOUNS = new Set(proseNouns as string[]);

// Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries, quantifiers)
// that are capitalised only at a sentence start: never a name, never part of one at its start.
const FUNCTION_WORD = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner ' +
    'dieser diese dieses diesem diesen jeder jede jedes jedem jeden alle allen aller viele vielen mehr andere anderen ' +
    'unser unsere unseren ihr ihre ihren sein seine seinen mein meine ' +
    'ich du er sie es wir man wer was wie wo wann warum welche welcher welches ' +
    'und oder aber doch denn sondern auch so da dann noch nur schon jetzt hier dort heute zudem außerdem deshalb ' +
    'bei mit für von vom zum zur im am ins ans beim auf aus in nach über unter vor hinter neben zwischen durch gegen ohne um bis seit während wegen trotz per anstelle ' +
    'ist sind war waren hat haben hatte wird werden wurde kann können muss müssen soll sollen darf will ' +
    'nicht kaum fast etwa rund knapp gut neue neuen erste ersten'
  ).split(' '),
);
const ARTICLE = /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|dieser|diese|dieses|diesem|diesen|jeder|jede|jedes|jedem|jeden|zum|zur|vom|beim|im|am|ins)$/;
// Suffixes that make German nouns from other words.
const NOUN_SUFFIX = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|tum|chen|ment|ments|enz|anz)$/;

/** Words of the text that follow an article somewhere ("die Beschäftigten"): common nouns. */
function nounsAfterArticles(text: string): Set<string> {
  const out = new Set<string>();
  const words = text.match(/[\p{L}][\p{L}-]*/gu) ?? [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (!/^\p{Lu}/u.test(w) || out.has(w)) continue;
    // An article, then up to two words in lower case (adjectives), then the noun.
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const prev = words[j]!;
      if (ARTICLE.test(prev.toLowerCase())) {
        out.add(w);
        break;
      }
      if (!/^\p{Ll}/u.test(prev)) break;
    }
  }
  return out;
}

// Determiners that go with common nouns and (almost) never with a name: the indefinite article,
// "kein", possessives, demonstratives and quantifiers ("eine finanzielle Belastung", "lange Hosen"
// is not evidence, "seine Hosen" is). A name takes the definite article at most ("die Bundesliga").
const NOUN_DETERMINER =
  /^(?:ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|keines|mein|meine|meinen|meinem|meiner|meines|dein|deine|deinen|deinem|deiner|deines|sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren|ihrem|ihrer|ihres|unser|unsere|unseren|unserem|unserer|unseres|euer|eure|euren|eurem|eurer|dieser|diese|dieses|diesem|diesen|jener|jene|jenes|jenem|jenen|jeder|jede|jedes|jedem|jeden|mancher|manche|manches|manchem|manchen|welcher|welche|welches|welchem|welchen|solcher|solche|solches|solchem|solchen|einige|einigen|einiger|mehrere|mehreren|mehrerer|viele|vielen|vieler|wenige|wenigen|beide|beiden|sämtliche|sämtlichen)$/;
// Prefixes that make a place's name of a place's name: Nieder-sachsen, Ost-berlin, Groß-britannien.
const PLACE_PREFIX = /^(?:nieder|ober|unter|ost|west|nord|süd|groß|gross|klein|alt|neu|mittel|hoch|bad|sankt|zentral|inner|vorder|hinter|gesamt|ur)$/iu;
// An inflected adjective between a determiner and its noun ("der richtigen", "die finanzielle").
const ADJECTIVE = /^\p{Ll}{3,}(?:e|en|er|es|em)$/u;
// Endings German nouns take in their cases and plurals ("Mann" / "Mannes", "Hose" / "Hosen").
const NOUN_ENDINGS = ['', 's', 'es', 'n', 'en', 'e', 'er', 'ern', 'nen'];

/**
 * Capitalised words this text itself uses as common nouns, by German grammar: after a determiner
 * names do not take ("eine Belastung", "seines Mannes", with adjectives between: "eine
 * finanzielle Belastung"), or as the last part of a longer word of the text ("Kraftstoff" in
 * "Dieselkraftstoff"). Names take the definite article at most ("der zweitklassigen
 * Allsvenskan", "im benachbarten Südamerika": no evidence), and are compounded only with
 * prefixes of places ("Niedersachsen"). The stems are stored, so another case form counts ("Mannes" for "Mann").
 */
export function nounsByGrammar(text: string): Set<string> {
  const out = new Set<string>();
  const add = (w: string): void => {
    for (const s of stemsOf(w)) out.add(s);
  };
  // Words and the punctuation between them: a determiner counts only in the same clause
  // ("... sein .\nHannover" is no "sein Hannover").
  const toks = text.match(/[\p{L}][\p{L}-]*|[^\p{L}\s]+/gu) ?? [];
  for (let i = 1; i < toks.length; i++) {
    const w = toks[i]!;
    if (!/^\p{Lu}\p{Ll}/u.test(w) || w.includes('-')) continue;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const prev = toks[j]!;
      // Capitalised at a sentence start, still a determiner ("Eine Belastung").
      if (NOUN_DETERMINER.test(prev.toLowerCase())) {
        add(w);
        break;
      }
      // Adjectives may stand between ("eine finanzielle Belastung"), nothing else.
      if (!ADJECTIVE.test(prev)) break;
    }
  }
  // The last part of a compound: a word of the text ends with the noun in lower case
  // ("Dieselkraftstoff"). Not after a prefix that makes names of places from places
  // ("Niedersachsen", "Ostberlin", "Südtirol").
  const vocab = new Set(toks.filter((t) => /^\p{Lu}\p{Ll}/u.test(t) && !t.includes('-')));
  for (const w of vocab) {
    for (let k = 3; k <= w.length - 4; k++) {
      const tail = w.slice(k);
      const noun = tail[0]!.toUpperCase() + tail.slice(1);
      if (!/^\p{Ll}/u.test(tail) || out.has(noun) || !vocab.has(noun) || PLACE_PREFIX.test(w.slice(0, k))) continue;
      add(noun);
    }
  }
  return out;
}

/** A word and the stems its case and plural endings may leave ("Mannes": Mannes, Mann). */
function stemsOf(word: string): string[] {
  const out = [word];
  for (const e of NOUN_ENDINGS) if (e && word.length - e.length >= 3 && word.endsWith(e)) out.push(word.slice(0, -e.length));
  return out;
}

/** Whether the grammar of the text makes `word` (or another case form of it) a common noun. */
function nounInText(word: string, nouns: Set<string>): boolean {
  return stemsOf(word).some((s) => nouns.has(s));
}

function countWord(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && n < 2; at = text.indexOf(word, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? ' ')) n++;
  }
  return n;
}

const NONE = new Set<string>();
const isNoun = (word: string, nouns: Set<string>, grammar: Set<string>): boolean =>
  nouns.has(word) || LEARNED_NOUNS.has(word) || NOUN_SUFFIX.test(word.toLowerCase()) || nounInText(word, grammar);

// Words naming what a person is, put before the name in German ("Bundesfinanzminister Wolfgang
// Schäuble", "UN-Generalsekretär Ban", "Tante Cilli"): cut from the front of a person's span.
// The first list also ends compounds ("Bundesfinanzminister"); the second stands alone (a first
// name may end in "-mann"). Titles of nobility are left: they belong to names ("Herzog von Franken").
const ROLE = /^(?:\p{L}+-?)?(?:minister|ministerin|präsident|präsidentin|kanzler|kanzlerin|sekretär|sekretärin|chef|chefin|direktor|direktorin|sprecher|sprecherin|trainer|trainerin|vorsitzende|vorsitzender|bürgermeister|bürgermeisterin|abgeordnete|abgeordneter|politiker|politikerin|sänger|sängerin|spieler|spielerin|architekt|architekten|künstler|künstlerin|regisseur|regisseurin|schauspieler|schauspielerin|kommissar|kommissarin|anwalt|anwältin|richter|richterin|experte|expertin|forscher|forscherin|gründer|gründerin)$|^(?:tante|onkel|sohn|tochter|bruder|schwester|vater|mutter|ehefrau|ehemann|frau|herr|kollege|kollegin|professor|professorin|pfarrer)$/u;

/**
 * A person's span of the German pack loses the roles in front ("Bildungsminister Henry Tesch",
 * "Tante Cilli"), and any span an article at its end ("Mecklenburg Das"). Tried and not
 * kept, as each cost WikiANN-de typed F1 (whose labels are Wikipedia titles): splitting at
 * brackets that hold an acronym ("Bundesamt für Gesundheit (BAG)": GermEval F1 +0.017, WikiANN
 * -0.002), cutting a year behind ("CeBIT 2006") and common nouns around a person's name.
 */
function trimPackSpan(text: string, c: Candidate): Candidate | null {
  const s = text.slice(c.start, c.end);
  const words = [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&/-]*/gu)];
  let i = 0;
  let j = words.length;
  const w = (k: number): string => words[k]![0];
  while (j > i && ARTICLE.test(w(j - 1).toLowerCase())) j--;
  if (c.type === 'person') while (j - i > 1 && ROLE.test(w(i).toLowerCase())) i++;
  if (j <= i) return null;
  // Untrimmed edges stay as the pack drew them ("Roger II .").
  const start = i === 0 ? c.start : c.start + words[i]!.index!;
  const end = j === words.length ? c.end : c.start + words[j - 1]!.index! + w(j - 1).length;
  return start === c.start && end === c.end ? c : { ...c, start, end };
}

// Words that start no name, even for the pack (which keeps a definite article it learned with a
// name, "Die Linke"): pronouns, possessives, some prepositions and adverbs ("Unser Atem", "Ihrer
// Daten", "Bei Daimler", "Zweimal Kuusela"). Not those that do start names: "Keine Sorgen Arena",
// "Von der Leyen", "Unter den Linden", "Wir sind Helden", "Nur Dhabitah Sabri".
const NEVER_LEADS = new Set(
  (
    'unser unsere unseren unserem unserer ihr ihre ihren ihrem ihrer ihres sein seine seinen seinem seiner seines dein deine deinen euer eure ' +
    'ich du er sie es und oder aber doch denn sondern auch dann noch schon jetzt hier dort heute zudem außerdem deshalb zweimal dreimal einmal ' +
    'bei mit für aus nach gegen ohne seit während wegen trotz laut'
  ).split(' '),
);

/**
 * Filters the learned layer's spans in German text: leading function words and common nouns are
 * cut ("Bei Daimler" -> "Daimler"); a span whose words are all common nouns or function words goes.
 * Spans of other layers (gazetteers, rules) are kept as they are. With the German pack
 * (`learnedGerman`), which learned German capitals, the nouns still go: it reads many of them
 * as names on real pages ("Sauna", "Kraftstoff", "Geld"); a single word said once may stay.
 */
export function filterGermanSpans(text: string, cands: Candidate[], learnedGerman = false): Candidate[] {
  // With the pack, only the lists and suffixes: an article before a word is no evidence against
  // names it learned to take with one ("die Bundesliga", "der Spiegel").
  const nouns = learnedGerman ? new Set<string>() : nounsAfterArticles(text);
  // The text's own grammar (a determiner names do not take, a compound): evidence for the pack too.
  const grammar = nounsByGrammar(text);
  const out: Candidate[] = [];
  for (const c of learnedGerman ? cands.flatMap((x) => (x.source === 'model' ? (trimPackSpan(text, x) ?? []) : [x])) : cands) {
    if (c.source !== 'model') {
      out.push(c);
      continue;
    }
    let start = c.start;
    const words = [...text.slice(c.start, c.end).matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu)];
    // Cut function words, numbers and common nouns in front: "Bei Daimler", "50 Metern",
    // "Ehefrau Sheree Zampino", "Backstube von Karsten Berning" (German puts the noun before the
    // name it describes).
    let i = 0;
    // The pack learned names with an article or a noun in front whole ("Die Linke", "Universität
    // Hamburg"): nothing is cut from its spans.
    const lead = (w: string, last: boolean): boolean => FUNCTION_WORD.has(w.toLowerCase()) || /^\p{N}/u.test(w) || (!last && isNoun(w, nouns, grammar));
    while (!learnedGerman && i < words.length && lead(words[i]![0], i === words.length - 1)) i++;
    while (learnedGerman && i < words.length - 1 && NEVER_LEADS.has(words[i]![0].toLowerCase())) i++;
    if (i === words.length) continue;
    start = c.start + words[i]!.index!;
    const content = words.slice(i).map((w) => w[0]).filter((w) => !FUNCTION_WORD.has(w.toLowerCase()));
    // The text's grammar speaks of one word at a time: it judges one-word spans only (a name of
    // several words, "Ligurischen Alpen", keeps its words whatever they head elsewhere).
    const evidence = content.length === 1 ? grammar : NONE;
    if (content.every((w) => isNoun(w, nouns, evidence))) continue;
    if (learnedGerman && words.length - i === 1 && nounInText(content[0]!, PROSE_NOUNS)) continue;
    // One plain capitalised word said once, read as a person or organisation: in German most
    // likely a noun the lists do not know ("Ärmel", "Kaffeemaschinen"); a name worth listing comes
    // back or comes in full. Places keep their one mention ("in Berlin").
    if (!learnedGerman && c.type !== 'place' && content.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(content[0]!) && countWord(text, content[0]!) < 2) continue;
    out.push(start === c.start ? c : { ...c, start });
  }
  return out;
}
