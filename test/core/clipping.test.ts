import { describe, expect, it } from 'vitest';
import { makeClipping, mergeSave, type Clipping } from '../../src/core/clipping.ts';
import { exportLibrary, parseLibraryExport } from '../../src/core/export/library-json.ts';
import { extractArticle } from '../../src/core/extract/index.ts';
import { SEED_URL, seedDoc } from '../helpers.ts';

function seedClipping(id: string, at = new Date('2026-01-01T00:00:00Z')): Clipping {
  const { article } = extractArticle(seedDoc(), { url: SEED_URL });
  return makeClipping(id, article!, [], at);
}

describe('mergeSave', () => {
  it('creates a new clipping when nothing matches', () => {
    const c = seedClipping('aaaaaaaa-1');
    expect(mergeSave(c, undefined, undefined)).toEqual({ record: c, created: true });
  });

  it('updates the clipping of the same page, keeping its id, savedAt, tags and note', () => {
    const old = { ...seedClipping('aaaaaaaa-1'), tags: ['keep'], note: 'mine' };
    const again = seedClipping('bbbbbbbb-2', new Date('2026-02-01T00:00:00Z'));
    const { record, created } = mergeSave(again, undefined, old);
    expect(created).toBe(false);
    expect(record.id).toBe('aaaaaaaa-1');
    expect(record.savedAt).toBe(old.savedAt);
    expect(record.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(record.tags).toEqual(['keep']);
    expect(record.note).toBe('mine');
  });
});

describe('library export', () => {
  it('round-trips through JSON exactly', () => {
    const all = [seedClipping('aaaaaaaa-1'), { ...seedClipping('cccccccc-3'), canonicalUrl: 'https://example.org/x' }];
    const parsed = parseLibraryExport(exportLibrary(all));
    expect(parsed.refused).toEqual([]);
    expect(parsed.clippings).toEqual(all);
  });

  it('refuses invalid clippings one by one and rejects files that are not exports', () => {
    const good = seedClipping('aaaaaaaa-1');
    const json = JSON.stringify({ format: 'sift-library', version: 1, exportedAt: '', clippings: [good, { ...good, id: '../x' }, { ...good, url: 'javascript:alert(1)' }] });
    const parsed = parseLibraryExport(json);
    expect(parsed.clippings).toHaveLength(1);
    expect(parsed.refused.map((r) => r.index)).toEqual([1, 2]);
    expect(() => parseLibraryExport('{"hello":1}')).toThrow(/not a Sift library/);
    expect(() => parseLibraryExport('nope')).toThrow(/not JSON/);
  });
});
