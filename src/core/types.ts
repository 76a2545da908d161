// The data that crosses boundaries (content script -> background -> pages -> IndexedDB -> exports).
// Plain JSON only: everything here must survive structured clone and JSON.stringify unchanged.

export const ENTITY_TYPES = ['person', 'place', 'organization', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Which layer of the tagger found an entity. */
export type EntitySource = 'page-tag' | 'jsonld' | 'gazetteer' | 'rule' | 'model';

export interface Entity {
  /** Canonical name: the form highlighted and listed. */
  name: string;
  type: EntityType;
  /** Other surface forms of the same entity (also highlighted). */
  aliases: string[];
  /** Mentions in the article text (all surface forms). */
  count: number;
  sources: EntitySource[];
}

export interface LeadImage {
  src: string;
  alt: string;
  caption: string | null;
}

export interface ArticleMeta {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** BCP 47, e.g. "zh-CN". */
  lang: string | null;
  dir: 'ltr' | 'rtl';
  /** The address the page was read from. */
  url: string;
  /** rel=canonical / og:url when present, otherwise `url` without its fragment. */
  canonicalUrl: string;
  /** The original when the page says it is a copy (e.g. 「原文地址」). */
  sourceUrl: string | null;
  leadImage: LeadImage | null;
  excerpt: string | null;
  /** Words for spaced scripts; characters for CJK. */
  wordCount: number;
  readingMinutes: number;
  /**
   * The page's own tags (keywords meta, tag links, JSON-LD keywords) that are not names in the
   * article: shown apart from the names, never highlighted. Absent when none or not yet tagged.
   */
  pageTags?: string[];
}

export interface Article extends ArticleMeta {
  /** Cleaned article HTML. Untrusted: sanitise at render time, never before storing. */
  html: string;
  /** Plain text, a line break between blocks. */
  text: string;
}

/** Why the page was or was not judged to be an article. */
export interface Readability {
  isArticle: boolean;
  /** A stable code; the UI maps it to a localised message. */
  reason: ReadableReason;
}

export type ReadableReason =
  | 'article'
  | 'forced'
  | 'too-short'
  | 'no-content'
  | 'link-heavy'
  | 'not-html';

export type ExtractErrorCode =
  | 'restricted'
  | 'no-access'
  | 'not-html'
  | 'too-large'
  | 'too-complex'
  | 'timeout'
  | 'no-tab'
  /** The tab went to another page while Sift was reading it. */
  | 'navigated'
  | 'failed';

export interface ExtractError {
  code: ExtractErrorCode;
  message: string;
}

export interface ExtractTimings {
  /** Milliseconds spent in cleaning + Readability + post-processing. */
  extractMs: number;
  entitiesMs: number;
}

export type ExtractOutcome =
  | {
      ok: true;
      /** Null when the page holds no readable text at all. */
      article: Article | null;
      readability: Readability;
      entities: Entity[];
      /** The page's declared tags that are not among the names ("Tags on the page"). */
      pageTags?: string[];
      timings: ExtractTimings;
    }
  | { ok: false; error: ExtractError };
