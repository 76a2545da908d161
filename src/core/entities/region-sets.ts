// Which names are countries and regions, per language. For the tagger's own languages (en, zh,
// ja) the names come from lists captured from Intl.DisplayNames at build time
// (scripts/build-gazetteers.mjs): a renderer's first use of Intl starts ICU, 60-80 ms in
// Chromium, which a popup click should not wait for. Every other language asks Intl at run time
// (regions.ts), as does Traditional Chinese text.
import regionData from './data/regions.json';
import { SortedWords } from './lexicon.ts';
import { regionNames } from './regions.ts';
import { isZhRegion } from './zh.ts';
import { isJaRegion } from './ja.ts';

export interface NameSet {
  has(name: string): boolean;
}

let en: SortedWords | null = null;
const enRegions = (): SortedWords => (en ??= new SortedWords(regionData.en, 'place'));

const SHIPPED: Record<string, () => NameSet> = {
  en: enRegions,
  zh: () => ({ has: isZhRegion }),
  ja: () => ({ has: isJaRegion }),
};

/** Region names of a language (base tag: en, zh, fr...). */
export function regionSet(lang: string): NameSet {
  const shipped = SHIPPED[lang];
  if (shipped) return shipped();
  const names = regionNames(lang);
  return { has: (name) => names.has(name) };
}

/**
 * The region-name sets worth looking for in spaced text (Latin, Cyrillic, Greek...): Chinese and
 * Japanese names never stand among capitalised words.
 */
export function spacedRegionSets(langs: string[]): NameSet[] {
  return langs.filter((l) => l !== 'zh' && l !== 'ja').map(regionSet);
}

export function isRegionName(name: string, langs: string[]): boolean {
  return langs.some((l) => regionSet(l).has(name));
}
