import type Dexie from 'dexie';
import { clippingCard, migrateClipping, type Clipping, type ClippingCard } from '../../core/clipping.ts';

// The IndexedDB schema, one entry per version. Dexie runs the upgrades in order for a profile
// that skipped versions; a version, once shipped, is never edited, only followed by another.
//   1: clippings (the full records).
//   2: cards (the light rows the library lists, derived from clippings in the same transaction)
//      and searchIndex (the library's persisted full-text index, a cache rebuilt when missing).
//   3: cards carry entities' other names (aliases), for the entity index: cards re-derived.
//   4: clippings carry annotations (clipping schema 2: highlights and notes), cards their count
//      and colours: every record migrated, cards re-derived.
//   5: the capture queue (background fetches and imports: durable across worker restarts) and
//      clippings indexed by url too, so an import finds a page saved under its final address.
//   6: outbox (ids of clippings changed or deleted here, written in the same transaction as the
//      change; sync sends them) and syncRevs (the sync revision each clipping last agreed with).
export const DB_VERSION = 6;

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
  db.version(3)
    .stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt', cards: 'id, savedAt', searchIndex: '' })
    .upgrade(async (tx) => {
      // One record at a time: a large library's full records need not all be in memory at once
      // (the cards are light).
      const fresh: ClippingCard[] = [];
      await tx.table<Clipping, string>('clippings').toCollection().each((c) => void fresh.push(clippingCard(c)));
      await tx.table('cards').bulkPut(fresh);
    });
  db.version(4)
    .stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt', cards: 'id, savedAt', searchIndex: '' })
    .upgrade(async (tx) => {
      const fresh: ClippingCard[] = [];
      await tx.table<Clipping, string>('clippings').toCollection().modify((c) => {
        Object.assign(c, migrateClipping(c));
        fresh.push(clippingCard(c));
      });
      await tx.table('cards').bulkPut(fresh);
    });
  db.version(5).stores({
    clippings: 'id, canonicalUrl, url, savedAt, updatedAt',
    queue: 'id, [state+seq], state, batch',
    queueMeta: '',
  });
  // Only new tables: Dexie keeps every table of the earlier versions.
  db.version(6).stores({ outbox: 'id', syncRevs: 'id' });
}
