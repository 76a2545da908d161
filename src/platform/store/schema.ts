import type Dexie from 'dexie';
import { clippingCard, migrateClipping, type Clipping } from '../../core/clipping.ts';

// The IndexedDB schema, one entry per version. Dexie runs the upgrades in order for a profile
// that skipped versions; a version, once shipped, is never edited, only followed by another.
//   1: clippings (the full records).
//   2: cards (the light rows the library lists, derived from clippings in the same transaction)
//      and searchIndex (the library's persisted full-text index, a cache rebuilt when missing).
export const DB_VERSION = 2;

export function declareSchema(db: Dexie): void {
  db.version(1).stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt' });
  db.version(2)
    .stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt', cards: 'id, savedAt', searchIndex: '' })
    .upgrade(async (tx) => {
      const clippings = tx.table<Clipping, string>('clippings');
      const cards = tx.table('cards');
      await clippings.toCollection().modify((c) => {
        Object.assign(c, migrateClipping(c));
      });
      const all = await clippings.toArray();
      await cards.bulkPut(all.map(clippingCard));
    });
}
