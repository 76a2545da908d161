import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReadingList, ReadingListError, type ReadingList } from '../../src/core/reading-list/index.ts';
import { privateAddressReason } from '../../src/core/url-policy.ts';
import { ROOT } from '../helpers.ts';

const DIR = join(ROOT, 'fixtures/reading-list');
const file = (name: string): Uint8Array => readFileSync(join(DIR, name));
const parse = (bytes: Uint8Array | string, opts = {}): ReadingList => parseReadingList(typeof bytes === 'string' ? strToU8(bytes) : bytes, opts);

/** The Omnivore sample folder, zipped as Omnivore's exporter lays it out. */
function omnivoreZip(extra: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(DIR, 'omnivore', rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else files[p] = readFileSync(join(DIR, 'omnivore', p));
    }
  };
  walk('');
  return zipSync({ ...files, ...extra });
}

describe('reading-list formats, told apart by content', () => {
  it('Pocket CSV: tags split on |, Unix seconds, archive -> archived; each bad line refused with its line and reason', () => {
    const list = parse(file('pocket.csv'));
    expect(list.format).toBe('pocket-csv');
    expect(list.items[0]).toMatchObject({ url: 'https://reading.example/articles/web-works', title: 'How the Web Works, Part 1', savedAt: '2023-11-14T22:13:20.000Z', tags: ['tech', 'web'], status: 'unread', line: 2 });
    expect(list.items[1]).toMatchObject({ title: '北京的冬天', status: 'archived' });
    expect(list.items[2]).toMatchObject({ title: 'A "quoted" title', url: 'https://reading.example/articles/quoted?ref=a' });
    expect(list.items[3]!.title).toBe('مقالة عن القراءة');
    expect(list.refused).toEqual([
      { line: 6, reason: 'The same address as line 2.' },
      { line: 7, reason: expect.stringContaining('not javascript:') },
      { line: 8, reason: expect.stringContaining('not file:') },
      { line: 9, reason: expect.stringContaining('192.168.1.1') },
      { line: 10, reason: expect.stringContaining('Malformed CSV line') },
    ]);
  });

  it('Pocket HTML: Unread and Read Archive sections, comma tags, entities decoded', () => {
    const list = parse(file('pocket.html'));
    expect(list.format).toBe('pocket-html');
    expect(list.items.map((i) => [i.title, i.status, i.tags])).toEqual([
      ['How the Web Works, Part 1', 'unread', ['tech', 'web']],
      ['北京的冬天 & 雪', 'unread', []],
      ['مقالة عن القراءة', 'archived', ['عربي']],
    ]);
    expect(list.items[2]!.savedAt).toBe('2014-05-13T16:53:20.000Z');
    expect(list.refused.map((r) => r.line)).toEqual([13, 19]);
  });

  it('Instapaper CSV: folders to status or tags, JSON tags, quoted commas', () => {
    const list = parse(file('instapaper.csv'));
    expect(list.format).toBe('instapaper-csv');
    expect(list.items.map((i) => [i.status, i.tags])).toEqual([
      ['unread', ['tech']], ['archived', []], ['unread', ['Starred']], ['unread', ['Essays']],
    ]);
    expect(list.refused).toEqual([
      { line: 6, reason: expect.stringContaining('file:') },
      { line: 7, reason: expect.stringContaining('localhost') },
    ]);
  });

  it('wallabag JSON: archived, starred, tags, the saved content when there is some, timezones to UTC', () => {
    const list = parse(file('wallabag.json'));
    expect(list.format).toBe('wallabag-json');
    expect(list.items[0]).toMatchObject({ tags: ['tech', 'web', 'Starred'], status: 'unread', savedAt: '2023-05-01T08:00:00.000Z' });
    expect(list.items[0]!.content).toContain('<p>The web is a set of documents');
    expect(list.items[1]).toMatchObject({ status: 'archived', savedAt: '2023-06-01T00:30:00.000Z' });
    expect(list.items[1]!.content).toBeUndefined();
    expect(list.refused).toEqual([{ line: 3, reason: expect.stringContaining('10.0.0.5') }]);
  });

  it('Omnivore zip: metadata files in order, saved content by slug, deleted items refused', () => {
    const list = parse(omnivoreZip());
    expect(list.format).toBe('omnivore-zip');
    expect(list.items.map((i) => [i.title, i.status, i.tags, i.savedAt])).toEqual([
      ['How the Web Works, Part 1', 'unread', ['tech', 'web'], '2024-03-01T09:00:00.000Z'],
      ['北京的冬天', 'archived', [], '2024-03-03T09:00:00.000Z'],
    ]);
    expect(list.items[0]!.content).toContain('the copy Omnivore kept');
    expect(list.items[1]!.content).toBeUndefined();
    expect(list.refused).toEqual([{ line: 3, reason: 'Deleted in Omnivore.' }]);
  });

  it('bookmarks HTML: nested folders kept, one folder on request, bookmarklets and place: refused', () => {
    const all = parse(file('bookmarks.html'));
    expect(all.format).toBe('bookmarks-html');
    expect(all.items.map((i) => i.folder)).toEqual([['Bookmarks bar'], ['Bookmarks bar', 'Read later'], ['Bookmarks bar', 'Read later'], ['Other bookmarks']]);
    expect(all.items[1]!.tags).toEqual(['china', 'winter']);
    expect(all.items[3]).toMatchObject({ url: 'https://reading.example/articles/quoted?a=1&b=2', title: 'Q & A', status: null });
    expect(all.refused.map((r) => r.reason)).toEqual([expect.stringContaining('javascript:'), expect.stringContaining('place:')]);
    const one = parse(file('bookmarks.html'), { folder: 'Read later' });
    expect(one.items.map((i) => i.title)).toEqual(['北京的冬天', 'مقالة عن القراءة']);
  });

  it('detects by content, not name: a byte order mark, CRLF line ends and a header in other case are read', () => {
    const csv = '\ufeffTitle,URL,Time_Added,Tags,Status\r\nA,https://a.example/x,1700000000,,unread\r\nB,https://a.example/y,1700000001,,archive\r\n';
    const list = parse(csv);
    expect(list.format).toBe('pocket-csv');
    expect(list.items.map((i) => [i.url, i.line])).toEqual([['https://a.example/x', 2], ['https://a.example/y', 3]]);
  });

  it('a quoted field over several lines: later refusals still name the line an editor shows', () => {
    const csv = 'title,url,time_added,tags,status\n"two\nline title",https://a.example/1,1,,unread\nx,ftp://a.example/2,1,,unread\n';
    const list = parse(csv);
    expect(list.items[0]!.title).toBe('two line title');
    expect(list.refused).toEqual([{ line: 4, reason: expect.stringContaining('ftp:') }]);
  });
});

describe('reading-list files that are not what they should be: a clear message, nothing lost', () => {
  const error = (bytes: Uint8Array | string, opts = {}): ReadingListError => {
    try {
      parse(bytes, opts);
    } catch (err) {
      if (err instanceof ReadingListError) return err;
      throw err;
    }
    throw new Error('no error');
  };

  it('refuses an HTML page that is not a bookmarks file, a zip without metadata, broken JSON, unknown text', () => {
    expect(error('<!doctype html><html><body><p>Hello</p></body></html>').message).toMatch(/neither a bookmarks file nor a Pocket export/);
    expect(error(zipSync({ 'notes.txt': strToU8('hi') })).message).toMatch(/no metadata_\*\.json/);
    expect(error('[{"url": "https://a.example/"').code).toBe('bad-file');
    expect(error('{"hello": 1}').message).toMatch(/not a list of saved pages/);
    expect(error('just some words\nand more').code).toBe('unknown-format');
    expect(error(omnivoreZip({ 'metadata_20_to_39.json': strToU8('[{"nope": 1}]') })).message).toMatch(/not Omnivore metadata/);
  });

  it('a file over the size limit is refused as a whole, with its size in the message', () => {
    expect(error(new Uint8Array(2 * 2 ** 20 + 1), { maxBytes: 2 * 2 ** 20 }).message).toMatch(/larger than 2 MB/);
  });

  it('20,000 lines with duplicates: every line either an item or refused with why, in seconds (no step grows with the square)', () => {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 20_000; i++) rows.push(`Page ${i},https://site${i % 50}.example/p/${i % 19_000},${1_600_000_000 + i},a|b,unread`);
    const t0 = performance.now();
    const list = parse(rows.join('\n'));
    // About 2 s on a loaded 2-core machine (Node's URL parser is most of it); a quadratic step would take minutes.
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(list.items).toHaveLength(19_000);
    expect(list.refused).toHaveLength(1000);
    expect(list.refused[0]).toEqual({ line: 19_002, reason: 'The same address as line 2.' });
  });

  it('a 50 MB export (long titles and tags) is read whole: every line an item, nothing refused', () => {
    const tags = Array.from({ length: 40 }, (_, k) => `tag${k}`).join('|');
    const rows = ['title,url,time_added,tags,status'];
    let bytes = 0;
    for (let i = 0; bytes < 50 * 2 ** 20; i++) {
      const row = `"${`A long, quoted title ${i} `.repeat(80)}",https://news${i % 7}.example/story/${i},${1_600_000_000 + i},${tags},archive`;
      rows.push(row);
      bytes += row.length + 1;
    }
    const list = parse(rows.join('\n'));
    expect(list.format).toBe('pocket-csv');
    expect(list.items).toHaveLength(rows.length - 1);
    expect(list.refused).toEqual([]);
    expect(list.items[rows.length - 2]!.status).toBe('archived');
    expect(list.items[0]!.tags).toHaveLength(40);
  });
});

describe('addresses on the user\'s own machine or network', () => {
  const reason = (url: string, allowLoopback = false) => privateAddressReason(new URL(url), { allowLoopback });
  it('refuses private, loopback, link-local, mapped and intranet names; public hosts pass', () => {
    for (const url of ['http://127.0.0.1/', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://192.168.0.1/', 'http://169.254.169.254/latest', 'http://0.0.0.0/',
      'http://[::1]/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://localhost:3000/', 'http://printer.local/', 'http://intranet/', 'http://100.64.0.1/']) {
      expect(reason(url), url).toMatch(/own computer or network/);
    }
    for (const url of ['https://example.com/', 'http://8.8.8.8/', 'https://[2606:4700::1111]/', 'https://172.32.0.1/']) expect(reason(url), url).toBeNull();
  });
  it('the test build\'s allowance is 127.0.0.1 exactly, nothing else of the machine', () => {
    expect(reason('http://127.0.0.1:8080/a', true)).toBeNull();
    for (const url of ['http://localhost/', 'http://127.0.0.2/', 'http://[::1]/', 'http://192.168.1.1/']) expect(reason(url, true), url).not.toBeNull();
  });
});
