import { describe, expect, it } from 'vitest';
import { clippingCard, CLIPPING_SCHEMA_VERSION, makeClipping, migrateClipping, type Clipping } from '../../src/core/clipping.ts';
import { clippingProblem } from '../../src/core/export/library-json.ts';
import { itemClipping, linkArticle } from '../../src/background/capture/process-item.ts';
import { selectionArticle } from '../../src/background/capture/selection-article.ts';
import type { QueueItem } from '../../src/background/capture/queue-types.ts';

// Schema 3: how a clipping was captured. Older clippings have no kind and read as articles.

const item: QueueItem = {
  id: 'abcdef12-item', seq: 1, batch: 'b', source: 'import', url: 'https://a.example/x', host: 'a.example', title: 'From Pocket',
  savedAt: '2019-05-06T07:08:09.000Z', tags: ['one', 'two'], status: 'archived', importedFrom: 'pocket-csv', state: 'fetching', attempts: 1, nextAt: 0,
};

describe('clipping schema 3 (capture)', () => {
  it('a link-only clipping keeps the address, the source\'s title, time, tags and state, and why; it is a valid clipping', () => {
    const c = itemClipping(item, linkArticle(item.url, item.title), [], Date.parse('2026-01-01T00:00:00Z'), 'The site answered 404 Not Found.');
    expect(c).toMatchObject({ schema: CLIPPING_SCHEMA_VERSION, kind: 'link', linkReason: 'The site answered 404 Not Found.', title: 'From Pocket', savedAt: item.savedAt, tags: ['one', 'two'], readState: 'archived', importedFrom: 'pocket-csv', html: '', text: '' });
    expect(clippingProblem(c)).toBeNull();
    expect(clippingCard(c)).toMatchObject({ kind: 'link', linkReason: 'The site answered 404 Not Found.' });
  });

  it('a selection is its own clipping, not merged with a later save of the whole page', () => {
    const a = selectionArticle({ html: '<p>Two <b>words</b></p>', text: 'Two words', title: 'Page', url: 'https://a.example/x#frag', canonical: 'https://a.example/x', lang: 'en', dir: 'ltr', siteName: null, byline: null, published: 'not a date' });
    expect(a.url).toBe('https://a.example/x');
    expect(a.canonicalUrl).not.toBe('https://a.example/x');
    expect(a.sourceUrl).toBe('https://a.example/x');
    expect(a.publishedTime).toBeNull();
    expect(a.wordCount).toBe(2);
  });

  it('older clippings migrate with no kind (an article); an unknown kind is dropped; article cards carry no kind', () => {
    const old = { ...makeClipping('abcdef12-old', linkArticle('https://b.example/', 'Old'), []), schema: 1 } as Clipping;
    delete (old as Partial<Clipping>).kind;
    const m = migrateClipping(old);
    expect(m.schema).toBe(CLIPPING_SCHEMA_VERSION);
    expect(m.kind).toBeUndefined();
    expect('kind' in clippingCard(m)).toBe(false);
    expect(migrateClipping({ ...old, kind: 'weird' } as unknown as Clipping).kind).toBeUndefined();
  });
});
