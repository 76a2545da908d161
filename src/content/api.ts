import type { Article, Entity, ExtractError, ExtractErrorCode, ExtractOutcome } from '../core/types.ts';

export interface ContentRequest {
  force?: boolean;
  uiLang?: string;
  /**
   * 'later': hand back the article alone, the popup asks for the names next (page.entities), so
   * the article shows sooner. Default: both in one go (quick save, the save shortcut).
   */
  entities?: 'now' | 'later';
}

export interface EntitiesRequest {
  uiLang?: string;
}

export type EntitiesOutcome = { ok: true; entities: Entity[]; ms: number; pageTags?: string[] } | { ok: false; error: ExtractError };

/** What src/content/index.ts installs in the page's isolated world. */
export interface ContentApi {
  version: number;
  extract(req: ContentRequest): ExtractOutcome;
  /** The article of the document's last reading (for the entity script), with its address. */
  lastArticle(): { article: Article; url: string } | null;
}

/** What src/content/entities.ts installs next to it. */
export interface EntitiesApi {
  version: number;
  find(req: EntitiesRequest): EntitiesOutcome;
  /**
   * The language packs (src/content/pack-<lang>.js) the kept article needs, chosen by the
   * language the tagger detects in it, the one it tags by; injected after this script.
   */
  packs(): string[];
}

export const CONTENT_API_VERSION = 3;

/**
 * Runs in the page (serialised by scripting.executeScript, so it must not close over anything).
 * Each script file is built alone as an IIFE whose completion value is not returned, so the
 * result comes back through this second call.
 */
export function runInPage(req: ContentRequest): ExtractOutcome {
  const g = globalThis as { __siftContent?: ContentApi; __siftEntities?: EntitiesApi };
  const api = g.__siftContent;
  // Injected a moment ago, so a missing extractor means the document was replaced in between.
  if (!api) return { ok: false, error: { code: 'navigated', message: 'Sift could not start on this page.' } };
  const out = api.extract(req);
  if (req.entities === 'later' || !out.ok || !out.article) return out;
  const found = g.__siftEntities?.find({ uiLang: req.uiLang });
  if (!found) return { ok: false, error: { code: 'navigated', message: 'Sift could not start on this page.' } };
  if (!found.ok) return found;
  return { ...out, entities: found.entities, pageTags: found.pageTags ?? [], timings: { ...out.timings, entitiesMs: found.ms } };
}

/** Runs in the page after the entity script was injected: the packs its article needs (none: no article kept). */
export function packsInPage(): string[] {
  const api = (globalThis as { __siftEntities?: EntitiesApi }).__siftEntities;
  return api ? api.packs() : [];
}

/** Runs in the page after the entity script was injected: the names of the article just read. */
export function runEntitiesInPage(req: EntitiesRequest): EntitiesOutcome {
  const api = (globalThis as { __siftEntities?: EntitiesApi }).__siftEntities;
  if (!api) return { ok: false, error: { code: 'navigated', message: 'Sift could not start on this page.' } };
  return api.find(req);
}

const ERROR_CODES: readonly ExtractErrorCode[] = [
  'restricted', 'no-access', 'not-html', 'too-large', 'too-complex', 'timeout', 'no-tab', 'navigated', 'failed',
];

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

function isEntityList(v: unknown): v is Entity[] {
  if (!Array.isArray(v)) return false;
  for (const e of v) {
    if (!isObj(e) || !isStr(e.name) || !isStr(e.type) || !Array.isArray(e.aliases) || typeof e.count !== 'number') return false;
  }
  return true;
}

/** Page tags: absent, or a list of strings. */
const isTagList = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every(isStr));

function isError(e: unknown): e is ExtractError {
  return isObj(e) && isStr(e.code) && (ERROR_CODES as readonly string[]).includes(e.code) && isStr(e.message);
}

/** Whether a value handed back from the entity script has the shape of its result. */
export function isEntitiesOutcome(v: unknown): v is EntitiesOutcome {
  if (!isObj(v) || typeof v.ok !== 'boolean') return false;
  return v.ok ? isEntityList(v.entities) && typeof v.ms === 'number' && isTagList(v.pageTags) : isError(v.error);
}

/**
 * Whether a value handed back from the page has the shape of an extraction result. The content
 * script is ours and runs isolated from the page's scripts, but what crosses into the worker is
 * still checked, like any message: fields the pages rely on must have their types.
 */
export function isExtractOutcome(v: unknown): v is ExtractOutcome {
  if (!isObj(v) || typeof v.ok !== 'boolean') return false;
  if (!v.ok) return isError(v.error);
  const r = v.readability;
  if (!isObj(r) || typeof r.isArticle !== 'boolean' || !isStr(r.reason)) return false;
  if (!isEntityList(v.entities) || !isTagList(v.pageTags)) return false;
  if (v.article === null) return true;
  const a = v.article;
  if (!isObj(a)) return false;
  return (
    isStr(a.title) && isStr(a.html) && isStr(a.text) && isStr(a.url) && isStr(a.canonicalUrl) &&
    isStrOrNull(a.byline) && isStrOrNull(a.siteName) && isStrOrNull(a.lang) &&
    (a.dir === 'ltr' || a.dir === 'rtl') && typeof a.wordCount === 'number' && typeof a.readingMinutes === 'number'
  );
}
