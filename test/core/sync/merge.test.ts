import { describe, expect, it } from 'vitest';
import { makeClipping, type Clipping } from '../../../src/core/clipping.ts';
import { mergeAll, mergeRecords, nextRecord, noteHash, NOTE_MARK, type AnnotationLike, type SyncRecord } from '../../../src/core/sync/merge.ts';
import type { Article } from '../../../src/core/types.ts';

const article = (text: string): Article => ({
  title: 'A title',
  byline: null,
  siteName: 'Example',
  publishedTime: null,
  modifiedTime: null,
  lang: 'en',
  dir: 'ltr',
  url: 'https://example.org/a',
  canonicalUrl: 'https://example.org/a',
  sourceUrl: null,
  leadImage: null,
  excerpt: null,
  wordCount: 2,
  readingMinutes: 1,
  html: `<p>${text}</p>`,
  text,
});

type C = Omit<Clipping, 'annotations'> & { annotations?: AnnotationLike[] };
const base = (): C => makeClipping('clip-0001', article('first text'), [], new Date('2026-01-01T00:00:00Z'));

/** A device's edit on top of what it last synced, as the engine records it. */
function edit(prev: SyncRecord, patch: Partial<C>, at: string): SyncRecord {
  return nextRecord({ ...prev.clipping, ...patch, updatedAt: at }, prev);
}

const origin = (): SyncRecord => nextRecord(base(), undefined);

describe('mergeRecords: tags and notes', () => {
  it('unites tags (case-insensitively, no duplicates)', () => {
    const o = origin();
    const a = edit(o, { tags: ['work', 'Read later'] }, '2026-01-02T00:00:00Z');
    const b = edit(o, { tags: ['read later', 'home'] }, '2026-01-03T00:00:00Z');
    expect(mergeRecords(a, b).clipping.tags.sort()).toEqual(['home', 'Read later', 'work'].sort());
  });

  it('takes the note from the side that edited it when only one did (tags on A, note on B)', () => {
    const o = origin();
    const a = edit(o, { tags: ['from-a'] }, '2026-01-02T00:00:00Z');
    const b = edit(o, { note: 'written on B' }, '2026-01-03T00:00:00Z');
    const m = mergeRecords(a, b);
    expect(m.clipping.note).toBe('written on B');
    expect(m.clipping.tags).toEqual(['from-a']);
    expect(m.clipping.updatedAt).toBe('2026-01-03T00:00:00Z');
  });

  it('keeps both notes, marked, when both devices changed the note', () => {
    const o = edit(origin(), { note: 'shared start' }, '2026-01-02T00:00:00Z');
    const a = edit(o, { note: 'A 的笔记' }, '2026-01-03T00:00:00Z');
    const b = edit(o, { note: 'B note' }, '2026-01-04T00:00:00Z');
    const m = mergeRecords(a, b);
    expect(m.clipping.note).toContain('A 的笔记');
    expect(m.clipping.note).toContain('B note');
    expect(m.clipping.note).toContain(NOTE_MARK);
    expect(m.clipping.note).not.toContain('shared start');
  });

  it('uses the mark it is given (the worker passes a translated one)', () => {
    const o = origin();
    const m = mergeRecords(edit(o, { note: 'x' }, '2026-01-02T00:00:00Z'), edit(o, { note: 'y' }, '2026-01-02T00:00:01Z'), '—— 来自两台设备 ——');
    expect(m.clipping.note).toBe('x\n\n—— 来自两台设备 ——\n\ny');
  });

  it('a note that already replaced the other side wins without a mark (a later edit on top of a merge)', () => {
    const o = origin();
    const a = edit(o, { note: 'one' }, '2026-01-02T00:00:00Z');
    const a2 = edit(a, { note: 'one, then two' }, '2026-01-03T00:00:00Z');
    expect(mergeRecords(a, a2).clipping.note).toBe('one, then two');
    // A merged note, edited again, is newer than either note it was made from.
    const b = edit(o, { note: 'other' }, '2026-01-02T00:00:00Z');
    const merged = mergeRecords(a, b);
    const later = edit(merged, { note: 'cleaned up' }, '2026-01-05T00:00:00Z');
    expect(mergeRecords(later, a).clipping.note).toBe('cleaned up');
    expect(mergeRecords(b, later).clipping.note).toBe('cleaned up');
  });

  it('a cleared note on one side (and nothing on the other) stays cleared', () => {
    const o = edit(origin(), { note: 'old words' }, '2026-01-02T00:00:00Z');
    const a = edit(o, { note: '' }, '2026-01-03T00:00:00Z');
    const b = edit(o, { tags: ['t'] }, '2026-01-03T00:00:01Z');
    expect(mergeRecords(a, b).clipping.note).toBe('');
  });

  it('keeps the history bounded and drops the current note from it', () => {
    let r = origin();
    for (let i = 0; i < 100; i++) r = edit(r, { note: `n${i}` }, `2026-01-02T00:00:${String(i % 60).padStart(2, '0')}Z`);
    expect(r.meta.noteFrom.length).toBeLessThanOrEqual(64);
    expect(r.meta.noteFrom).not.toContain(noteHash('n99'));
  });
});

describe('mergeRecords: article text and times', () => {
  it('the article of the newer save wins; user fields still merge', () => {
    const o = origin();
    const a = edit(o, { ...article('text saved again on A'), tags: ['a'] }, '2026-02-01T00:00:00Z');
    const b = edit(o, { note: 'B' }, '2026-03-01T00:00:00Z');
    const m = mergeRecords(a, b);
    expect(m.clipping.text).toBe('text saved again on A');
    expect(m.meta.articleAt).toBe('2026-02-01T00:00:00Z');
    expect(m.clipping.note).toBe('B');
    expect(m.clipping.tags).toEqual(['a']);
    expect(m.clipping.savedAt).toBe(o.clipping.savedAt);
  });

  it('two re-saves: the later one wins, whichever side merges', () => {
    const o = origin();
    const a = edit(o, article('older re-save'), '2026-02-01T00:00:00Z');
    const b = edit(o, article('newer re-save'), '2026-02-02T00:00:00Z');
    expect(mergeRecords(a, b).clipping.text).toBe('newer re-save');
    expect(mergeRecords(b, a).clipping.text).toBe('newer re-save');
  });

  it('an edit of tags does not move the article time', () => {
    const o = origin();
    expect(edit(o, { tags: ['x'] }, '2026-05-01T00:00:00Z').meta.articleAt).toBe(o.meta.articleAt);
  });
});

describe('mergeRecords: annotations', () => {
  const ann = (id: string, modified: string, body = id): AnnotationLike => ({ id, modified, type: 'Annotation', body: { value: body } }) as AnnotationLike;

  it('unites annotations by id; the later edit of the same one wins', () => {
    const o = edit(origin(), { annotations: [ann('h1', '2026-01-02T00:00:00Z')] }, '2026-01-02T00:00:00Z');
    const a = edit(o, { annotations: [ann('h1', '2026-01-05T00:00:00Z', 'edited on A'), ann('h2', '2026-01-03T00:00:00Z')] }, '2026-01-05T00:00:00Z');
    const b = edit(o, { annotations: [ann('h1', '2026-01-04T00:00:00Z', 'edited on B'), ann('h3', '2026-01-04T00:00:00Z')] }, '2026-01-04T00:00:00Z');
    const m = mergeRecords(a, b).clipping.annotations!;
    expect(m.map((x) => x.id).sort()).toEqual(['h1', 'h2', 'h3']);
    expect((m.find((x) => x.id === 'h1') as AnnotationLike & { body?: unknown }).body).toEqual({ value: 'edited on A' });
  });

  it('an edit beats a delete of the same annotation', () => {
    const o = edit(origin(), { annotations: [ann('h1', '2026-01-02T00:00:00Z')] }, '2026-01-02T00:00:00Z');
    const deleted = edit(o, { annotations: [] }, '2026-01-06T00:00:00Z');
    const edited = edit(o, { annotations: [ann('h1', '2026-01-03T00:00:00Z', 'kept')] }, '2026-01-03T00:00:00Z');
    expect(deleted.meta.goneAnnotations).toEqual({ h1: '2026-01-02T00:00:00Z' });
    for (const m of [mergeRecords(deleted, edited), mergeRecords(edited, deleted)]) {
      expect(m.clipping.annotations).toEqual([ann('h1', '2026-01-03T00:00:00Z', 'kept')]);
    }
  });

  it('a delete sticks when the other side did not edit that annotation', () => {
    const o = edit(origin(), { annotations: [ann('h1', '2026-01-02T00:00:00Z'), ann('h2', '2026-01-02T00:00:00Z')] }, '2026-01-02T00:00:00Z');
    const a = edit(o, { annotations: [ann('h2', '2026-01-02T00:00:00Z')] }, '2026-01-03T00:00:00Z');
    const b = edit(o, { tags: ['t'] }, '2026-01-03T00:00:00Z');
    const m = mergeRecords(a, b);
    expect(m.clipping.annotations!.map((x) => x.id)).toEqual(['h2']);
    // ...and a third, stale copy cannot bring it back either.
    expect(mergeRecords(m, o).clipping.annotations!.map((x) => x.id)).toEqual(['h2']);
  });

  it('clippings without highlights merge to none, and a record from before highlights stays without the field', () => {
    const o = origin();
    const m = mergeRecords(edit(o, { tags: ['a'] }, '2026-01-02T00:00:00Z'), edit(o, { tags: ['b'] }, '2026-01-02T00:00:00Z'));
    expect(m.clipping.annotations).toEqual([]);
    const old = (r: SyncRecord): SyncRecord => {
      const { annotations: _, ...clipping } = r.clipping;
      return { ...r, clipping };
    };
    const m2 = mergeRecords(old(edit(o, { tags: ['a'] }, '2026-01-02T00:00:00Z')), old(edit(o, { tags: ['b'] }, '2026-01-02T00:00:00Z')));
    expect('annotations' in m2.clipping).toBe(false);
  });
});

describe('mergeRecords: laws every device relies on', () => {
  const o = edit(origin(), { note: 'n', annotations: [{ id: 'h1', modified: '2026-01-02T00:00:00Z' }] }, '2026-01-02T00:00:00Z');
  const a = edit(o, { note: 'na', tags: ['x', 'y'], annotations: [] }, '2026-01-03T00:00:00Z');
  const b = edit(o, { ...article('re-saved'), note: 'nb', tags: ['y', 'z'] }, '2026-01-04T00:00:00Z');
  const c = edit(o, { annotations: [{ id: 'h1', modified: '2026-01-05T00:00:00Z' }, { id: 'h9', modified: '2026-01-05T00:00:00Z' }] }, '2026-01-05T00:00:00Z');

  it('is commutative', () => {
    expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
    expect(mergeRecords(a, c)).toEqual(mergeRecords(c, a));
  });

  it('is idempotent: merging a result with itself or with its sources changes nothing more', () => {
    const m = mergeRecords(a, b);
    expect(mergeRecords(m, m)).toEqual(m);
    expect(mergeRecords(m, a).clipping).toEqual(m.clipping);
    expect(mergeRecords(m, b).clipping).toEqual(m.clipping);
  });

  it('mergeAll gives the same record in any order of the leaves', () => {
    const one = mergeAll([a, b, c]);
    expect(mergeAll([c, a, b])).toEqual(one);
    expect(mergeAll([b, c, a])).toEqual(one);
    expect(one.clipping.tags.sort()).toEqual(['x', 'y', 'z']);
    expect(one.clipping.text).toBe('re-saved');
    expect(one.clipping.annotations!.map((x) => x.id).sort()).toEqual(['h1', 'h9']);
  });

  it('refuses to merge nothing', () => {
    expect(() => mergeAll([])).toThrow();
  });
});

describe('mergeNotes: an undo on one device', () => {
  it('two notes that each replaced the other: the later change wins', () => {
    const o = edit(origin(), { note: 'x' }, '2026-01-02T00:00:00Z');
    const a = edit(o, { note: 'y' }, '2026-01-03T00:00:00Z');
    const b = edit(edit(o, { note: 'y' }, '2026-01-03T00:00:00Z'), { note: 'x' }, '2026-01-04T00:00:00Z');
    expect(mergeRecords(a, b).clipping.note).toBe('x');
    expect(mergeRecords(b, a).clipping.note).toBe('x');
  });
});
