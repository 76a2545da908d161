import { describe, expect, it } from 'vitest';
import { normalizeInline, normalizeTitle, normalizeBlocks } from '../../src/core/text/whitespace.ts';
import { countWords, readingMinutes } from '../../src/core/text/reading-time.ts';
import { parse } from '../helpers.ts';
import { collapseWhitespace } from '../../src/core/extract/cjk-whitespace.ts';

describe('whitespace', () => {
  it('drops whitespace between CJK characters and keeps Latin spacing', () => {
    expect(normalizeInline('安东尼‧\n  布林肯\n （Antony Blinken）周二')).toBe('安东尼‧布林肯（Antony Blinken）周二');
    expect(normalizeInline('  hello \n\t world  ')).toBe('hello world');
    expect(normalizeInline('中文 English 中文')).toBe('中文 English 中文');
  });

  it('keeps Korean word spacing', () => {
    expect(normalizeInline('대한민국 서울')).toBe('대한민국 서울');
  });

  it('keeps a typed space in a headline but not a line break', () => {
    expect(normalizeTitle('布林肯与加墨日韩外长通话 加强合作关系')).toBe('布林肯与加墨日韩外长通话 加强合作关系');
    expect(normalizeTitle('布林肯与\n加墨')).toBe('布林肯与加墨');
  });

  it('normalises blocks line by line and drops empty lines', () => {
    expect(normalizeBlocks('a  b\n\n \nc')).toBe('a b\nc');
  });

  it('collapses whitespace across inline elements', () => {
    const doc = parse('<p>国务卿安东尼‧\n <ok>\n  布林肯\n </ok>\n （Antony <b>Blinken</b>）周二</p>');
    const p = doc.querySelector('p')!;
    collapseWhitespace(p);
    expect(p.textContent).toBe('国务卿安东尼‧布林肯（Antony Blinken）周二');
    expect(p.querySelector('ok')!.textContent).toBe('布林肯');
  });

  it('leaves preformatted text alone', () => {
    const doc = parse('<div><pre>a\n    b  中\n 文</pre></div>');
    collapseWhitespace(doc.querySelector('div')!);
    expect(doc.querySelector('pre')!.textContent).toBe('a\n    b  中\n 文');
  });
});

describe('reading time', () => {
  it('counts CJK characters as words', () => {
    expect(countWords('布林肯表示 hello world')).toBe(7);
  });
  it('reads Chinese at about 400 characters a minute and English at about 230 words', () => {
    expect(readingMinutes('字'.repeat(1200))).toBe(3);
    expect(readingMinutes('word '.repeat(690))).toBe(3);
    expect(readingMinutes('short')).toBe(1);
  });
});
