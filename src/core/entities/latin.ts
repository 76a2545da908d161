// Spaced scripts: the learned tagger (en-tagger.ts) on every stretch of cased text, including the
// Latin names inside CJK text ("安东尼‧布林肯（Antony Blinken）"), plus region names in the page's
// language, English and the UI language (region-sets.ts).
import type { Candidate } from './candidate.ts';
import { tokenize, type Token } from './en-tokens.ts';
import { hasPack, tagTokens, type WordSpan } from './model/registry.ts';
import { wordPackFor } from './model/packs-for.ts';
import { docContext } from './model/word-features.ts';
import { spacedRegionSets, type NameSet } from './region-sets.ts';
import { checkSpan, contextType, isOpeningWord, namesThing, packSpanOk } from './latin-filters.ts';

// A stretch without CJK characters or full-width punctuation: where spaced words live.
const SPACED = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\n]+/gu;
const CASED = /\p{Lu}/u;
const MAX_REGION_TOKENS = 4;
const STRICT_TITLE = /^(?:(?:Former|Vice|Deputy|Acting|Foreign|Prime)\s+)*(?:Secretary of State|President|Chancellor|Minister|Senator|Governor|Mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.)\s/;
// Titles written before a person's name: "Secretary of State Antony Blinken" names a person, and
// the title is not part of the name.
export const TITLE =
  /^(?:(?:Former|Vice|Deputy|Acting|Prime|Foreign|Defense|Defence|Interior|Finance|Chief|Senior|Assistant|General|Attorney|Chancellor|President|Secretary(?: of State| General)?|Minister|Premier|Senator|Sen\.|Rep\.|Representative|Congressman|Congresswoman|Governor|Gov\.|Mayor|Judge|Justice|King|Queen|Prince|Princess|Pope|Emperor|Sheikh|Ambassador|Commissioner|Director|Chairman|Chairwoman|Professor|Prof\.|Dr\.|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Lord|Lady|Rev\.|Father|Saint|Coach|Captain|Capt\.|Colonel|Col\.|Lieutenant|Lt\.|Sergeant|Sgt\.|Officer|Detective|Pastor|Rabbi|Imam|Bishop|Cardinal|Archbishop|CEO|Chief Executive|Spokesman|Spokeswoman|Minister of [A-Z][a-z]+)\s+)+/;

/**
 * `wellCased`: the text is edited prose (isWellCased), where a lower-case span is no name.
 * `voting`: the spans go to votes.ts and name their votes; off (as shipped), no vote is built.
 */
export function latinCandidates(text: string, locales: string[], out: Candidate[], wellCased = false, voting = true): void {
  // The page's own word pack (de, fr, nl, pt), else English; none loaded: regions only.
  const own = wordPackFor(locales[0]);
  const pack = hasPack(own) ? own : 'en';
  const doc = docContext(text);
  const regions = spacedRegionSets(locales);
  // Last words of names of objects ("Europa Clipper"): the text goes on to call the object by
  // them ("Clipper will orbit Jupiter"), which the model again reads as a person.
  const thingWords = new Set<string>();
  const from = out.length;
  for (const seg of text.matchAll(SPACED)) {
    if (!CASED.test(seg[0])) continue;
    const tokens = tokenize(seg[0], seg.index!);
    if (tokens.length === 0) continue;
    // The pieces are cut for the English pack only: the other packs learned their spans from
    // WikiANN, whose names run through lower-case words ("Chambre des communes du Canada", "Força
    // Aérea Brasileira"). Measured, typed F1 without the cut: wikiann-fr-dev 0.686 -> 0.747, de
    // 0.733 -> 0.747, nl 0.765 -> 0.790, pt 0.731 -> 0.811, germeval-de-dev 0.412 -> 0.415.
    const spans = tagTokens(pack, tokens, doc);
    for (const sp of pack === 'en' ? spans.flatMap((x) => withoutNumbers(x, tokens)).flatMap((x) => capitalisedPieces(x, tokens)) : spans) {
      const check = { text, start: sp.start, end: sp.end, type: sp.type };
      if (namesThing(check)) thingWords.add(text.slice(sp.start, sp.end).split(/\s+/).pop()!);
      const checked = checkSpan(check, wellCased);
      const kept = checked && (pack === 'en' || packSpanOk(text, checked.start, checked.end, sp.type)) ? checked : null;
      if (!kept || (wellCased && isOpeningWord(text, kept.start, kept.end))) continue;
      const s = { ...sp, ...kept };
      const title = titleInto(text, s.start, s.end);
      // Each span names its vote for votes.ts (English only: the other packs keep the fixed order).
      const vote = (kind: string, type: string): string | undefined => (voting && pack === 'en' ? `en:${kind}:${type}` : undefined);
      // Only unambiguous titles retype a span the model did not call a person (General Motors).
      if (title && s.start + title.into < s.end && (s.type === 'person' || STRICT_TITLE.test(title.title))) {
        // The title states the type outright, as the words around a place do (contextType).
        out.push({ start: s.start + title.into, end: s.end, type: 'person', source: 'rule', priority: 2, byContext: true, vote: vote(`title-${s.type}`, 'person'), margin: s.score });
      } else {
        const byContext = contextType(text, s.start, s.end);
        if (byContext) out.push({ start: s.start, end: s.end, type: byContext, source: 'rule', priority: 2, byContext: true, vote: vote(`context-${s.type}`, byContext), margin: s.score });
        else if (s.end < sp.end) out.push({ start: s.start, end: s.end, type: s.type, source: 'model', priority: 2, trimmed: true, score: s.score, vote: vote('model-trimmed', s.type) });
        else out.push({ start: s.start, end: s.end, type: s.type, source: 'model', priority: 2, score: s.score, vote: vote('model', s.type) });
      }
    }
    regionMentions(text, tokens, regions, out, voting && pack === 'en');
  }
  if (thingWords.size === 0) return;
  const kept = out.slice(from).filter((c) => !(c.type === 'person' && thingWords.has(text.slice(c.start, c.end))));
  out.length = from;
  out.push(...kept);
}

/**
 * A title at the start of a span, or one that begins up to three words before it and runs into it:
 * news text writes "Secretary of State Antony Blinken", and the model (GMB reads "State" as the
 * State Department) may start its span at "State". `into`: how far into the span the title goes.
 */
function titleInto(text: string, start: number, end: number): { title: string; into: number } | null {
  const span = text.slice(start, end);
  const lead = leadWords(text.slice(Math.max(0, start - 40), start));
  for (let k = 0; k < lead.length; k++) {
    if (k > 0 && lead[k - 1] !== ' ') continue;
    const m = TITLE.exec(lead.slice(k) + span);
    if (m && m[0].length > lead.length - k) return { title: m[0], into: m[0].length - (lead.length - k) };
  }
  const m = TITLE.exec(span);
  return m ? { title: m[0], into: m[0].length } : null;
}

const LETTER_OR_DOT = /[\p{L}.]/u;

/**
 * What /(?:[\p{L}.]+ +){1,3}$/u finds in s: up to three words of letters and dots, each followed
 * by spaces, ending s. Read back from the end instead: the regex tried every start position of
 * the text before each span (a twentieth of the English path).
 */
export function leadWords(s: string): string {
  let from = -1;
  let i = s.length;
  for (let words = 0; words < 3; words++) {
    let j = i;
    while (j > 0 && s.charCodeAt(j - 1) === 32) j--;
    if (j === i) break;
    let k = j;
    for (;;) {
      if (k === 0) break;
      const lo = s.charCodeAt(k - 1);
      // A surrogate pair is one code point, as the u regex reads it.
      const pair = lo >= 0xdc00 && lo <= 0xdfff && k >= 2 && (s.charCodeAt(k - 2) & 0xfc00) === 0xd800;
      const ch = pair ? s.slice(k - 2, k) : s[k - 1]!;
      if (!LETTER_OR_DOT.test(ch)) break;
      k -= pair ? 2 : 1;
    }
    if (k === j) break;
    from = k;
    i = k;
  }
  return from < 0 ? '' : s.slice(from);
}

// Lower-case words that may sit inside a name ("Bank of England", "Charles de Gaulle").
const INNER = /^(?:of|de|la|le|du|des|der|den|von|van|and|&|the|da|di|del|y|al|el|bin|in|for|on|upon|am|im|zu|'s|')$/;

/**
 * Leading words that cannot start a name ("of", "the") are cut off, and a sentence opening that is
 * a capitalised word and lower-case words only is dropped. The English pack's spans were also cut
 * after an ordinary lower-case word inside them ("Blinken met officials of the World Health
 * Organization"); the 'word2' pack, trained on news prose (GMB), no longer runs on so, and the cut
 * cost names that hold such words. Measured without it, typed F1: gmb-en-dev 0.727 = 0.727,
 * wikiann-en-dev 0.681 -> 0.696, wnut17-en-dev 0.373 -> 0.377.
 */
function capitalisedPieces(s: WordSpan, tokens: Token[]): WordSpan[] {
  let from = s.from;
  while (from < s.to && INNER.test(tokens[from]!.text)) from++;
  // A sentence that starts with a capitalised word followed only by lower-case words is not a
  // name ("Great video", "Hobby frog"). Latin binomials (Crambus lathoniellus) go too: WikiANN's
  // silver labels call them places, but they are not.
  const sentenceStart = from === 0 || /^[.!?:;"“”()\[\]]$/.test(tokens[from - 1]!.text);
  const lower = (t: Token): boolean => /^\p{Ll}/u.test(t.text) && !/\p{Lu}/u.test(t.text) && !INNER.test(t.text);
  if (sentenceStart && s.to - from >= 2 && tokens.slice(from + 1, s.to).every(lower)) return [];
  if (from === s.from) return [s];
  if (from >= s.to) return [];
  return [{ ...s, from, start: tokens[from]!.start }];
}

// A token of digits without a letter: a score, a count ("2", "3-1"), a date ("1996-08-30").
const NUMBER = /^(?=.*\p{N})[\p{N}\p{P}\p{S}]+$/u;
const DATE = /^\p{N}+[-/.]\p{N}+[-/.]\p{N}+$/u;

/**
 * A date is no part of a name, nor are a results line's scores: the English pack ran a dateline's
 * place into its date ("LONDON 1996-08-30") and a results line into one name ("Leeds 2 Arsenal
 * 1"). Such a span is cut at every number token into the pieces between them; other numbers stay
 * ("Apollo 11", "1998 FIFA World Cup", "No. 75 Squadron": WikiANN names).
 */
function withoutNumbers(s: WordSpan, tokens: Token[]): WordSpan[] {
  let date = false;
  let inner = false;
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]!.text;
    if (DATE.test(t)) date = true;
    if (i > s.from && i < s.to - 1 && NUMBER.test(t)) inner = true;
  }
  // A results line: a number inside and one at the end ("Leeds 2 Arsenal 1"); a number inside
  // alone is a name's ("No. 2 Commando", "Paris 8 University").
  if (!date && !(inner && NUMBER.test(tokens[s.to - 1]!.text))) return [s];
  const out: WordSpan[] = [];
  let from = s.from;
  for (let i = s.from; i <= s.to; i++) {
    if (i < s.to && !NUMBER.test(tokens[i]!.text)) continue;
    if (i > from) out.push({ ...s, from, to: i, start: tokens[from]!.start, end: tokens[i - 1]!.end });
    from = i + 1;
  }
  return out;
}

/** Region names written as capitalised words: "South Korea", "Mexico". */
function regionMentions(text: string, tokens: Token[], regions: NameSet[], out: Candidate[], voting: boolean): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!CASED.test(tokens[i]!.text[0]!)) continue;
    for (let n = Math.min(MAX_REGION_TOKENS, tokens.length - i); n >= 1; n--) {
      const name = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
      if (regions.some((r) => r.has(name))) {
        out.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end, type: 'place', source: 'gazetteer', priority: 1, vote: voting ? 'en:region:place' : undefined });
        i += n - 1;
        break;
      }
    }
  }
}
