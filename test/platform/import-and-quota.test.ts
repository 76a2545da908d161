import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { MemoryStore } from '../../src/platform/store/memory-store.ts';
import { isQuotaError, quotaSafe } from '../../src/platform/store/quota.ts';
import { importLibrary } from '../../src/background/import.ts';
import { saveArticle } from '../../src/background/save.ts';
import { makeClipping, type Clipping } from '../../src/core/clipping.ts';
import { exportLibrary } from '../../src/core/export/library-json.ts';
import type { Article } from '../../src/core/types.ts';
import { SiftError } from '../../src/shared/errors.ts';

function article(url: string, title = 'T'): Article {
  return {
    title, byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'zh-CN', dir: 'ltr',
    url, canonicalUrl: url, sourceUrl: null, leadImage: { src: 'https://img.example/a.jpg', alt: '', caption: null }, excerpt: null, wordCount: 1, readingMinutes: 1,
    html: '<p>正文</p>', text: '正文',
  };
}
const clip = (id: string, i: number, extra: Partial<Clipping> = {}): Clipping => ({
  ...makeClipping(id, article(`https://a.example/${i}`, `T${i}`), [{ name: '布林肯', type: 'person', aliases: [], count: 1, sources: ['rule'] }], new Date(Date.UTC(2026, 0, i + 1))),
  ...extra,
});

let n = 0;
describe('import: merged by id, with a report', () => {
  it('adds new ids, replaces changed ones, leaves identical ones, refuses bad records', async () => {
    const store = new DexieStore(`import-${n++}`);
    await store.putMany([clip('aaaaaaaa-1', 1), clip('bbbbbbbb-2', 2)]);
    const file = JSON.parse(exportLibrary([clip('aaaaaaaa-1', 1), clip('bbbbbbbb-2', 2, { note: 'changed' }), clip('cccccccc-3', 3)]));
    file.clippings.push({ id: 'bad' });
    const report = await importLibrary(store, JSON.stringify(file));
    expect(report).toEqual({ added: 1, updated: 1, unchanged: 1, refused: [{ index: 3, reason: 'bad id' }] });
    expect((await store.get('bbbbbbbb-2'))!.note).toBe('changed');
    expect(await store.count()).toBe(3);
    expect((await store.cards()).map((c) => c.id)).toEqual(['cccccccc-3', 'bbbbbbbb-2', 'aaaaaaaa-1']);
  });

  it('export -> clear -> import gives back exactly the same library', async () => {
    const store = new DexieStore(`import-${n++}`);
    await store.putMany([clip('aaaaaaaa-1', 1, { tags: ['外交'], note: '笔记' }), clip('bbbbbbbb-2', 2)]);
    await store.update('bbbbbbbb-2', { tags: ['t'] });
    const before = await store.list();
    const json = exportLibrary(before);
    await store.clear();
    expect(await store.count()).toBe(0);
    expect(await importLibrary(store, json)).toEqual({ added: 2, updated: 0, unchanged: 0, refused: [] });
    expect(await store.list()).toEqual(before);
  });

  it('rejects a file that is not an export with a typed error', async () => {
    await expect(importLibrary(new MemoryStore(), '{"a":1}')).rejects.toMatchObject({ code: 'bad-import' });
  });
});

describe('a full disk', () => {
  it('recognises Chromium, Dexie-wrapped and Firefox quota errors, and nothing else', () => {
    expect(isQuotaError(new DOMException('Quota exceeded', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'UnknownError', message: 'NS_ERROR_FILE_NO_DEVICE_SPACE' })).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
  });

  it('turns a quota failure of a save into SiftError("quota") with the offer to export, and stores nothing', async () => {
    const store = new MemoryStore();
    store.save = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const err = await saveArticle('aaaaaaaa-1', article('https://a.example/1'), [], store).catch((e) => e);
    expect(err).toBeInstanceOf(SiftError);
    expect(err.code).toBe('quota');
    expect(err.message).toMatch(/Export your library/);
    expect(await store.count()).toBe(0);
    await expect(quotaSafe(async () => { throw new TypeError('other'); })).rejects.toThrow(TypeError);
  });

  it('refuses a save without a usable id or article before touching the store', async () => {
    const store = new MemoryStore();
    await expect(saveArticle('x', article('https://a.example/1'), [], store)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(saveArticle('aaaaaaaa-1', { title: 'x' } as Article, [], store)).rejects.toMatchObject({ code: 'bad-request' });
    expect(await store.count()).toBe(0);
  });
});
