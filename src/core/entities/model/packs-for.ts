// The language packs there are, and which word pack a language uses. Which packs an article
// needs is decided by the names script itself (packsForArticle in ../index.ts), by the language
// the tagger detects, so a Chinese page does not load the English model and the reverse.

/** Languages with a pack: 'zh' is a character model, the others word models. */
export const PACK_LANGS = ['en', 'de', 'fr', 'nl', 'pt', 'zh'] as const;
export type PackLang = (typeof PACK_LANGS)[number];
const WORD_PACKS = new Set<string>(['en', 'de', 'fr', 'nl', 'pt']);

const base = (tag: string | null | undefined): string | null => (tag ? tag.split(/[-_]/)[0]!.toLowerCase() : null);

/** The word pack for spaced text in a document of language `lang`: its own, else English. */
export function wordPackFor(lang: string | null | undefined): PackLang {
  const b = base(lang);
  return (b && WORD_PACKS.has(b) ? b : 'en') as PackLang;
}
