import type { Entity } from '../types.ts';
import { resolveOverlaps, type Candidate } from './candidate.ts';
import { readPageTags, tagsApart, type PageTag } from './page-tags.ts';
import { latinCandidates } from './latin.ts';
import { isRegionName } from './region-sets.ts';
import { zhCandidates } from './zh.ts';
import { jaCandidates } from './ja.ts';
import { otherScriptCandidates } from './other-scripts.ts';
import { assemble, type ExtraName } from './merge.ts';
import { dropUnconfirmedTitleSpans, isWellCased, tidySpan, unreliableTitleFrom } from './latin-filters.ts';
import { filterGermanSpans } from './latin-de.ts';
import { zhCombined } from './model/combine.ts';
import { hasPack } from './model/registry.ts';
import { captionText, cjkKind, englishMayRead, englishView, packsForArticle, taggedText, type TaggedArticle } from './packs-for-article.ts';
import { casedFallbackCandidates } from './cased-fallback.ts';
import { canVote, voteResolve, votesOn } from './votes.ts';
import { wordPackFor } from './model/packs-for.ts';
import { articleLanguage, baseLang, blockLanguages } from '../text/language-id.ts';

export { captionText, packsForArticle };

// Which learned tagger may run on which language: each word model only on text in its own
// language (English, German, French, Dutch and Portuguese have packs, packs-for-article.ts;
// latin.ts picks the article's). Every other language gets the evidence-only fallback: the English model on Polish,
// Russian or Greek tagged function words and calendar days.
// Scripts with capital letters: there the fallback can read capitalised runs.
const CASED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]/u;

// A span that starts in lower case, unless a particle comes before a capital ("van Gogh") or the
// word has a capital inside ("iPhone", "eBay").
const LOWER_START = /^(?!(?:de|da|di|van|von|der|den|du|la|le|al|el|bin|ibn)\s+\p{Lu}|\p{Ll}+\p{Lu})\p{Ll}/u;

export interface EntityInput {
  /** The original page, before cleaning: page tags live outside the article body. Null for plain text. */
  doc: Document | null;
  article: TaggedArticle;
  /** The UI language, whose region names are also looked for. */
  uiLang?: string;
}

/**
 * The layered tagger: page tags, gazetteers, rules per script and the learned language packs
 * (model/registry.ts).
 * Works on plain text too (doc null). Returns entities sorted by mentions.
 */
export function findEntities(input: EntityInput): Entity[] {
  return findNamesAndTags(input).entities;
}

export interface NamesAndTags {
  entities: Entity[];
  /** The page's declared topics that are not among the names: shown apart, never highlighted. */
  pageTags: string[];
}

/** The names of the article, and apart from them the page's own tags that are not names in it. */
export function findNamesAndTags(input: EntityInput): NamesAndTags {
  return namesGivenTags(input, input.doc ? readPageTags(input.doc) : []);
}

/** findNamesAndTags with the page's tags already read (bench/entities-reference.ts replays saved pages). */
export function namesGivenTags(input: EntityInput, tags: PageTag[]): NamesAndTags {
  const entities = tagArticle(input, tags);
  return { entities, pageTags: tagsApart(tags.map((t) => t.name), entities) };
}


/**
 * A one-word Latin place in Chinese text is no name (measured: 0 right of 29 on cluener-zh-dev
 * and Weibo: "Monica", "Source", "IPADmini"). Latin persons and organisations (NBA, Twitter) stay.
 */
function latinNoiseInChinese(s: string, type: Candidate['type']): boolean {
  return type === 'place' && /\p{Script=Latin}/u.test(s) && !/[^\p{Script=Latin}\p{N}'’.&@#_-]/u.test(s);
}

function tagArticle(input: EntityInput, tags: PageTag[]): Entity[] {
  const title = input.article.title?.trim();
  const text = taggedText(input.article);
  // The declared language (the page's lang attribute) is often the site's, not the article's.
  const lang = articleLanguage(text, input.article.lang);
  const blocks = blockLanguages(text, lang);
  const locales = [...new Set([lang, 'en', baseLang(input.uiLang)].filter((x): x is string => !!x))];

  const cands: Candidate[] = [];
  const kind = cjkKind(text, lang);
  // English and Chinese spans are weighed by votes (votes.ts); the other packs and Japanese keep
  // the fixed order of priorities (resolveOverlaps).
  const voting = kind !== 'ja' && (!hasPack(wordPackFor(locales[0])) || wordPackFor(locales[0]) === 'en') && votesOn(kind === 'zh' ? ['en', 'zh'] : ['en']);
  const rules: Candidate[] = [];
  if (kind === 'zh') {
    // The rules' candidates, and the Chinese pack's names (which read the rules' as features).
    zhCandidates(text, rules);
    cands.push(...zhCombined(text, rules, voting));
  }
  else if (kind === 'ja') jaCandidates(text, cands);
  const zhCount = cands.length;
  const wellCased = isWellCased(input.article.text);
  latinCandidates(englishView(text, blocks), locales, cands, wellCased, voting);
  // Blocks in cased scripts whose language has no model: the evidence-only fallback.
  for (const b of blocks) {
    if (!englishMayRead(b.lang) && b.lang && CASED_SCRIPT.test(text.slice(b.start, b.end))) casedFallbackCandidates(text, b.start, b.end, b.lang, cands);
  }
  if (lang && !englishMayRead(lang) && !CASED_SCRIPT.test(text.slice(0, 2000))) otherScriptCandidates(text, lang, cands);
  // A layer without votes joined (the fallback for a block in another language): the fixed order.
  const votes = voting && canVote(cands);
  if (voting && !votes && kind === 'zh') cands.splice(0, zhCount, ...zhCombined(text, rules, false));
  // A Title Case headline is no evidence of names, nor is a site name after it: keep from them
  // only what the body confirms.
  const from = title ? unreliableTitleFrom(title) : -1;
  let trusted = title && from >= 0 ? dropUnconfirmedTitleSpans(cands, text, title.length + 1, from) : cands;
  // German capitalises every noun: capitals are no evidence of names there (unless the German
  // pack, which learned that, did the tagging).
  if (lang === 'de') trusted = filterGermanSpans(text, trusted, hasPack('de'));
  // In edited prose a name in a cased script starts with a capital, or with a particle before one
  // ("van Gogh"); punctuation the tokens kept ("Bloomberg)") and bare titles ("Dr") go.
  trusted = trusted.flatMap((c) => tidySpan(text, c) ?? []);
  if (wellCased) trusted = trusted.filter((c) => !LOWER_START.test(text.slice(c.start, c.end)));
  if (kind === 'zh') trusted = trusted.filter((c) => !latinNoiseInChinese(text.slice(c.start, c.end), c.type));
  const mentions = votes ? voteResolve(text, trusted) : resolveOverlaps(trusted);
  for (const m of mentions) {
    if (m.type !== 'place' && isRegionName(text.slice(m.start, m.end), locales)) m.type = 'place';
  }

  const extra: ExtraName[] = tags.map((tag) => ({
    name: tag.name,
    type: tag.type ?? (isRegionName(tag.name, [...locales, 'zh', 'ja']) ? 'place' : undefined),
    source: tag.source,
  }));
  return assemble(text, mentions, extra, kind !== null, text.length - captionText(input.article).length);
}
