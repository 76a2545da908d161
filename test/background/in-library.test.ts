import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { QueueStore } from '../../src/background/capture/queue-store.ts';
import { makeClipping } from '../../src/core/clipping.ts';
import { linkArticle } from '../../src/background/capture/process-item.ts';

// The toolbar badge of a tab whose page is already in the library: looked up in a real
// (fake-indexeddb) library by the address the page is stored under; the browser's action API is
// recorded.
const calls: { method: string; arg: Record<string, unknown> }[] = [];
const rec = (method: string) => async (arg: Record<string, unknown>) => void calls.push({ method, arg });
vi.mock('webextension-polyfill', () => ({
  default: {
    action: { setBadgeText: rec('text'), setBadgeBackgroundColor: rec('color'), setTitle: rec('title') },
    i18n: { getMessage: (key: string, subs?: string) => `${key}:${subs ?? ''}` },
  },
}));
const { libraryKeys, markIfInLibrary } = await import('../../src/background/capture/in-library.ts');


describe('in-library badge', () => {
  it('keys: the address as shown and without its fragment; only http(s)', () => {
    expect(libraryKeys('https://example.org/a?b=1#part')).toEqual(['https://example.org/a?b=1#part', 'https://example.org/a?b=1']);
    expect(libraryKeys('chrome://settings')).toEqual([]);
    expect(libraryKeys('not a url')).toEqual([]);
  });

  it('marks a tab whose page is saved (by its address or canonical address), and leaves others alone (a selection is not the page)', async () => {
    const store = new DexieStore(`in-library-${Date.now()}`);
    const url = 'https://example.org/news/bridge';
    const c = makeClipping('c1', { ...linkArticle(url, 'The bridge'), url: `${url}?utm_source=feed`, canonicalUrl: url }, [], new Date());
    await store.save(c);
    // A passage selected on another page: that page is not in the library.
    const passage = makeClipping('c2', { ...linkArticle('https://example.org/news/other', 'Other'), text: 'A passage.' }, [], new Date());
    passage.kind = 'selection';
    await store.save(passage);
    const q = new QueueStore(store.db);
    const find = (urls: string[]) => q.findSaved(urls, '');

    expect(await markIfInLibrary(7, `${url}#comments`, find)).toBe(true);
    expect(await markIfInLibrary(8, `${url}?utm_source=feed`, find)).toBe(true);
    expect(await markIfInLibrary(9, 'https://example.org/news/other', find)).toBe(false);
    expect(await markIfInLibrary(10, undefined, find)).toBe(false);
    const texts = calls.filter((x) => x.method === 'text').map((x) => [x.arg.tabId, x.arg.text]);
    expect(texts).toEqual([[7, '✓'], [8, '✓']]);
    expect(calls.find((x) => x.method === 'title')?.arg.title).toBe('badgeInLibrary:The bridge');
  });
});
