// German capitalises every noun, so the learned English layer, for which a capital letter is the
// best evidence of a name, proposes "Berater", "Die Beschäftigten", "Eine Frau". This filter keeps
// its spans in German text only where the words are no common nouns by German's own grammar: a
// common noun takes an article somewhere in the text ("der Berater"), or ends in a suffix that
// makes nouns (-ung, -heit, -keit...); function words at a sentence start are no names either.
import type { Candidate } from './candidate.ts';
import learnedNouns from './data/de-nouns.json';

// Capitalised words the German training set writes outside names again and again: common nouns
// ("Kollegen", "Stadt"), whether or not this text puts an article before them
// (scripts/build-de-nouns.mjs).
const LEARNED_NOUNS = new Set(learnedNouns as string[]);

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

function countWord(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0 && n < 2; at = text.indexOf(word, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? ' ')) n++;
  }
  return n;
}

const isNoun = (word: string, nouns: Set<string>): boolean => nouns.has(word) || LEARNED_NOUNS.has(word) || NOUN_SUFFIX.test(word.toLowerCase());

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
  const out: Candidate[] = [];
  for (const c of cands) {
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
    const lead = (w: string, last: boolean): boolean => FUNCTION_WORD.has(w.toLowerCase()) || /^\p{N}/u.test(w) || (!last && isNoun(w, nouns));
    while (!learnedGerman && i < words.length && lead(words[i]![0], i === words.length - 1)) i++;
    if (i === words.length) continue;
    start = c.start + words[i]!.index!;
    const content = words.slice(i).map((w) => w[0]).filter((w) => !FUNCTION_WORD.has(w.toLowerCase()));
    if (content.every((w) => isNoun(w, nouns))) continue;
    // One plain capitalised word said once, read as a person or organisation: in German most
    // likely a noun the lists do not know ("Ärmel", "Kaffeemaschinen"); a name worth listing comes
    // back or comes in full. Places keep their one mention ("in Berlin").
    if (!learnedGerman && c.type !== 'place' && content.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(content[0]!) && countWord(text, content[0]!) < 2) continue;
    out.push(start === c.start ? c : { ...c, start });
  }
  return out;
}
