import type { Article, Entity } from './types.ts';
import type { Annotation, HighlightColor } from './annotations/types.ts';
import { reanchorAll } from './annotations/annotation.ts';

/**
 * Bump when the stored shape changes; add a migration in the store.
 *   2: annotations (highlights and notes, W3C Web Annotations).
 *   3: optional capture fields (kind, linkReason, readState, importedFrom).
 */
export const CLIPPING_SCHEMA_VERSION = 3;

/**
 * How a clipping was captured (schema 3; absent on older ones = 'article'): a whole article, a
 * selected passage of a page, or only the address of a page that could not be read (with why).
 */
export type CaptureKind = 'article' | 'selection' | 'link';
export type ReadState = 'unread' | 'archived';

/** One saved article, as stored in IndexedDB and exported as JSON. */
export interface Clipping extends Article {
  /** Made by the caller before the first attempt, so a retried save is idempotent. */
  id: string;
  schema: number;
  entities: Entity[];
  /** Tags the user gave it. */
  tags: string[];
  note: string;
  /** The reader's highlights and notes on `text`, in the W3C Web Annotation model (schema 2). */
  annotations: Annotation[];
  /** ISO 8601. */
  savedAt: string;
  updatedAt: string;
  /** Schema 3. Absent means 'article'. */
  kind?: CaptureKind;
  /** Schema 3, link clippings: why the page itself is not in the library (retry may fix it). */
  linkReason?: string;
  /** Schema 3: the read/archived state a reading-list import brought over. */
  readState?: ReadState;
  /** Schema 3: which export it came from (e.g. 'pocket-csv'). */
  importedFrom?: string;
}

export function newClippingId(): string {
  return crypto.randomUUID();
}

export function makeClipping(id: string, article: Article, entities: Entity[], now = new Date()): Clipping {
  const iso = now.toISOString();
  return {
    ...article,
    id,
    schema: CLIPPING_SCHEMA_VERSION,
    entities,
    tags: [],
    note: '',
    annotations: [],
    savedAt: iso,
    updatedAt: iso,
  };
}

/**
 * What a save writes, given what is stored. A retry (same id) and a second save of the same page
 * (same canonical URL) both update the stored clipping, keeping its id, savedAt, tags and note.
 */
export function mergeSave(
  incoming: Clipping,
  sameId: Clipping | undefined,
  sameUrl: Clipping | undefined,
): { record: Clipping; created: boolean; highlightsNotFound?: number } {
  const prev = sameId ?? sameUrl;
  if (!prev) return { record: incoming, created: true };
  // The page (or Sift's cleaning) may have changed: every highlight is placed again on the new
  // text; those that cannot be are kept, unplaced, and reported.
  const placed = reanchorAll(prev.annotations ?? [], incoming.text);
  return {
    highlightsNotFound: placed.notFound,
    record: {
      ...incoming,
      id: prev.id,
      savedAt: prev.savedAt,
      tags: prev.tags,
      note: prev.note,
      annotations: placed.annotations,
      updatedAt: incoming.updatedAt,
    },
    created: false,
  };
}

/**
 * The light row the library lists and filters on: everything but the html and the full text,
 * so 10,000 of them load in a fraction of a second. Derived from the clipping; written in the
 * same transaction, never edited on its own.
 */
export interface ClippingCard {
  id: string;
  title: string;
  siteName: string | null;
  /** Host of the canonical URL without www., for the site filter when siteName is missing. */
  host: string;
  url: string;
  byline: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  publishedTime: string | null;
  savedAt: string;
  updatedAt: string;
  /** Up to 240 characters: the excerpt, or the start of the text. */
  excerpt: string;
  /** [canonical name, type, ...other names] of every entity, most mentioned first. */
  entities: CardEntity[];
  tags: string[];
  note: string;
  wordCount: number;
  /** Highlights on the clipping, and their colours (cards written before schema 4 have neither). */
  highlights?: number;
  highlightColors?: HighlightColor[];
  /** Present only for selections and links (schema 3). */
  kind?: CaptureKind;
  linkReason?: string;
}

/**
 * An entity on a card: canonical name, type, then a few of its other names (the entity index
 * shows them, so "加诺" is found under "马克‧加诺"). Cards written before schema 3 have none.
 */
export type CardEntity = [name: string, type: Entity['type'], ...aliases: string[]];
const CARD_ALIASES = 6;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function clippingCard(c: Clipping): ClippingCard {
  const excerpt = (c.excerpt?.trim() || c.text.slice(0, 400)).replace(/\s+/g, ' ').trim().slice(0, 240);
  return {
    id: c.id,
    title: c.title,
    siteName: c.siteName,
    host: hostOf(c.canonicalUrl || c.url),
    url: c.url,
    byline: c.byline,
    lang: c.lang,
    dir: c.dir,
    publishedTime: c.publishedTime,
    savedAt: c.savedAt,
    updatedAt: c.updatedAt,
    excerpt,
    entities: [...c.entities]
      .sort((a, b) => b.count - a.count)
      .map((e): CardEntity => [e.name, e.type, ...(e.aliases ?? []).filter((a) => a && a !== e.name).slice(0, CARD_ALIASES)]),
    tags: c.tags,
    note: c.note,
    wordCount: c.wordCount,
    highlights: c.annotations?.length ?? 0,
    highlightColors: [...new Set((c.annotations ?? []).map((a) => a.color))],
    ...(c.kind && c.kind !== 'article' ? { kind: c.kind } : {}),
    ...(c.linkReason ? { linkReason: c.linkReason } : {}),
  };
}

/** Tags as the user typed them: trimmed, no empties, no duplicates (case-insensitive), at most 64. */
export function normalizeTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    if (typeof t !== 'string') continue;
    const tag = t.replace(/\s+/g, ' ').trim().slice(0, 80);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, 64);
}

/**
 * Bring a stored or imported record up to the current shape. Fields added after version 1 get
 * their defaults here; a record from a newer Sift is returned untouched (validation refuses it).
 */
export function migrateClipping(raw: Clipping): Clipping {
  if (!raw || typeof raw !== 'object' || (typeof raw.schema === 'number' && raw.schema > CLIPPING_SCHEMA_VERSION)) return raw;
  const c = { ...raw } as Clipping;
  c.schema = CLIPPING_SCHEMA_VERSION;
  if (!Array.isArray(c.entities)) c.entities = [];
  if (!Array.isArray(c.tags)) c.tags = [];
  if (typeof c.note !== 'string') c.note = '';
  if (!Array.isArray(c.annotations)) c.annotations = [];
  if (typeof c.updatedAt !== 'string') c.updatedAt = c.savedAt;
  if (c.dir !== 'rtl') c.dir = 'ltr';
  // Schema 3 adds only optional capture fields: an absent kind reads as 'article'.
  if (c.kind !== undefined && c.kind !== 'article' && c.kind !== 'selection' && c.kind !== 'link') delete c.kind;
  return c;
}
