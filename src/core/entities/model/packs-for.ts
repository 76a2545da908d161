// Which language packs a text needs, decided without loading any: the background asks this before
// injecting the names script, so a Chinese page does not load the English model and the reverse.
// Pure and tiny (no data), so the background bundle stays small.

/** Languages with a pack: 'zh' is a character model, the others word models. */
export const PACK_LANGS = ['en', 'de', 'fr', 'nl', 'pt', 'zh'] as const;
export type PackLang = (typeof PACK_LANGS)[number];
const WORD_PACKS = new Set<string>(['en', 'de', 'fr', 'nl', 'pt']);

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// A capitalised Latin word of two letters or more: a name the word model could tag.
const LATIN_CAPITAL = /(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{Lu}]/u;
const LATIN = /\p{Script=Latin}/u;

const base = (tag: string | null | undefined): string | null => (tag ? tag.split(/[-_]/)[0]!.toLowerCase() : null);

/** The word pack for spaced text in a document of language `lang`: its own, else English. */
export function wordPackFor(lang: string | null | undefined): PackLang {
  const b = base(lang);
  return (b && WORD_PACKS.has(b) ? b : 'en') as PackLang;
}

/**
 * The packs for an article: the Chinese model when the text is Chinese (Han without much kana),
 * and one word pack when it has capitalised Latin words (its language's, else English: a Chinese
 * article quoting "Antony Blinken" needs it, one without Latin names does not).
 */
export function packsFor(text: string, lang: string | null | undefined): PackLang[] {
  const out: PackLang[] = [];
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const han = sample.match(HAN)?.length ?? 0;
  const kana = sample.match(KANA)?.length ?? 0;
  const b = base(lang);
  if (b === 'zh' || (b !== 'ja' && han >= 10 && kana <= han * 0.1)) out.push('zh');
  if (LATIN.test(sample) && LATIN_CAPITAL.test(sample)) out.push(wordPackFor(lang));
  return out;
}
