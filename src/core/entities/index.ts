import type { Article, Entity } from '../types.ts';
import { resolveOverlaps, type Candidate } from './candidate.ts';
import { readPageTags } from './page-tags.ts';
import { latinCandidates } from './latin.ts';
import { isRegionName } from './region-sets.ts';
import { zhCandidates } from './zh.ts';
import { jaCandidates } from './ja.ts';
import { otherScriptCandidates } from './other-scripts.ts';
import { assemble, type ExtraName } from './merge.ts';
import { dropUnconfirmedTitleSpans, isWellCased, unreliableTitleFrom } from './latin-filters.ts';
import { filterGermanSpans } from './latin-de.ts';
import { zhCombined } from './model/combine.ts';
import { hasPack } from './model/registry.ts';

export interface EntityInput {
  /** The original page, before cleaning: page tags live outside the article body. Null for plain text. */
  doc: Document | null;
  article: Pick<Article, 'text' | 'title' | 'lang'>;
  /** The UI language, whose region names are also looked for. */
  uiLang?: string;
}

function baseLang(tag: string | null | undefined): string | null {
  return tag ? tag.split(/[-_]/)[0]!.toLowerCase() : null;
}

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Which CJK tagger fits: the declared language, else kana decides between Japanese and Chinese. */
function cjkKind(text: string, lang: string | null): 'zh' | 'ja' | null {
  if (lang === 'ja' || lang === 'zh') return lang;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const han = sample.match(HAN)?.length ?? 0;
  const kana = sample.match(KANA)?.length ?? 0;
  if (han + kana < 10) return null;
  return kana > han * 0.1 ? 'ja' : 'zh';
}

/**
 * The layered tagger: page tags, gazetteers, rules per script and the learned language packs
 * (model/registry.ts).
 * Works on plain text too (doc null). Returns entities sorted by mentions.
 */
export function findEntities(input: EntityInput): Entity[] {
  const title = input.article.title?.trim();
  const text = title ? `${title}\n${input.article.text}` : input.article.text;
  const lang = baseLang(input.article.lang);
  const locales = [...new Set([lang, 'en', baseLang(input.uiLang)].filter((x): x is string => !!x))];

  const cands: Candidate[] = [];
  const kind = cjkKind(text, lang);
  if (kind === 'zh') {
    // The rules' candidates, and the Chinese pack's names (which read the rules' as features).
    const rules: Candidate[] = [];
    zhCandidates(text, rules);
    cands.push(...zhCombined(text, rules));
  }
  else if (kind === 'ja') jaCandidates(text, cands);
  latinCandidates(text, locales, cands, isWellCased(input.article.text));
  if (lang && !['en', 'zh', 'ja'].includes(lang)) otherScriptCandidates(text, lang, cands);
  // A Title Case headline is no evidence of names, nor is a site name after it: keep from them
  // only what the body confirms.
  const from = title ? unreliableTitleFrom(title) : -1;
  let trusted = title && from >= 0 ? dropUnconfirmedTitleSpans(cands, text, title.length + 1, from) : cands;
  // German capitalises every noun: capitals are no evidence of names there (unless the German
  // pack, which learned that, did the tagging).
  if (lang === 'de' && !hasPack('de')) trusted = filterGermanSpans(text, trusted);
  const mentions = resolveOverlaps(trusted);
  for (const m of mentions) {
    if (m.type !== 'place' && isRegionName(text.slice(m.start, m.end), locales)) m.type = 'place';
  }

  const extra: ExtraName[] = [];
  if (input.doc) {
    for (const tag of readPageTags(input.doc)) {
      extra.push({ name: tag.name, type: tag.type ?? (isRegionName(tag.name, [...locales, 'zh', 'ja']) ? 'place' : undefined), source: tag.source });
    }
  }
  return assemble(text, mentions, extra, kind !== null);
}
