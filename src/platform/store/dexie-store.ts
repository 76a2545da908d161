import Dexie, { type Table } from 'dexie';
import { mergeSave, type Clipping } from '../../core/clipping.ts';
import type { SaveResult } from '../../shared/protocol.ts';
import type { ClipStore } from './clip-store.ts';

export const DB_NAME = 'sift';

class SiftDb extends Dexie {
  clippings!: Table<Clipping, string>;
  constructor(name: string) {
    // 'strict' durability: a save is acknowledged only once it is on disk.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt' });
  }
}

export class DexieStore implements ClipStore {
  readonly db: SiftDb;
  constructor(name = DB_NAME) {
    this.db = new SiftDb(name);
  }

  async save(clipping: Clipping): Promise<SaveResult> {
    const db = this.db;
    return db.transaction('rw', db.clippings, async () => {
      const sameId = await db.clippings.get(clipping.id);
      const sameUrl = sameId ? undefined : await db.clippings.where('canonicalUrl').equals(clipping.canonicalUrl).first();
      const { record, created } = mergeSave(clipping, sameId, sameUrl);
      await db.clippings.put(record);
      return { id: record.id, created };
    });
  }

  get(id: string): Promise<Clipping | undefined> {
    return this.db.clippings.get(id);
  }

  list(): Promise<Clipping[]> {
    return this.db.clippings.orderBy('savedAt').reverse().toArray();
  }

  count(): Promise<number> {
    return this.db.clippings.count();
  }

  async update(id: string, patch: Partial<Pick<Clipping, 'tags' | 'note'>>): Promise<void> {
    const n = await this.db.clippings.update(id, { ...patch, updatedAt: new Date().toISOString() });
    if (n === 0) throw new Error(`No clipping ${id}`);
  }

  async delete(ids: string[]): Promise<Clipping[]> {
    const db = this.db;
    return db.transaction('rw', db.clippings, async () => {
      const found = (await db.clippings.bulkGet(ids)).filter((c): c is Clipping => !!c);
      await db.clippings.bulkDelete(ids);
      return found;
    });
  }

  async putMany(clippings: Clipping[]): Promise<void> {
    await this.db.clippings.bulkPut(clippings);
  }

  async clear(): Promise<number> {
    const db = this.db;
    return db.transaction('rw', db.clippings, async () => {
      const n = await db.clippings.count();
      await db.clippings.clear();
      return n;
    });
  }
}
