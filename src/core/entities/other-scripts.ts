// Languages with no tagger of their own (Korean, Russian, Arabic, Thai...): region names in the
// page's language. Matched as substrings, since these languages attach particles and endings to
// names (미국의, России), which word-boundary matching would miss.
import type { Candidate } from './candidate.ts';
import { Lexicon } from './lexicon.ts';
import { regionNames } from './regions.ts';

const cache = new Map<string, Lexicon>();

export function otherScriptCandidates(text: string, lang: string, out: Candidate[]): void {
  let lex = cache.get(lang);
  if (!lex) {
    lex = new Lexicon();
    for (const name of regionNames(lang).keys()) if (!/^[\p{Script=Latin}\s.'-]+$/u.test(name)) lex.add(name, 'place');
    cache.set(lang, lex);
  }
  lex.scan(text, 0, text.length, 'gazetteer', 1, out);
}
