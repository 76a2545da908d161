import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { MemoryStore } from '../../src/platform/store/memory-store.ts';
import type { ClipStore } from '../../src/platform/store/clip-store.ts';
import { makeClipping } from '../../src/core/clipping.ts';
import type { Article } from '../../src/core/types.ts';

function article(url: string, title = 'T'): Article {
  return {
    title, byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
    url, canonicalUrl: url, sourceUrl: null, leadImage: null, excerpt: null, wordCount: 1, readingMinutes: 1,
    html: '<p>x</p>', text: 'x',
  };
}

let n = 0;
const stores: [string, () => ClipStore][] = [
  ['DexieStore', () => new DexieStore(`test-${n++}`)],
  ['MemoryStore', () => new MemoryStore()],
];

describe.each(stores)('%s', (_name, make) => {
  it('saves idempotently under the caller id and updates the same page instead of duplicating', async () => {
    const store = make();
    const a = makeClipping('id-aaaaaaaa', article('https://a.example/1'), [], new Date('2026-01-01T00:00:00Z'));
    expect(await store.save(a)).toEqual({ id: 'id-aaaaaaaa', created: true });
    expect(await store.save(a)).toEqual({ id: 'id-aaaaaaaa', created: false });
    const again = makeClipping('id-bbbbbbbb', article('https://a.example/1', 'New title'), [], new Date('2026-01-02T00:00:00Z'));
    expect(await store.save(again)).toEqual({ id: 'id-aaaaaaaa', created: false });
    expect(await store.count()).toBe(1);
    const got = await store.get('id-aaaaaaaa');
    expect(got?.title).toBe('New title');
    expect(got?.savedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('lists newest first, deletes with the deleted rows returned, and restores them', async () => {
    const store = make();
    for (let i = 0; i < 3; i++) {
      await store.save(makeClipping(`id-${i}-xxxxxx`, article(`https://a.example/${i}`), [], new Date(Date.UTC(2026, 0, i + 1))));
    }
    expect((await store.list()).map((c) => c.id)).toEqual(['id-2-xxxxxx', 'id-1-xxxxxx', 'id-0-xxxxxx']);
    const deleted = await store.delete(['id-1-xxxxxx']);
    expect(deleted.map((c) => c.id)).toEqual(['id-1-xxxxxx']);
    expect(await store.count()).toBe(2);
    await store.putMany(deleted);
    expect(await store.count()).toBe(3);
    expect(await store.clear()).toBe(3);
    expect(await store.count()).toBe(0);
  });
});
