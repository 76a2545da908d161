import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { MemoryStore } from '../../src/platform/store/memory-store.ts';
import { DB_VERSION } from '../../src/platform/store/schema.ts';
import { clippingCard, makeClipping, CLIPPING_SCHEMA_VERSION, type Clipping } from '../../src/core/clipping.ts';
import { makeAnnotation } from '../../src/core/annotations/annotation.ts';
import { positionOf, quoteOf } from '../../src/core/annotations/types.ts';
import { exportLibrary, parseLibraryExport } from '../../src/core/export/library-json.ts';
import { addAnnotation, deleteAnnotation, updateAnnotation } from '../../src/background/annotations.ts';
import { importLibrary } from '../../src/background/import.ts';
import type { Article } from '../../src/core/types.ts';

const TEXT = 'First paragraph about the harbour.\nThe council voted to close the old bridge on Monday.\nLast paragraph.';

function article(url: string, text = TEXT): Article {
  return {
    title: 'T', byline: null, siteName: 'Site', publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
    url, canonicalUrl: url, sourceUrl: null, leadImage: null, excerpt: null, wordCount: 20, readingMinutes: 1,
    html: `<p>${text.split('\n').join('</p><p>')}</p>`, text,
  };
}

const span = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
let n = 0;
const dbName = () => `annotations-${n++}`;

describe('storage migration to clipping schema 2 (Dexie version 4)', () => {
  it('opens a version-3 library as the previous release wrote it: every record unchanged but for an empty annotations list', async () => {
    const name = dbName();
    // The previous release's schema and records, written with its own code path: no annotations.
    const v3 = new Dexie(name);
    v3.version(3).stores({ clippings: 'id, canonicalUrl, savedAt, updatedAt', cards: 'id, savedAt', searchIndex: '' });
    const { annotations: _a, ...old } = makeClipping('aaaaaaaa-1', article('https://a.example/1'), [], new Date('2026-01-01T00:00:00Z'));
    const legacy = { ...old, schema: 1 };
    const { highlights: _h, highlightColors: _c, ...oldCard } = clippingCard({ ...legacy, annotations: [] } as Clipping);
    await v3.table('clippings').put(legacy);
    await v3.table('cards').put(oldCard);
    await v3.table('searchIndex').put({ kept: true }, 'main');
    v3.close();

    const store = new DexieStore(name);
    expect(await store.count()).toBe(1);
    expect(store.db.verno).toBe(DB_VERSION);
    const got = (await store.get('aaaaaaaa-1'))!;
    expect(got).toEqual({ ...legacy, schema: CLIPPING_SCHEMA_VERSION, annotations: [] });
    expect(await store.cards()).toEqual([{ ...oldCard, highlights: 0, highlightColors: [] }]);
    // The persisted search index is a cache the upgrade leaves alone.
    expect(await store.db.searchIndex.get('main')).toEqual({ kept: true });
    // And the migrated record takes highlights.
    const a = makeAnnotation('urn:uuid:11111111-aaaa', TEXT, span(TEXT, 'voted to close'), 'yellow');
    await store.annotate('aaaaaaaa-1', { op: 'add', annotation: a });
    expect((await store.cards())[0]).toMatchObject({ highlights: 1, highlightColors: ['yellow'] });
    store.db.close();
  });
});

describe('highlight messages (background handlers over the store)', () => {
  it('adds, updates and deletes; each is idempotent by the page-made id; the card follows', async () => {
    const store = new DexieStore(dbName());
    await store.save(makeClipping('aaaaaaaa-1', article('https://a.example/1'), []));
    const a = makeAnnotation('urn:uuid:22222222-bbbb', TEXT, span(TEXT, 'the old bridge'), 'green');
    const first = await addAnnotation({ clippingId: 'aaaaaaaa-1', annotation: a }, store);
    // A retry after a lost reply changes nothing.
    const again = await addAnnotation({ clippingId: 'aaaaaaaa-1', annotation: a }, store);
    expect(again.annotation).toEqual(first.annotation);
    expect((await store.get('aaaaaaaa-1'))!.annotations).toHaveLength(1);
    const upd = await updateAnnotation({ clippingId: 'aaaaaaaa-1', id: a.id, note: 'check the date', color: 'pink' }, store);
    expect(upd.annotation).toMatchObject({ motivation: 'commenting', color: 'pink', body: { type: 'TextualBody', value: 'check the date' } });
    expect((await store.cards())[0]).toMatchObject({ highlights: 1, highlightColors: ['pink'] });
    const del = await deleteAnnotation({ clippingId: 'aaaaaaaa-1', id: a.id }, store);
    expect(del.deleted?.id).toBe(a.id);
    expect((await deleteAnnotation({ clippingId: 'aaaaaaaa-1', id: a.id }, store)).deleted).toBeNull();
    // Undo: the same annotation added back.
    await addAnnotation({ clippingId: 'aaaaaaaa-1', annotation: del.deleted! }, store);
    expect((await store.get('aaaaaaaa-1'))!.annotations).toEqual([upd.annotation]);
  });

  it('refuses what is not a highlight on this text, and unknown fields never reach the store', async () => {
    const store = new MemoryStore();
    await store.save(makeClipping('aaaaaaaa-1', article('https://a.example/1'), []));
    const a = makeAnnotation('urn:uuid:33333333-cccc', TEXT, span(TEXT, 'council'), 'blue');
    await expect(addAnnotation({ clippingId: 'aaaaaaaa-1', annotation: { ...a, id: '<script>' } }, store)).rejects.toThrow(/Invalid highlight/);
    const elsewhere = makeAnnotation('urn:uuid:44444444-dddd', 'Some other article text entirely, nothing alike.', { start: 5, end: 30 }, 'blue');
    await expect(addAnnotation({ clippingId: 'aaaaaaaa-1', annotation: elsewhere }, store)).rejects.toThrow(/not in the saved text/);
    await expect(addAnnotation({ clippingId: 'bbbbbbbb-2', annotation: a }, store)).rejects.toThrow(/no longer in the library/);
    const stored = await addAnnotation({ clippingId: 'aaaaaaaa-1', annotation: { ...a, evil: '<img onerror=x>' } as typeof a }, store);
    expect(stored.annotation).not.toHaveProperty('evil');
  });
});

describe('re-saving a changed page keeps every highlight', () => {
  it('re-anchors on the new text and keeps (and reports) the ones it cannot place', async () => {
    const store = new MemoryStore();
    await store.save(makeClipping('aaaaaaaa-1', article('https://a.example/1'), []));
    const kept = makeAnnotation('urn:uuid:55555555-eeee', TEXT, span(TEXT, 'voted to close the old bridge'), 'yellow', 'why?');
    const lost = makeAnnotation('urn:uuid:66666666-ffff', TEXT, span(TEXT, 'Last paragraph'), 'green');
    await store.annotate('aaaaaaaa-1', { op: 'add', annotation: kept });
    await store.annotate('aaaaaaaa-1', { op: 'add', annotation: lost });
    const newText = 'An update was added on top.\nFirst paragraph about the harbour.\nThe council voted to close the old bridge on Monday.\nA new ending.';
    const res = await store.save(makeClipping('zzzzzzzz-9', article('https://a.example/1', newText), []));
    expect(res).toEqual({ id: 'aaaaaaaa-1', created: false, highlightsNotFound: 1 });
    const c = (await store.get('aaaaaaaa-1'))!;
    expect(c.text).toBe(newText);
    const [k, l] = c.annotations;
    const p = positionOf(k!)!;
    expect(newText.slice(p.start, p.end)).toBe('voted to close the old bridge');
    expect(k!.body?.value).toBe('why?');
    expect(positionOf(l!)).toBeNull();
    expect(quoteOf(l!).exact).toBe('Last paragraph');
  });
});

describe('JSON export and import of highlights', () => {
  it('export, clear, import gives them back exactly', async () => {
    const store = new MemoryStore();
    await store.save(makeClipping('aaaaaaaa-1', article('https://a.example/1'), []));
    await store.annotate('aaaaaaaa-1', { op: 'add', annotation: makeAnnotation('urn:uuid:77777777-0000', TEXT, span(TEXT, 'harbour'), 'purple', '注释 <b>x</b>') });
    await store.annotate('aaaaaaaa-1', { op: 'add', annotation: makeAnnotation('urn:uuid:88888888-0000', TEXT, span(TEXT, 'Monday'), 'yellow') });
    const before = await store.list();
    const json = exportLibrary(before);
    const exported = JSON.parse(json).clippings[0].annotations;
    expect(exported[0]).toMatchObject({
      id: 'urn:uuid:77777777-0000', type: 'Annotation', motivation: 'commenting', color: 'purple',
      body: { type: 'TextualBody', value: '注释 <b>x</b>' },
      target: { selector: [{ type: 'TextQuoteSelector', exact: 'harbour' }, { type: 'TextPositionSelector', start: TEXT.indexOf('harbour') }] },
    });
    expect(exported[1].motivation).toBe('highlighting');
    expect(exported[1]).not.toHaveProperty('body');
    await store.clear();
    const report = await importLibrary(store, json);
    expect(report).toMatchObject({ added: 1, refused: [] });
    expect(JSON.stringify(await store.list())).toBe(JSON.stringify(before));
  });

  it('re-anchors by the quote when the positions belong to another text, and refuses malformed annotations with a reason', () => {
    const c = makeClipping('aaaaaaaa-1', article('https://a.example/1'), []);
    const a = makeAnnotation('urn:uuid:99999999-0000', TEXT, span(TEXT, 'the old bridge'), 'yellow');
    const shifted = { ...a, target: { selector: [quoteOf(a), { type: 'TextPositionSelector', start: 0, end: 14 }] } };
    const bad = { ...a, id: 'urn:uuid:99999999-0001', target: { selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } };
    const file = JSON.stringify({ format: 'sift-library', version: 1, clippings: [{ ...c, annotations: [shifted] }, { ...c, id: 'bbbbbbbb-2', annotations: [bad] }] });
    const parsed = parseLibraryExport(file);
    expect(parsed.refused).toEqual([{ index: 1, reason: 'annotation 0: needs one TextQuoteSelector' }]);
    const p = positionOf(parsed.clippings[0]!.annotations[0]!)!;
    expect(TEXT.slice(p.start, p.end)).toBe('the old bridge');
  });
});
