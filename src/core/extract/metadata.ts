import type { ArticleMeta } from '../types.ts';
import { isRtlChar } from '../text/scripts.ts';
import { normalizeInline, normalizeTitle } from '../text/whitespace.ts';

type Meta = Omit<ArticleMeta, 'wordCount' | 'readingMinutes'>;

function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function abs(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function toIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(value);
  if (cjk) return isoDate(+cjk[1]!, +cjk[2]!, +cjk[3]!);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** JSON-LD objects of the page, flattened through @graph and arrays. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // Malformed JSON-LD is common; the other sources still apply.
    }
  }
  return out;
}

function ldArticle(doc: Document): Record<string, unknown> | null {
  return (
    jsonLdObjects(doc).find((o) => /Article|Posting|Report|BlogPosting/i.test(String(o['@type'] ?? ''))) ?? null
  );
}

function personName(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(personName).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return personName((v as Record<string, unknown>).name);
  return null;
}

// 「（英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译）」: reporter and translator in a dateline.
const CJK_DATELINE_BYLINE = /[（(]([^（）()]{2,60}?(?:报导|報導|报道|報道|编译|編譯|撰文|摄影)[^（）()]{0,30})[）)]/;
const CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const SOURCE_URL = /(?:原文地址|原文链接|原文連結|原文網址|原始链接|Original(?:ly)? (?:published|article|source)[^:：]*)[^:：]{0,12}[:：]\s*(https?:\/\/[^\s<>"'）)]+)/i;

function bodyHead(doc: Document, chars: number): string {
  return normalizeInline((doc.body?.textContent ?? '').slice(0, chars * 4)).slice(0, chars);
}

export function readMetadata(doc: Document, url: string): Meta {
  const ld = ldArticle(doc);
  const h1 = doc.querySelector('h1')?.textContent;
  const title = normalizeTitle(
    metaContent(doc, 'og:title', 'twitter:title') ??
      (typeof ld?.headline === 'string' ? ld.headline : null) ??
      doc.title ??
      h1 ??
      '',
  );
  const head = bodyHead(doc, 3000);
  const bodyText = doc.body?.textContent ?? '';
  let byline = metaContent(doc, 'author', 'article:author', 'byl', 'dc.creator') ?? personName(ld?.author);
  if (!byline) {
    const m = CJK_DATELINE_BYLINE.exec(head);
    if (m) byline = normalizeInline(m[1]!);
  }
  if (byline && /^https?:/.test(byline)) byline = null;
  let publishedTime =
    toIso(metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date')) ??
    toIso(typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
    toIso(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (!publishedTime) {
    const m = CJK_DATE.exec(head);
    if (m) publishedTime = isoDate(+m[1]!, +m[2]!, +m[3]!);
  }
  const modifiedTime =
    toIso(metaContent(doc, 'article:modified_time', 'dateModified', 'og:updated_time')) ??
    toIso(typeof ld?.dateModified === 'string' ? ld.dateModified : null);
  const lang = doc.documentElement.getAttribute('lang')?.trim() || metaContent(doc, 'og:locale', 'language') || null;
  const dirAttr = (doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '').toLowerCase();
  const dir = dirAttr === 'rtl' || (dirAttr !== 'ltr' && isRtlChar(title.charAt(0))) ? 'rtl' : 'ltr';
  const canonical =
    abs(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), url) ??
    abs(metaContent(doc, 'og:url'), url) ??
    url.replace(/#.*$/, '');
  const source = SOURCE_URL.exec(bodyText);
  const image = abs(metaContent(doc, 'og:image', 'twitter:image', 'og:image:url'), url);
  return {
    title,
    byline: byline ? normalizeInline(byline) : null,
    siteName: metaContent(doc, 'og:site_name', 'application-name') ?? null,
    publishedTime,
    modifiedTime,
    lang: lang ? lang.replace('_', '-') : null,
    dir,
    url,
    canonicalUrl: canonical,
    sourceUrl: source ? source[1]! : null,
    leadImage: image ? { src: image, alt: '', caption: null } : null,
    excerpt: metaContent(doc, 'description', 'og:description', 'twitter:description'),
  };
}
