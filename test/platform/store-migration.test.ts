import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { DB_VERSION } from '../../src/platform/store/schema.ts';
import { clippingCard, makeClipping, type Clipping } from '../../src/core/clipping.ts';
import { SearchIndex } from '../../src/core/search/search-index.ts';
import type { Article } from '../../src/core/types.ts';

function article(url: string, title = 'T'): Article {
  return {
    title, byline: null, siteName: 'Site', publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
    url, canonicalUrl: url, sourceUrl: null, leadImage: null, excerpt: null, wordCount: 1, readingMinutes: 1,
    html: '<p>x</p>', text: 'some text',
  };
}

let n = 0;
const dbName = () => `migrate-${n++}`;

describe('IndexedDB schema migrations', () => {
  it('upgrades a version-1 library (as the first release wrote it) without losing a record, and derives the cards', async () => {
    const name = dbName();
    // The first release's schema, written with its own code path: clippings only.
    const v1 = new Dexie(name);
    v1.version(1).stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt' });
    const a = makeClipping('aaaaaaaa-1', article('https://a.example/1', 'First'), [], new Date('2026-01-01T00:00:00Z'));
    const b = makeClipping('bbbbbbbb-2', article('https://a.example/2', 'Second'), [{ name: 'NASA', type: 'organization', aliases: [], count: 2, sources: ['rule'] }], new Date('2026-01-02T00:00:00Z'));
    // A record from before tags and note were written (missing fields get their defaults).
    const { tags: _t, note: _n, ...legacy } = makeClipping('cccccccc-3', article('https://a.example/3', 'Old'), [], new Date('2025-12-01T00:00:00Z'));
    await v1.table('clippings').bulkPut([a, b, legacy]);
    v1.close();

    const store = new DexieStore(name);
    expect(await store.count()).toBe(3);
    expect(store.db.verno).toBe(DB_VERSION);
    expect(await store.get('aaaaaaaa-1')).toEqual(a);
    expect(await store.get('bbbbbbbb-2')).toEqual(b);
    const old = (await store.get('cccccccc-3'))!;
    expect(old.tags).toEqual([]);
    expect(old.note).toBe('');
    const cards = await store.cards();
    expect(cards.map((c) => c.id)).toEqual(['bbbbbbbb-2', 'aaaaaaaa-1', 'cccccccc-3']);
    expect(cards[0]).toEqual(clippingCard(b));
    expect(cards[0]!.entities).toEqual([['NASA', 'organization']]);
    store.db.close();
  });

  it('keeps cards in step with every write: save, update, delete, putMany, clear', async () => {
    const store = new DexieStore(dbName());
    const a = makeClipping('aaaaaaaa-1', article('https://a.example/1'), [], new Date('2026-01-01T00:00:00Z'));
    await store.save(a);
    const updated = await store.update('aaaaaaaa-1', { tags: ['x'], note: 'n' });
    expect(updated.updatedAt > a.updatedAt).toBe(true);
    expect((await store.cards())[0]).toEqual(clippingCard(updated));
    const deleted = await store.delete(['aaaaaaaa-1']);
    expect(await store.cards()).toEqual([]);
    await store.putMany(deleted);
    expect(await store.cards(1)).toEqual([clippingCard(updated)]);
    await store.saveIndex(new SearchIndex().snapshot());
    expect(await store.loadIndex()).toBeDefined();
    expect(await store.clear()).toBe(1);
    expect(await store.cards()).toEqual([]);
    expect(await store.loadIndex()).toBeUndefined();
  });

  it('stores the search index snapshot as it is and loads it back', async () => {
    const store = new DexieStore(dbName());
    const index = new SearchIndex();
    index.add({ id: 'aaaaaaaa-1', updatedAt: '1', title: '布林肯', text: '气候变化', entities: [], meta: [] });
    await store.saveIndex(index.snapshot());
    const back = SearchIndex.fromSnapshot((await store.loadIndex())!)!;
    expect(back.search('气候').map((h) => h.id)).toEqual(['aaaaaaaa-1']);
  });
});

describe('a record is only as the store says', () => {
  it('returns copies: changing what get() returned changes nothing stored', async () => {
    const store = new DexieStore(dbName());
    await store.save(makeClipping('aaaaaaaa-1', article('https://a.example/1'), []));
    const got = (await store.get('aaaaaaaa-1')) as Clipping;
    got.title = 'changed';
    expect((await store.get('aaaaaaaa-1'))!.title).toBe('T');
  });
});
