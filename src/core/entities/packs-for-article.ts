import type { Article, LeadImage } from '../types.ts';
import { articleLanguage, blockLanguages, type LangBlock } from '../text/language-id.ts';
import { wordPackFor, type PackLang } from './model/packs-for.ts';

// Which language packs an article needs, and the text and language views the tagger shares with
// it. Apart from the tagger (index.ts) so the background can choose the packs from the article
// the page handed back and inject the names script with them in one call (extract-tab.ts),
// instead of asking the page first. Imports franc-min (language-id.ts), never the taggers.

// The word models' languages (latin.ts picks the article's).
export const MODEL_LANGS = new Set(['en', 'de', 'fr', 'nl', 'pt']);

/**
 * The text with every block the English model may not read blanked out (newlines keep the
 * offsets): English blocks, blocks of unknown language, and CJK blocks, whose Latin stretches
 * are names written in Latin letters ("布林肯（Antony Blinken）") rather than another language.
 */
export function englishView(text: string, blocks: LangBlock[]): string {
  if (blocks.every((b) => englishMayRead(b.lang))) return text;
  let out = '';
  for (const b of blocks) {
    if (out.length < b.start) out += '\n'.repeat(b.start - out.length);
    out += englishMayRead(b.lang) ? text.slice(b.start, b.end) : '\n'.repeat(b.end - b.start);
  }
  return out + '\n'.repeat(text.length - out.length);
}

export function englishMayRead(lang: string | null): boolean {
  return lang === null || MODEL_LANGS.has(lang) || lang === 'zh' || lang === 'ja';
}

export type TaggedArticle = Pick<Article, 'text' | 'title' | 'lang'> & { leadImage?: LeadImage | null };

// A photo credit at the end of a caption: "(CARLOS BARRIA/POOL/AFP via Getty Images)", "（新华社记者
// 李明 摄）". Agencies and photographers are not what the article names.
const CREDIT = /\s*[(（][^()（）]*(?:\/|\bvia\b|\b(?:Getty|Images|AFP|Reuters|AP|EPA|Xinhua|Photo|photo|Credit|credit)\b|摄|图片|图源|来源|供图)[^()（）]*[)）]\s*$/u;

// The same credit without brackets, after the caption's last sentence: "… fausse. Nathan Alliard /
// Photononstop / AFP", "… on Tuesday. © Jane Doe". Slashes, a © or an agency's name mark it.
const CREDIT_TAIL = /(?<=[.!?。！？]\s*)[^.!?。！？]*(?:\s\/\s|©|\b(?:AFP|Reuters|Getty Images|EPA|dpa|AP Photo|Xinhua|ANSA|Keystone)\b)[^.!?。！？]*$/u;

/** The lead picture's caption, without its credit: shown with the article, so read for names. */
export function captionText(article: Pick<TaggedArticle, 'text' | 'leadImage'>): string {
  const caption = article.leadImage?.caption?.trim();
  if (!caption || article.text.includes(caption)) return '';
  return caption.replace(CREDIT, '').replace(CREDIT_TAIL, '').trim();
}

/**
 * What the tagger reads: the title, the text and the lead picture's caption (article.text leaves
 * captions out, but the reader shows them: the seed page names 华盛顿 only there). The caption
 * comes last, so offsets into the title and text are unchanged.
 */
export function taggedText(article: TaggedArticle): string {
  const title = article.title?.trim();
  const caption = captionText(article);
  return [title, article.text, caption].filter((x) => x).join('\n');
}

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Which CJK tagger fits: the declared language, else kana decides between Japanese and Chinese. */
export function cjkKind(text: string, lang: string | null): 'zh' | 'ja' | null {
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
