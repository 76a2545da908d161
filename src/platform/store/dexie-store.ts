import Dexie, { type Table } from 'dexie';
import { clippingCard, mergeSave, type Clipping, type ClippingCard } from '../../core/clipping.ts';
import type { IndexSnapshot } from '../../core/search/search-index.ts';
import type { SaveResult } from '../../shared/protocol.ts';
import type { ClipStore, ClipPatch } from './clip-store.ts';
import { declareSchema } from './schema.ts';
import { applyAnnotationChange, type AnnotationChange, type ChangeResult } from '../../core/annotations/change.ts';

export const DB_NAME = 'sift';

/** One clipping changed or deleted here; `at` tells sync whether it changed again while being sent. */
export interface OutboxRow {
  id: string;
  at: number;
}
/** The sync document revision a clipping here was last the same as. */
export interface SyncRevRow {
  id: string;
  rev: string;
}

let outboxClock = 0;
/** Strictly increasing within this worker, so two changes in one millisecond differ. */
function outboxStamp(): number {
  outboxClock = Math.max(outboxClock + 1, Date.now() * 1000);
  return outboxClock;
}

/** Record changed ids for sync, inside the caller's transaction (which must include the outbox). */
export function touchOutbox(db: SiftDb, ids: string[]): Promise<unknown> {
  return db.outbox.bulkPut(ids.map((id) => ({ id, at: outboxStamp() })));
}
const INDEX_KEY = 'main';

export class SiftDb extends Dexie {
  clippings!: Table<Clipping, string>;
  cards!: Table<ClippingCard, string>;
  searchIndex!: Table<IndexSnapshot, string>;
  /** Clippings changed here since sync last sent them (see background/sync). */
  outbox!: Table<OutboxRow, string>;
  syncRevs!: Table<SyncRevRow, string>;
  constructor(name: string) {
    // 'strict' durability: a transaction completes (and a save is acknowledged) only once its
    // data is flushed to disk, so a crash right after the reply cannot lose it.
    super(name, { chromeTransactionDurability: 'strict' });
    declareSchema(this);
  }
}

/**
 * The library in IndexedDB. Every write of a clipping also writes its card in the same
 * transaction, so the list and the records cannot disagree.
 */
export class DexieStore implements ClipStore {
  readonly db: SiftDb;
  constructor(name = DB_NAME) {
    this.db = new SiftDb(name);
  }

  async save(clipping: Clipping): Promise<SaveResult> {
    const db = this.db;
    return db.transaction('rw', db.clippings, db.cards, db.outbox, async () => {
      const sameId = await db.clippings.get(clipping.id);
      const sameUrl = sameId ? undefined : await db.clippings.where('canonicalUrl').equals(clipping.canonicalUrl).first();
      const { record, created, highlightsNotFound } = mergeSave(clipping, sameId, sameUrl);
      await db.clippings.put(record);
      await db.cards.put(clippingCard(record));
      await touchOutbox(db, [record.id]);
      return highlightsNotFound ? { id: record.id, created, highlightsNotFound } : { id: record.id, created };
    });
  }

  get(id: string): Promise<Clipping | undefined> {
    return this.db.clippings.get(id);
  }

  async getMany(ids: string[]): Promise<(Clipping | undefined)[]> {
    return this.db.clippings.bulkGet(ids);
  }

  list(): Promise<Clipping[]> {
    return this.db.clippings.orderBy('savedAt').reverse().toArray();
  }

  /** Newest first; `limit` for the first screen. */
  cards(limit?: number): Promise<ClippingCard[]> {
    const q = this.db.cards.orderBy('savedAt').reverse();
    return limit ? q.limit(limit).toArray() : q.toArray();
  }

  count(): Promise<number> {
    return this.db.clippings.count();
  }

  async update(id: string, patch: ClipPatch): Promise<Clipping> {
    const db = this.db;
    return db.transaction('rw', db.clippings, db.cards, db.outbox, async () => {
      const prev = await db.clippings.get(id);
      if (!prev) throw new Error(`No clipping ${id}`);
      const next: Clipping = { ...prev, ...patch, updatedAt: new Date().toISOString() };
      await db.clippings.put(next);
      await db.cards.put(clippingCard(next));
      await touchOutbox(db, [id]);
      return next;
    });
  }

  async annotate(id: string, change: AnnotationChange): Promise<ChangeResult> {
    const db = this.db;
    return db.transaction('rw', db.clippings, db.cards, db.outbox, async () => {
      const prev = await db.clippings.get(id);
      if (!prev) throw new Error(`No clipping ${id}`);
      const out = applyAnnotationChange(prev.annotations ?? [], prev.text, change);
      const next: Clipping = { ...prev, annotations: out.annotations, updatedAt: new Date().toISOString() };
      await db.clippings.put(next);
      await db.cards.put(clippingCard(next));
      // Highlights travel with the clipping: sync sends it like any other change.
      await touchOutbox(db, [id]);
      return out;
    });
  }

  findByUrl(canonicalUrl: string): Promise<Clipping | undefined> {
    return this.db.clippings.where('canonicalUrl').equals(canonicalUrl).first();
  }

  async delete(ids: string[]): Promise<Clipping[]> {
    const db = this.db;
    return db.transaction('rw', db.clippings, db.cards, db.outbox, async () => {
      const found = (await db.clippings.bulkGet(ids)).filter((c): c is Clipping => !!c);
      await db.clippings.bulkDelete(ids);
      await db.cards.bulkDelete(ids);
      await touchOutbox(db, found.map((c) => c.id));
      return found;
    });
  }

  async putMany(clippings: Clipping[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.clippings, db.cards, db.outbox, async () => {
      await db.clippings.bulkPut(clippings);
      await db.cards.bulkPut(clippings.map(clippingCard));
      await touchOutbox(db, clippings.map((c) => c.id));
    });
  }

  async clear(): Promise<number> {
    const db = this.db;
    return db.transaction('rw', db.clippings, db.cards, db.searchIndex, db.outbox, async () => {
      const n = await db.clippings.count();
      // Clearing is deleting every clipping: with sync on, they go on every device too.
      await touchOutbox(db, (await db.clippings.toCollection().primaryKeys()) as string[]);
      await db.clippings.clear();
      await db.cards.clear();
      await db.searchIndex.clear();
      return n;
    });
  }

  /** The library page's persisted search index (a cache: may be missing or stale). */
  loadIndex(): Promise<IndexSnapshot | undefined> {
    return this.db.searchIndex.get(INDEX_KEY);
  }

  async saveIndex(snapshot: IndexSnapshot): Promise<void> {
    await this.db.searchIndex.put(snapshot, INDEX_KEY);
  }
}
