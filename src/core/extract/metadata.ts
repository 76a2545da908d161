import type { ArticleMeta } from '../types.ts';
import { guessLang, isRtlText } from '../text/scripts.ts';
import { normalizeInline, normalizeTitle } from '../text/whitespace.ts';
import { dateInText, toIso } from './dates.ts';
import { ruleOn } from './rules.ts';
import { ldArticle, ldPeople, ldString, metaValue, readPageMeta, titleElements, type PageMeta } from './page-meta.ts';

export { jsonLdObjects } from './page-meta.ts';

export type Meta = Omit<ArticleMeta, 'wordCount' | 'readingMinutes'>;

/** What the later stages learn that metadata can use. */
export interface MetaHints {
  /** The cleaned article text: datelines and "By ..." lines live at its top. */
  articleText?: string;
  /** Byline lines the cleaners took out of the body, in page order. */
  bylines?: string[];
  /** Page text outside the article, searched only for a copy's source address. */
  pageText?: string;
  /** The title already settled from the article (readTitle with its text); read again when absent. */
  title?: string;
  /** Readability's own findings, the last resort. */
  readability?: { title?: string | null; byline?: string | null; siteName?: string | null; excerpt?: string | null; dir?: string | null };
}

function abs(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// 「（英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译）」: reporter and translator in a dateline.
const CJK_DATELINE_BYLINE = /[（(]([^（）()]{2,60}?(?:报导|報導|报道|報道|编译|編譯|撰文|撰稿|摄影|攝影|整理)[^（）()]{0,30})[）)]/;
// 「记者孙庆璋／嘉义报导」 at the start of a line.
const CJK_REPORTER = /^(?:[^\n]{0,12}?)((?:记者|記者)[^\n。，,]{2,30}?(?:报导|報導|报道|報道))/m;
const SOURCE_URL =
  /(?:原文地址|原文链接|原文連結|原文網址|原文网址|原始链接|原文|Original(?:ly)? (?:published|posted|article|source)(?: at| on| in)?|Source)[^:：\n]{0,12}[:：]\s*(https?:\/\/[^\s<>"'）)」】]+)/i;
const BY_PREFIX = /^(?:by|von|por|par|di|door|av|af|przez|od|автор|написал[аи]?)\s*[:：]?\s+/i;
const LANG_TAG = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$/i;

/** BCP 47 casing: zh_cn -> zh-CN, zh-hant-tw -> zh-Hant-TW. */
export function normalizeLang(raw: string | null | undefined): string | null {
  const v = raw?.trim().split(/[,;\s]/)[0];
  if (!v) return null;
  const m = LANG_TAG.exec(v);
  if (!m) return null;
  const script = m[2] ? m[2][0]!.toUpperCase() + m[2].slice(1).toLowerCase() : '';
  return [m[1]!.toLowerCase(), script, m[3]?.toUpperCase() ?? ''].filter(Boolean).join('-');
}

const CJK_LANGS = new Set(['zh', 'ja', 'ko']);

/**
 * A page's declared language is a hint, the article's script is a fact: a Chinese article in a
 * page that says lang="en" (an article shown inside an English site's chrome) is Chinese. The
 * script only speaks for some languages (guessLang); where it names a different one, it wins,
 * except among Chinese, Japanese and Korean, where Han text alone cannot tell them apart.
 */
export function articleLang(declared: string | null, guessed: string | null): string | null {
  if (!declared || !guessed) return declared ?? guessed;
  const primary = declared.split('-')[0]!;
  if (primary === guessed || (CJK_LANGS.has(primary) && CJK_LANGS.has(guessed))) return declared;
  return guessed;
}

function cleanByline(raw: string | null | undefined, siteName: string | null): string | null {
  if (!raw) return null;
  let v = normalizeInline(raw).replace(BY_PREFIX, '');
  // A machine date glued on after the names: "Mike Wall 2019-11-18T20:51:19Z Science & Astronomy".
  v = v.replace(/\s+\d{4}-\d{1,2}-\d{1,2}(?:\b|T).*$/, '');
  // A written date after the names: "Luna Hamidi Le 29/01/2020", "Jane Doe on 18.11.2019".
  v = v.replace(/\s+(?:(?:le|el|am|on|il|em|del?)\s+)?\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b.*$/i, '').replace(/\s*[-–—|•·,]$/, '');
  // A date or a role glued on after the names: "Jane Doe - 11/18/19 11:04 PM EST", "Jane Doe, AP Writer" stays.
  v = v.replace(/\s*[-–—|•·]\s*(?:\d|updated|published|posted).*$/i, '').trim();
  // "Jane Doe , John Roe on Monday, November 18th, 2019 at 11:08 a.m.": the names, tidied.
  if (dateInText(v)) v = v.replace(/\s+(?:on|am|le|el|il|em)\s+\S.*$/i, '').trim();
  v = v.replace(/\s+,/g, ',');
  if (!v || v.length > 120 || /^https?:|^www\./i.test(v) || /^\d/.test(v)) return null;
  if (siteName && v.toLowerCase() === siteName.toLowerCase()) return null;
  return v;
}

// Site names glued to titles: "Headline | Site", "Site - Headline".
const TITLE_SEP = /\s+[|\-–—·•:»/\\]\s+|\s*[|｜_]\s*/;

function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const parts = title.split(TITLE_SEP);
  if (parts.length < 2) return title;
  const site = siteName.toLowerCase();
  const kept = parts.filter((p) => p.trim().toLowerCase() !== site);
  return kept.length && kept.length < parts.length ? kept.join(' - ').trim() : title;
}

// What separates a headline from the site and section names around it in a <title>; around
// those, spaces and brackets may stand too.
const SEPARATORS = String.raw`\-–—|｜_:：·•»«/\\【】《》`;
const JOINTS = String.raw`\s${SEPARATORS}()（）[\]<>`;
const TITLE_SEPARATOR = new RegExp(`[${SEPARATORS}]`, 'u');
const TITLE_JOINT = new RegExp(`^[${JOINTS}]`, 'u');
const TITLE_JOINTS = new RegExp(`[${JOINTS}]+`, 'u');

/**
 * The page's own headline when the <title> is that headline plus site or section names
 * ("38歲男子涉殺父被暫控謀殺 - 新浪網 - 新聞", "成都12只大熊猫幼仔开始群体生活-中新网"): a heading
 * of the page that opens or closes the title at a separator, and is the longer part of it.
 */
function headlineInTitle(title: string, headings: string[]): string | null {
  const t = title.replace(/\s+/g, '');
  let best: string | null = null;
  for (const h of headings) {
    const k = h.replace(/\s+/g, '');
    if (k.length < 4 || k.length >= t.length || (best && best.length >= h.length)) continue;
    const atStart = t.startsWith(k) && TITLE_JOINT.test(t.slice(k.length));
    const atEnd = t.endsWith(k) && TITLE_JOINT.test(t.charAt(t.length - k.length - 1));
    if (!atStart && !atEnd) continue;
    // Each name around the headline is shorter than it: a site's h1 logo inside "Site - Headline" is not it.
    const rest = atStart ? t.slice(k.length) : t.slice(0, t.length - k.length);
    if (rest.split(TITLE_JOINTS).every((part) => part.length < k.length)) best = h;
  }
  return best;
}

/** The title has separators and none of the page's headings is part of it: look further. */
function needsTitleElements(title: string, headings: string[]): boolean {
  if (!TITLE_SEPARATOR.test(title)) return false;
  const t = title.replace(/\s+/g, '');
  return !headings.some((h) => h.length >= 4 && t.includes(h.replace(/\s+/g, '')));
}

const TOKEN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|[\p{L}\p{N}]+/gu;
const tokens = (text: string): string[] => text.toLowerCase().match(TOKEN) ?? [];

/** Share of the tokens of `a` (words; CJK characters one by one) that occur in `text`. */
function sharedShare(a: string, text: Set<string>): number {
  const t = tokens(a);
  return t.length ? t.filter((w) => text.has(w)).length / t.length : 0;
}

/**
 * The article's own heading, when the title speaks of something else: a page that frames an
 * article in another site's chrome (a file viewer's "path at branch · owner/repo") names the
 * frame in its <title> and Open Graph tags. When almost none of the title's words occur in the
 * article, the page heading that the article's text bears out best becomes the title.
 */
function headingOfArticle(title: string, headings: string[], articleText: string): string | null {
  if (!articleText) return null;
  // Addresses printed in the text (a share line's link) are not the article's words.
  const words = new Set(tokens(articleText.slice(0, 3000).replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')));
  if (sharedShare(title, words) >= 0.1) return null;
  let best: string | null = null;
  let bestShare = 0.6;
  for (const h of headings) {
    if (tokens(h).length < 3) continue;
    const share = sharedShare(h, words);
    if (share > bestShare) [best, bestShare] = [h, share];
  }
  return best;
}

/** The page's site name and its headline, the title without the site and section names. */
export function readTitle(
  doc: Document,
  pm: PageMeta,
  rb: MetaHints['readability'] = {},
  articleText = '',
): { title: string; siteName: string | null } {
  const ld = ldArticle(pm);
  const siteName =
    metaValue(pm, 'og:site_name', 'application-name', 'al:ios:app_name') ??
    ldString((ld?.publisher as Record<string, unknown> | undefined)?.name) ??
    (rb.siteName?.trim() || null);
  const rawTitle =
    metaValue(pm, 'og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title') ??
    ldString(ld?.headline) ??
    (rb.title?.trim() || null) ??
    doc.title ??
    '';
  const fullTitle = normalizeTitle(rawTitle);
  const title =
    ((h) => (h && ruleOn('article-heading-title') ? h : null))(headingOfArticle(fullTitle, pm.headings, articleText)) ??
    headlineInTitle(fullTitle, pm.headings) ??
    (needsTitleElements(fullTitle, pm.headings) ? headlineInTitle(fullTitle, (pm.titleElements ??= titleElements(doc))) : null) ??
    stripSiteName(fullTitle, siteName);
  return { title, siteName };
}

/** The picture the page names as its own (Open Graph, Twitter card, JSON-LD), made absolute. */
export function pageImage(pm: PageMeta, url: string): string | null {
  return abs(metaValue(pm, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ?? ldString(ldArticle(pm)?.image), url);
}

export function readMetadata(doc: Document, url: string, hints: MetaHints = {}, pm: PageMeta = readPageMeta(doc)): Meta {
  const ld = ldArticle(pm);
  const rb = hints.readability ?? {};
  const { title, siteName } = hints.title ? { title: hints.title, siteName: readTitle(doc, pm, rb).siteName } : readTitle(doc, pm, rb);

  const head = (hints.articleText ?? '').slice(0, 600);
  const byline =
    cleanByline(metaValue(pm, 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'twitter:creator:name'), siteName) ??
    cleanByline(ldPeople(ld?.author ?? ld?.creator), siteName) ??
    (hints.bylines ?? []).map((b) => cleanByline(b, siteName)).find(Boolean) ??
    cleanByline(CJK_DATELINE_BYLINE.exec(head)?.[1], siteName) ??
    cleanByline(CJK_REPORTER.exec(head)?.[1], siteName) ??
    cleanByline(rb.byline, siteName);

  const publishedTime =
    toIso(metaValue(pm, 'article:published_time', 'og:published_time', 'datepublished', 'publishdate', 'pubdate', 'date',
      'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'published_time')) ??
    toIso(ldString(ld?.datePublished ?? ld?.dateCreated)) ??
    toIso(pm.time) ??
    dateInText(head) ??
    (hints.bylines ?? []).map((b) => dateInText(b)).find(Boolean) ??
    null;
  const modifiedTime =
    toIso(metaValue(pm, 'article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'last-modified', 'dcterms.modified')) ??
    toIso(ldString(ld?.dateModified));

  const text = hints.articleText ?? '';
  const declared =
    normalizeLang(doc.documentElement?.getAttribute('lang')) ??
    normalizeLang(doc.documentElement?.getAttribute('xml:lang')) ??
    normalizeLang(metaValue(pm, 'content-language', 'language', 'dc.language')) ??
    normalizeLang(ldString(ld?.inLanguage)) ??
    normalizeLang(metaValue(pm, 'og:locale'));
  const lang = articleLang(declared, guessLang(text.slice(0, 2000)));
  const dirAttr = (doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? rb.dir ?? '').toLowerCase();
  const dir = dirAttr === 'rtl' || (dirAttr !== 'ltr' && isRtlText((text || title).slice(0, 500))) ? 'rtl' : 'ltr';

  const canonical = abs(pm.canonical, url) ?? abs(metaValue(pm, 'og:url'), url) ?? url.replace(/#.*$/, '');
  const source = SOURCE_URL.exec(hints.pageText ?? '');
  const image = pageImage(pm, url);
  const excerpt =
    metaValue(pm, 'description', 'og:description', 'twitter:description', 'dc.description') ?? (rb.excerpt?.trim() || null);
  return {
    title,
    byline,
    siteName: siteName ? normalizeInline(siteName) : null,
    publishedTime,
    modifiedTime,
    lang,
    dir,
    url,
    canonicalUrl: canonical,
    sourceUrl: source ? source[1]!.replace(/[.,;。，]+$/, '') : null,
    leadImage: image ? { src: image, alt: '', caption: null } : null,
    excerpt: excerpt ? normalizeInline(excerpt) : null,
  };
}
