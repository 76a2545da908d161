// The gazetteer a word pack's features look names up in: region names in English (shipped, no
// Intl: see region-sets.ts) and, for another language's pack, in that language too.
import { regionSet } from '../region-sets.ts';
import type { NameList } from './word-features.ts';

const cache = new Map<string, NameList[]>();

export function packGazetteers(lang: string): NameList[] {
  let g = cache.get(lang);
  if (!g) {
    g = lang === 'en' ? [regionSet('en')] : [regionSet('en'), regionSet(lang)];
    cache.set(lang, g);
  }
  return g;
}
