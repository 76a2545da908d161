import { describe, expect, it } from 'vitest';
import { SearchIndex, type IndexDoc } from '../../src/core/search/search-index.ts';
import { buildEntityIndex } from '../../src/core/search/entity-index.ts';
import { matchesFilter } from '../../src/core/search/filters.ts';
import { clippingCard, makeClipping } from '../../src/core/clipping.ts';
import { indexDoc } from '../../src/core/search/index-doc.ts';
import { extractArticle } from '../../src/core/extract/index.ts';
import { SEED_URL, seedDoc } from '../helpers.ts';

const docs: IndexDoc[] = [
  { id: 'zh', updatedAt: '1', title: '布林肯与加墨日韩外长通话', text: '双方讨论了气候变化和疫情。', entities: ['布林肯', 'Antony Blinken', '墨西哥'], meta: ['大纪元'] },
  { id: 'ja', updatedAt: '1', title: '東京都の新しい計画', text: '都知事は気候変動について話した。', entities: ['東京都'], meta: [] },
  { id: 'en', updatedAt: '1', title: 'Europa plumes are real', text: 'Hubble saw water vapour above Europa. Climate is not the topic.', entities: ['Europa', 'NASA'], meta: ['Space.com'] },
  { id: 'mix', updatedAt: '1', title: 'Apple 发布会', text: 'iPhone 15 在 Apple Park 发布。climate 话题。', entities: [], meta: ['tag-one'] },
];

function build(): SearchIndex {
  const index = new SearchIndex();
  for (const d of docs) index.add(d);
  return index;
}
const ids = (index: SearchIndex, q: string) => index.search(q).map((h) => h.id);

describe('SearchIndex', () => {
  it('finds Chinese words in the body, Japanese, Latin and mixed queries, requiring every term', () => {
    const index = build();
    expect(ids(index, '气候变化')).toEqual(['zh']);
    expect(ids(index, '気候変動')).toEqual(['ja']);
    expect(ids(index, '东京')).toEqual([]);
    expect(ids(index, 'europa')).toEqual(['en']);
    expect(ids(index, 'apple 发布').sort()).toEqual(['mix']);
    expect(ids(index, 'climate').sort()).toEqual(['en', 'mix']);
    expect(ids(index, 'climate europa')).toEqual(['en']);
  });

  it('searches entities and metadata, prefixes the last word, and matches single CJK characters', () => {
    const index = build();
    expect(ids(index, 'blinken')).toEqual(['zh']);
    expect(ids(index, 'space.com')).toEqual(['en']);
    expect(ids(index, 'tag-one')).toEqual(['mix']);
    expect(ids(index, 'hub')).toEqual(['en']);
    expect(ids(index, 'hub ')).toEqual([]);
    expect(ids(index, '墨')).toEqual(['zh']);
  });

  it('ranks a title match above a body match', () => {
    const index = build();
    index.add({ id: 'body', updatedAt: '1', title: 'Other', text: 'Something about plumes once.', entities: [], meta: [] });
    expect(ids(index, 'plumes')).toEqual(['en', 'body']);
  });

  it('forgets deleted documents and re-indexes updated ones', () => {
    const index = build();
    index.remove('en');
    expect(ids(index, 'europa')).toEqual([]);
    index.add({ ...docs[0]!, updatedAt: '2', text: '全新的正文' });
    expect(ids(index, '气候变化')).toEqual([]);
    expect(ids(index, '全新')).toEqual(['zh']);
    expect(index.stampOf('zh')).toBe('2');
    expect(index.size).toBe(3);
  });

  it('survives a snapshot round trip (structured clone, as IndexedDB stores it), compacted', () => {
    const index = build();
    index.remove('ja');
    const snap = structuredClone(index.snapshot());
    expect(snap.ids).toEqual(['zh', 'en', 'mix']);
    const loaded = SearchIndex.fromSnapshot(snap)!;
    for (const q of ['气候变化', 'europa', 'eur', 'apple 发布', '墨', 'blinken', '気候変動']) expect(ids(loaded, q)).toEqual(ids(index, q));
    loaded.add(docs[1]!);
    expect(ids(loaded, '気候変動')).toEqual(['ja']);
    expect(SearchIndex.fromSnapshot({ ...snap, tokenizer: -1 })).toBeNull();
  });
});

describe('entity index and filters over cards', () => {
  const { article } = extractArticle(seedDoc(), { url: SEED_URL });
  const seed = makeClipping('seed-0001', article!, [
    { name: '布林肯', type: 'person', aliases: ['Antony Blinken'], count: 11, sources: ['page-tag'] },
    { name: '加拿大', type: 'place', aliases: [], count: 2, sources: ['page-tag'] },
  ], new Date('2026-01-10T12:00:00Z'));
  const other = makeClipping('other-0001', { ...article!, url: 'https://example.org/x', canonicalUrl: 'https://example.org/x', lang: 'en', siteName: 'Example' }, [
    { name: '加拿大', type: 'place', aliases: ['Canada'], count: 1, sources: ['gazetteer'] },
    { name: '布林肯', type: 'person', aliases: ['Antony Blinken', 'Blinken', '布林肯'], count: 1, sources: ['rule'] },
  ], new Date('2026-02-10T12:00:00Z'));
  const cards = [clippingCard(seed), clippingCard(other)];

  it('counts clippings per entity, by type, most mentioned first, with their other names', () => {
    const index = buildEntityIndex(cards);
    expect(index.place).toEqual([{ name: '加拿大', type: 'place', count: 2, aliases: ['Canada'] }]);
    // Aliases from every clipping, once each, never the canonical name itself.
    expect(index.person).toEqual([{ name: '布林肯', type: 'person', count: 2, aliases: ['Antony Blinken', 'Blinken'] }]);
    expect(index.organization).toEqual([]);
  });

  it('filters by entity, entity type, site, language and saved date', () => {
    const ids = (f: Parameters<typeof matchesFilter>[1]) => cards.filter((c) => matchesFilter(c, f)).map((c) => c.id);
    expect(ids({ entity: { name: '布林肯', type: 'person' } })).toEqual(['seed-0001', 'other-0001']);
    expect(ids({ entity: { name: '布林肯', type: 'place' } })).toEqual([]);
    expect(ids({ entityType: 'place' })).toEqual(['seed-0001', 'other-0001']);
    expect(ids({ site: 'Example' })).toEqual(['other-0001']);
    expect(ids({ lang: 'zh' })).toEqual(['seed-0001']);
    expect(ids({ from: '2026-02-01' })).toEqual(['other-0001']);
    expect(ids({ to: '2026-01-31' })).toEqual(['seed-0001']);
    expect(ids({ entity: { name: '布林肯', type: 'person' }, site: 'Example' })).toEqual(['other-0001']);
  });

  it('indexes what a clipping holds: entity aliases, tags and note', () => {
    const index = new SearchIndex();
    index.add(indexDoc({ ...seed, tags: ['外交'], note: 'reread before summit' }));
    expect(index.search('antony blinken').map((h) => h.id)).toEqual(['seed-0001']);
    expect(index.search('summit').map((h) => h.id)).toEqual(['seed-0001']);
  });
});
