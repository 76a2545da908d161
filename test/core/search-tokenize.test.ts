import { describe, expect, it } from 'vitest';
import { bigrams, queryTerms, tokenize } from '../../src/core/search/tokenize.ts';
import { matchRanges, prepareText, snippet } from '../../src/core/search/highlight.ts';

describe('tokenize', () => {
  it('splits Latin text into folded words (case, width and accents)', () => {
    expect(tokenize('Café Müller, ＡＢＣ-123 and naïve')).toEqual(['cafe', 'muller', 'abc', '123', 'and', 'naive']);
  });

  it('turns Chinese runs into overlapping bigrams, whatever a word segmenter would say', () => {
    expect(tokenize('国务卿布林肯')).toEqual(['国务', '务卿', '卿布', '布林', '林肯']);
    expect(bigrams('美')).toEqual(['美']);
  });

  it('treats Japanese kanji and kana as one CJK run and Korean Hangul likewise', () => {
    expect(tokenize('東京都に行く')).toEqual(['東京', '京都', '都に', 'に行', '行く']);
    expect(tokenize('외교부 장관')).toEqual(['외교', '교부', '장관']);
  });

  it('splits mixed scripts at script boundaries', () => {
    expect(tokenize('iPhone15发布会在Apple Park')).toEqual(['iphone15', '发布', '布会', '会在', 'apple', 'park']);
  });

  it('segments Thai with Intl.Segmenter instead of one endless token', () => {
    const tokens = tokenize('ภาษาไทยง่ายนิดเดียว');
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.join('')).toBe('ภาษาไทยง่ายนิดเดียว');
  });

  it('keeps Arabic and Hebrew words whole (RTL scripts are spaced)', () => {
    expect(tokenize('مرحبا بالعالم שלום')).toEqual(['مرحبا', 'بالعالم', 'שלום']);
  });
});

describe('queryTerms', () => {
  it('makes the last Latin word a prefix while typing, not after a space', () => {
    expect(queryTerms('europa plu')).toEqual([
      { token: 'europa', prefix: false, contains: false },
      { token: 'plu', prefix: true, contains: false },
    ]);
    expect(queryTerms('plume ')[0]!.prefix).toBe(false);
  });

  it('asks for every bigram of a CJK query, and "contains" for a single character', () => {
    expect(queryTerms('布林肯').map((t) => t.token)).toEqual(['布林', '林肯']);
    expect(queryTerms('美')).toEqual([{ token: '美', prefix: false, contains: true }]);
  });
});

describe('matchRanges and snippet', () => {
  it('marks CJK substrings and Latin words from their start, in the original string', () => {
    const text = 'Antony Blinken（布林肯）said Blinkenlights';
    const ranges = matchRanges(text, 'blinken 布林肯');
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Blinken', '布林肯', 'Blinkenlights']);
  });

  it('maps folded matches back to the original characters (accents, full width)', () => {
    const text = 'Rencontre au Café de Flore, ＡＢＣ';
    expect(matchRanges(text, 'cafe abc').map(([a, b]) => text.slice(a, b))).toEqual(['Café', 'ＡＢＣ']);
  });

  it('maps matches exactly when folding changes lengths (ellipsis, ligature, half-width kana, decomposed accents)', () => {
    // NFKC turns "…" into three dots and "ﬁ" into two letters, merges ｶﾞ into one kana, and
    // accent folding drops a combining mark: the marks must still land on the original characters.
    const text = 'Wait… the ﬁnal ｶﾞイド to the cafe\u0301 and Café';
    expect(matchRanges(text, 'final').map(([a, b]) => text.slice(a, b))).toEqual(['ﬁnal']);
    expect(matchRanges(text, 'ガイド').map(([a, b]) => text.slice(a, b))).toEqual(['ｶﾞイド']);
    expect(matchRanges(text, 'cafe').map(([a, b]) => text.slice(a, b))).toEqual(['cafe\u0301', 'Café']);
    // CJK with full-width punctuation (folded one for one): the fast path, same answer.
    const zh = '美国国务卿布林肯（Antony Blinken）表示，气候变化……是共同的挑战。';
    expect(matchRanges(zh, '气候变化 blinken').map(([a, b]) => zh.slice(a, b))).toEqual(['Blinken', '气候变化']);
  });

  it('finds the snippet of a long text around a match far inside it, prepared once or not', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(2000)}Europa’s plumes… ${'Etc. '.repeat(500)}`;
    const prepared = prepareText(text);
    const s = snippet(prepared, 'europa plumes');
    expect(s).toEqual(snippet(text, 'europa plumes'));
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['Europa', 'plumes']);
    expect(s.text.startsWith('…')).toBe(true);
    // No match: the start of the text.
    expect(snippet(prepared, 'zebra').text.startsWith('Lorem ipsum')).toBe(true);
  });

  it('cuts a window around the first match with the ranges shifted into it', () => {
    const text = `${'前文'.repeat(100)}气候变化${'后文'.repeat(100)}`;
    const s = snippet(text, '气候变化', 60);
    expect(s.text.startsWith('…')).toBe(true);
    const [a, b] = s.ranges[0]!;
    expect(s.text.slice(a, b)).toBe('气候变化');
    expect(a).toBeLessThan(30);
  });
});
