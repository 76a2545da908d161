import type { ExtractErrorCode, ExtractOutcome } from '../core/types.ts';

export interface ContentRequest {
  force?: boolean;
  uiLang?: string;
}

/** What src/content/index.ts installs in the page's isolated world. */
export interface ContentApi {
  version: number;
  extract(req: ContentRequest): ExtractOutcome;
}

export const CONTENT_API_VERSION = 1;

/**
 * Runs in the page (serialised by scripting.executeScript, so it must not close over anything).
 * Each script file is built alone as an IIFE whose completion value is not returned, so the
 * result comes back through this second call.
 */
export function runInPage(req: ContentRequest): ExtractOutcome {
  const api = (globalThis as { __siftContent?: ContentApi }).__siftContent;
  // Injected a moment ago, so a missing extractor means the document was replaced in between.
  if (!api) return { ok: false, error: { code: 'navigated', message: 'Sift could not start on this page.' } };
  return api.extract(req);
}

const ERROR_CODES: readonly ExtractErrorCode[] = [
  'restricted', 'no-access', 'not-html', 'too-large', 'too-complex', 'timeout', 'no-tab', 'navigated', 'failed',
];

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/**
 * Whether a value handed back from the page has the shape of an extraction result. The content
 * script is ours and runs isolated from the page's scripts, but what crosses into the worker is
 * still checked, like any message: fields the pages rely on must have their types.
 */
export function isExtractOutcome(v: unknown): v is ExtractOutcome {
  if (!isObj(v) || typeof v.ok !== 'boolean') return false;
  if (!v.ok) {
    const e = v.error;
    return isObj(e) && isStr(e.code) && (ERROR_CODES as readonly string[]).includes(e.code) && isStr(e.message);
  }
  const r = v.readability;
  if (!isObj(r) || typeof r.isArticle !== 'boolean' || !isStr(r.reason)) return false;
  if (!Array.isArray(v.entities)) return false;
  for (const e of v.entities) {
    if (!isObj(e) || !isStr(e.name) || !isStr(e.type) || !Array.isArray(e.aliases) || typeof e.count !== 'number') return false;
  }
  if (v.article === null) return true;
  const a = v.article;
  if (!isObj(a)) return false;
  return (
    isStr(a.title) && isStr(a.html) && isStr(a.text) && isStr(a.url) && isStr(a.canonicalUrl) &&
    isStrOrNull(a.byline) && isStrOrNull(a.siteName) && isStrOrNull(a.lang) &&
    (a.dir === 'ltr' || a.dir === 'rtl') && typeof a.wordCount === 'number' && typeof a.readingMinutes === 'number'
  );
}
