// Which language an article, and each block of it, is written in: the entity layers run each
// tagger only on text in its own language. Scripts that one language owns (kana, Hangul, Greek,
// Hebrew, Thai; Han alone) are decided by the script (scripts.ts); Latin and Cyrillic text by
// franc-min's trigram profiles. franc-min is 48 KB gzip of data: import this module only from the
// entity layers (the names script), never from the article/extraction bundle.
import { francAll } from './trigram-lang.ts';
import { guessLangOfCounts } from './scripts.ts';
import { at, CYRILLIC, LATIN, LETTER, scriptCounts } from './script-counts.ts';

// franc speaks ISO 639-3; the page's lang attribute and the taggers speak ISO 639-1.
const ISO1: Record<string, string> = {
  eng: 'en', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', srp: 'sr', bos: 'bs', hrv: 'hr', kaz: 'kk', pol: 'pl', ces: 'cs',
  deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', ron: 'ro', hun: 'hu', swe: 'sv', tur: 'tr', ind: 'id',
  zlm: 'ms', vie: 'vi', tgl: 'tl', swh: 'sw', som: 'so', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', uzn: 'uz', azj: 'az',
  arb: 'ar', pes: 'fa', urd: 'ur', hin: 'hi', mar: 'mr', npi: 'ne', ckb: 'ku', jav: 'jv', sun: 'su', ceb: 'ceb', ilo: 'ilo',
};

// Trigram profiles need some text: below this many letters a block takes the article's language.
const MIN_BLOCK_LETTERS = 40;
const SAMPLE = 4000;
const SHORT_LETTERS = 300;
// Characters from which franc's ranking, not only its score, decides against a declared language.
const LONG_TEXT = 1500;
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg']);

export type MainScript = 'latin' | 'cyrillic' | 'other';

export function mainScript(text: string): MainScript {
  return scriptOfCounts(scriptCounts(text));
}

function scriptOfCounts(counts: Int32Array): MainScript {
  const letters = counts[at(LETTER)]!;
  if (letters === 0) return 'other';
  if (counts[at(LATIN)]! / letters >= 0.5) return 'latin';
  if (counts[at(CYRILLIC)]! / letters >= 0.5) return 'cyrillic';
  return 'other';
}

export function baseLang(tag: string | null | undefined): string | null {
  return tag ? tag.split(/[-_]/)[0]!.toLowerCase() : null;
}

/**
 * The language of a stretch of Latin or Cyrillic text by its trigrams, or null when unsure. A
 * declared language (the page's lang attribute) is kept when the text is about as close to it as
 * to the best guess: close languages (Bosnian/Serbian/Croatian, Malay/Indonesian) look alike.
 */
function byTrigrams(text: string, declared: string | null, keep = 0.95): string | null {
  const ranked = francAll(text.slice(0, SAMPLE), { minLength: 20 });
  const [top, score] = ranked[0] ?? ['und', 0];
  if (top === 'und') return null;
  if (declared) {
    // On a long text, among the first three only: franc's scores bunch up there (German prose
    // scored English 0.954 of German, fifth, on a German page declared "en-US"), while the
    // look-alikes the rule is for rank next to each other. Short texts keep the score test alone.
    const at = ranked.findIndex(([code]) => ISO1[code] === declared);
    const long = text.length >= LONG_TEXT;
    if (at >= 0 && (!long || at < 3) && ranked[at]![1] >= keep * score) return declared;
  }
  return ISO1[top] ?? top;
}

/** The language of the whole article (title and text); `declared` is the page's lang attribute. */
export function articleLanguage(text: string, declaredTag: string | null | undefined): string | null {
  const declared = baseLang(declaredTag);
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const counts = scriptCounts(sample);
  const byScript = guessLangOfCounts(counts);
  // Han-heavy Japanese (business news) has little kana: a declared Japanese or Chinese stands.
  if (byScript === 'zh' && declared === 'ja') return declared;
  if (byScript) return byScript;
  const letters = counts[at(LETTER)]!;
  const script = scriptOfCounts(counts);
  // Han with some other script (Chinese with Latin names): the script guess needed 40% Han.
  if (letters < MIN_BLOCK_LETTERS || script === 'other') return declared;
  // A declared language of the text's script is kept when the trigrams find it close to their
  // best guess: nearly as close on a long text, within a quarter on a sentence or two, where
  // trigrams are the weaker witness. "en" on a Russian page is the site template's.
  if (declared && (script === 'cyrillic') !== CYRILLIC_LANGS.has(declared)) return byTrigrams(sample, null) ?? declared;
  return byTrigrams(sample, declared, letters < SHORT_LETTERS ? 0.75 : 0.95) ?? declared;
}

export interface LangBlock {
  start: number;
  end: number;
  lang: string | null;
}

/**
 * The text cut into blocks (lines) with a language each: the article's, unless the block is
 * written in another script than the article's and is long enough to tell (an English paragraph
 * quoted in a Russian article, a Russian caption under an English one). Same-script blocks keep
 * the article's language: a trigram guess on one short paragraph is less sure than one on all.
 */
export function blockLanguages(text: string, articleLang: string | null): LangBlock[] {
  const out: LangBlock[] = [];
  const articleScript = mainScript(text.length > SAMPLE ? text.slice(0, SAMPLE) : text);
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let lang = articleLang;
    const counts = scriptCounts(text, start, end);
    const script = scriptOfCounts(counts);
    // In CJK (or Arabic...) articles a Latin line is mostly names written in Latin letters.
    if (script !== 'other' && articleScript !== 'other' && script !== articleScript && counts[at(LETTER)]! >= MIN_BLOCK_LETTERS) {
      // English is the likeliest other-script block (a quote, a caption): it wins a near tie.
      lang = byTrigrams(text.slice(start, end), 'en', 0.75);
    } else if (script === 'other' && articleScript !== 'other') {
      lang = guessLangOfCounts(counts) ?? articleLang;
    }
    const last = out[out.length - 1];
    if (last && last.lang === lang && last.end + 1 === start) last.end = end;
    else out.push({ start, end, lang });
    start = end + 1;
  }
  return out;
}
