import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { makeClipping, type Clipping } from '../../src/core/clipping.ts';
import { articleMarkdown } from '../../src/core/export/markdown.ts';
import { clippingHtmlDocument } from '../../src/core/export/html-document.ts';
import { uniqueNames, safeBaseName, zipFiles } from '../../src/core/export/bundle.ts';
import { exportLibrary, exportLibraryParts, parseLibraryExport } from '../../src/core/export/library-json.ts';
import { extractArticle } from '../../src/core/extract/index.ts';
import { SEED_URL, seedDoc } from '../helpers.ts';

function seed(id = 'seed-0001'): Clipping {
  const { article } = extractArticle(seedDoc(), { url: SEED_URL });
  return {
    ...makeClipping(id, article!, [
      { name: '布林肯', type: 'person', aliases: ['Antony Blinken'], count: 11, sources: ['page-tag'] },
      { name: '加拿大', type: 'place', aliases: [], count: 2, sources: ['page-tag'] },
    ], new Date('2026-01-10T12:00:00Z')),
    tags: ['外交', 'news'],
    note: 'Line one\n"quoted"',
  };
}

describe('Markdown export', () => {
  it('has YAML front matter with metadata, tags, note and entities, then the body', () => {
    const c = seed();
    const md = articleMarkdown(c, c.entities);
    const front = md.split('\n---\n')[0]!;
    expect(front).toContain('title: "布林肯与加墨日韩外长通话 加强合作关系"');
    expect(front).toContain('saved: "2026-01-10T12:00:00.000Z"');
    expect(front).toContain('tags: ["外交", "news"]');
    expect(front).toContain('note: "Line one\\n\\"quoted\\""');
    expect(front).toContain('people: ["布林肯"]');
    expect(front).toContain('places: ["加拿大"]');
    expect(md).toContain('# 布林肯与加墨日韩外长通话');
    expect(md).toContain('布林肯没有对议员详细说明他将采取什么措施来对抗中共。');
  });

  it('keeps tables (GFM) and fenced code blocks, and drops highlight marks but not their text', () => {
    const c = { ...seed(), html: '<p>See <mark data-entity="NASA" data-entity-type="organization">NASA</mark>.</p><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><pre><code class="language-js">let x = 1;</code></pre>' };
    const md = articleMarkdown(c, []);
    expect(md).toContain('See NASA.');
    expect(md).toMatch(/\| a +\| b +\|\n\| -+ \| -+ \|\n\| 1 +\| 2 +\|/);
    expect(md).toContain('```js\nlet x = 1;\n```');
  });
});

describe('HTML export', () => {
  it('is a standalone document: escaped metadata, a CSP that forbids scripts, the entities listed', () => {
    const c = { ...seed(), title: 'A <script>alert(1)</script> title' };
    const html = clippingHtmlDocument(c, '<p>body</p>');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'"`);
    expect(html).not.toContain('<script');
    expect(html).toContain('<title>A &lt;script&gt;alert(1)&lt;/script&gt; title</title>');
    expect(html).toContain('<p>body</p>');
    expect(html).toContain('<dt>People</dt><dd>布林肯</dd>');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('Line one<br>&quot;quoted&quot;');
  });
});

describe('zip bundles', () => {
  it('names files safely and distinctly, and unzips to the same text', () => {
    expect(safeBaseName('a/b: c?*')).toBe('a b c');
    expect(safeBaseName('...')).toBe('clipping');
    expect(uniqueNames(['Same', 'same', 'Other', 'Same'], 'md')).toEqual(['Same.md', 'same (2).md', 'Other.md', 'Same (3).md']);
    const zip = zipFiles([{ name: '中文.md', text: '# 你好', date: '2026-01-01T00:00:00Z' }, { name: 'b.md', text: 'b' }]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['b.md', '中文.md']);
    expect(strFromU8(files['中文.md']!)).toBe('# 你好');
  });
});

describe('JSON export and import validation', () => {
  it('round-trips exactly, also when built from parts', () => {
    const all = [seed('aaaaaaaa-1'), { ...seed('bbbbbbbb-2'), canonicalUrl: 'https://example.org/x' }];
    const at = new Date('2026-03-01T00:00:00Z');
    const json = exportLibraryParts(all, at).join('');
    expect(JSON.parse(json)).toMatchObject({ format: 'sift-library', version: 1, exportedAt: '2026-03-01T00:00:00.000Z', count: 2 });
    expect(parseLibraryExport(json)).toEqual({ clippings: all, refused: [] });
    expect(exportLibrary(all, at)).toBe(json);
  });

  it('refuses bad records one by one (with reasons), duplicates, and newer schemas; fills defaults of old records', () => {
    const good = seed('aaaaaaaa-1');
    const { tags: _t, note: _n, ...old } = good;
    const file = {
      format: 'sift-library',
      version: 1,
      exportedAt: '',
      clippings: [good, { ...good, id: '../etc' }, { ...good, id: 'cccccccc-3', url: 'javascript:alert(1)' }, good, { ...good, id: 'dddddddd-4', schema: 99 }, { ...old, id: 'eeeeeeee-5' }, { ...good, id: 'ffffffff-6', entities: [{ name: 'x', type: 'alien', aliases: [], count: 1, sources: [] }] }, 'nope'],
    };
    const parsed = parseLibraryExport(JSON.stringify(file));
    expect(parsed.clippings.map((c) => c.id)).toEqual(['aaaaaaaa-1', 'eeeeeeee-5']);
    expect(parsed.clippings[1]!.tags).toEqual([]);
    expect(parsed.clippings[1]!.note).toBe('');
    expect(parsed.refused).toEqual([
      { index: 1, reason: 'bad id' },
      { index: 2, reason: 'bad url' },
      { index: 3, reason: 'duplicate id' },
      { index: 4, reason: 'newer schema than this version of Sift' },
      { index: 6, reason: 'bad entities' },
      { index: 7, reason: 'not an object' },
    ]);
    expect(() => parseLibraryExport(JSON.stringify({ ...file, version: 2 }))).toThrow(/newer version/);
  });
});
