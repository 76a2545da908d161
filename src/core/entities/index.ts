import type { Article, Entity, LeadImage } from '../types.ts';
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
import { wordPackFor, type PackLang } from './model/packs-for.ts';
import { casedFallbackCandidates } from './cased-fallback.ts';
import { articleLanguage, baseLang, blockLanguages, type LangBlock } from '../text/language-id.ts';

// Which learned tagger may run on which language: each word model only on text in its own
// language (English, German, French, Dutch and Portuguese have packs; latin.ts picks the
// article's). Every other language gets the evidence-only fallback: the English model on Polish,
// Russian or Greek tagged function words and calendar days.
const MODEL_LANGS = new Set(['en', 'de', 'fr', 'nl', 'pt']);
// Scripts with capital letters: there the fallback can read capitalised runs.
const CASED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]/u;

// A span that starts in lower case, unless a particle comes before a capital ("van Gogh") or the
// word has a capital inside ("iPhone", "eBay").
const LOWER_START = /^(?!(?:de|da|di|van|von|der|den|du|la|le|al|el|bin|ibn)\s+\p{Lu}|\p{Ll}+\p{Lu})\p{Ll}/u;

/**
 * The text with every block the English model may not read blanked out (newlines keep the
 * offsets): English blocks, blocks of unknown language, and CJK blocks, whose Latin stretches
 * are names written in Latin letters ("布林肯（Antony Blinken）") rather than another language.
 */
function englishView(text: string, blocks: LangBlock[]): string {
  if (blocks.every((b) => englishMayRead(b.lang))) return text;
  let out = '';
  for (const b of blocks) {
    if (out.length < b.start) out += '\n'.repeat(b.start - out.length);
    out += englishMayRead(b.lang) ? text.slice(b.start, b.end) : '\n'.repeat(b.end - b.start);
  }
  return out + '\n'.repeat(text.length - out.length);
}

function englishMayRead(lang: string | null): boolean {
  return lang === null || MODEL_LANGS.has(lang) || lang === 'zh' || lang === 'ja';
}

type TaggedArticle = Pick<Article, 'text' | 'title' | 'lang'> & { leadImage?: LeadImage | null };

export interface EntityInput {
  /** The original page, before cleaning: page tags live outside the article body. Null for plain text. */
  doc: Document | null;
  article: TaggedArticle;
  /** The UI language, whose region names are also looked for. */
  uiLang?: string;
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

// A capitalised Latin word of two letters or more: a name a word model could tag.
const LATIN_CAPITAL = /(?<![\p{L}\p{M}])(?=\p{Script=Latin})\p{Lu}[\p{Ll}\p{Lu}]/u;

/**
 * The language packs findEntities will ask for on this article, decided by the same detected
 * language and blocks as the tagging itself (not the page's lang attribute, which is often the
 * site's): the Chinese model for Chinese text, and one word pack when a block the word model may
 * read has capitalised Latin words (a Polish or Russian article loads none).
 */
export function packsForArticle(article: TaggedArticle): PackLang[] {
  const text = taggedText(article);
  const lang = articleLanguage(text, article.lang);
  const out: PackLang[] = [];
  if (cjkKind(text, lang) === 'zh') out.push('zh');
  if (LATIN_CAPITAL.test(englishView(text, blockLanguages(text, lang)))) out.push(wordPackFor(lang));
  return out;
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
  const tags = input.doc ? readPageTags(input.doc) : [];
  const entities = tagArticle(input, tags);
  return { entities, pageTags: tagsApart(tags.map((t) => t.name), entities) };
}

// A photo credit at the end of a caption: "(CARLOS BARRIA/POOL/AFP via Getty Images)", "（新华社记者
// 李明 摄）". Agencies and photographers are not what the article names.
const CREDIT = /\s*[(（][^()（）]*(?:\/|\bvia\b|\b(?:Getty|Images|AFP|Reuters|AP|EPA|Xinhua|Photo|photo|Credit|credit)\b|摄|图片|图源|来源|供图)[^()（）]*[)）]\s*$/u;

/** The lead picture's caption, without its credit: shown with the article, so read for names. */
export function captionText(article: Pick<TaggedArticle, 'text' | 'leadImage'>): string {
  const caption = article.leadImage?.caption?.trim();
  if (!caption || article.text.includes(caption)) return '';
  return caption.replace(CREDIT, '').trim();
}

/**
 * What the tagger reads: the title, the text and the lead picture's caption (article.text leaves
 * captions out, but the reader shows them: the seed page names 华盛顿 only there). The caption
 * comes last, so offsets into the title and text are unchanged.
 */
function taggedText(article: TaggedArticle): string {
  const title = article.title?.trim();
  const caption = captionText(article);
  return [title, article.text, caption].filter((x) => x).join('\n');
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
  if (kind === 'zh') {
    // The rules' candidates, and the Chinese pack's names (which read the rules' as features).
    const rules: Candidate[] = [];
    zhCandidates(text, rules);
    cands.push(...zhCombined(text, rules));
  }
  else if (kind === 'ja') jaCandidates(text, cands);
  const wellCased = isWellCased(input.article.text);
  latinCandidates(englishView(text, blocks), locales, cands, wellCased);
  // Blocks in cased scripts whose language has no model: the evidence-only fallback.
  for (const b of blocks) {
    if (!englishMayRead(b.lang) && b.lang && CASED_SCRIPT.test(text.slice(b.start, b.end))) casedFallbackCandidates(text, b.start, b.end, b.lang, cands);
  }
  if (lang && !englishMayRead(lang) && !CASED_SCRIPT.test(text.slice(0, 2000))) otherScriptCandidates(text, lang, cands);
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
  const mentions = resolveOverlaps(trusted);
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
