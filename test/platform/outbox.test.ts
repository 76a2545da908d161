import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeClipping } from '../../src/core/clipping.ts';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import type { Article } from '../../src/core/types.ts';

const article = (url: string): Article => ({
  title: 'T', byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
  url, canonicalUrl: url, sourceUrl: null, leadImage: null, excerpt: null, wordCount: 1, readingMinutes: 1,
  html: '<p>x</p>', text: 'x',
});

describe('the sync outbox', () => {
  it('every write of the library records the ids it changed, with a stamp that moves on each change', async () => {
    const store = new DexieStore(`outbox-${Math.random()}`);
    const out = () => store.db.outbox.toArray();
    await store.save(makeClipping('outbox-0001', article('https://e.org/1'), []));
    const [first] = await out();
    expect(first?.id).toBe('outbox-0001');
    await store.update('outbox-0001', { note: 'n' });
    const [second] = await out();
    expect(second!.at).toBeGreaterThan(first!.at);
    await store.putMany([makeClipping('outbox-0002', article('https://e.org/2'), [])]);
    expect((await out()).map((r) => r.id).sort()).toEqual(['outbox-0001', 'outbox-0002']);
    await store.db.outbox.clear();
    await store.delete(['outbox-0002', 'no-such-id']);
    expect((await out()).map((r) => r.id)).toEqual(['outbox-0002']);
    await store.db.outbox.clear();
    await store.clear();
    expect((await out()).map((r) => r.id)).toEqual(['outbox-0001']);
  });
});
