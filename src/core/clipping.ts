import type { Article, Entity } from './types.ts';

/** Bump when the stored shape changes; add a migration in the store. */
export const CLIPPING_SCHEMA_VERSION = 1;

/** One saved article, as stored in IndexedDB and exported as JSON. */
export interface Clipping extends Article {
  /** Made by the caller before the first attempt, so a retried save is idempotent. */
  id: string;
  schema: number;
  entities: Entity[];
  /** Tags the user gave it. */
  tags: string[];
  note: string;
  /** ISO 8601. */
  savedAt: string;
  updatedAt: string;
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
): { record: Clipping; created: boolean } {
  const prev = sameId ?? sameUrl;
  if (!prev) return { record: incoming, created: true };
  return {
    record: {
      ...incoming,
      id: prev.id,
      savedAt: prev.savedAt,
      tags: prev.tags,
      note: prev.note,
      updatedAt: incoming.updatedAt,
    },
    created: false,
  };
}
