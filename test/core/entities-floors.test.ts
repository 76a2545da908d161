import { describe, expect, it } from 'vitest';
import '../../src/core/entities/model/all-packs.ts';
import { sentenceStarts, setFloors, tagTokens } from '../../src/core/entities/model/registry.ts';
import { MIN_SCORE } from '../../src/core/entities/model/thresholds.ts';
import { docContext, encodeWords, wordContext } from '../../src/core/entities/model/word-features.ts';
import { tokenize } from '../../src/core/entities/en-tokens.ts';

const spans = (lang: string, text: string): string[] => tagTokens(lang, tokenize(text), docContext(text)).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('word packs decode a sentence at a time', () => {
  it('splits at a full stop before a capital after a word, not after initials, abbreviations or numbers', () => {
    const toks = tokenize('Er wohnt in Berlin. Matthias Frankenstein sagt , St . Nikolaus am 15. September');
    const starts = sentenceStarts(toks);
    expect(starts.map((i) => toks[i]!.text)).toEqual(['Er', 'Matthias']);
  });

  it('keeps a place and the person after it apart (the German pack ran them into one name)', () => {
    const got = spans('de', 'Fragen beantwortet Matthias Frankenstein, Sprecher der Firma in Berlin. Matthias Frankenstein sagt, Firmen müssten handeln.');
    expect(got).toContain('place:Berlin');
    expect(got.some((s) => s.includes('Berlin.'))).toBe(false);
  });
});

describe('score floors of the precision-first packs', () => {
  it('are set for de, fr, nl and pt, not for English', () => {
    for (const lang of ['de', 'fr', 'nl', 'pt']) expect(Object.keys(MIN_SCORE[lang] ?? {}).sort()).toEqual(['organization', 'person', 'place']);
    expect(MIN_SCORE.en).toBeUndefined();
  });

  it('drop the names the pack is unsure of and sees once, keep those the text repeats', () => {
    const once = 'Die Firma Kowalczyk baut Häuser.';
    const twice = 'Die Firma Kowalczyk baut Häuser. Kowalczyk hat viele Kunden.';
    setFloors('de', { person: -Infinity, place: -Infinity, organization: -Infinity });
    const open = spans('de', once);
    setFloors('de', { person: Infinity, place: Infinity, organization: Infinity });
    try {
      expect(open.length).toBeGreaterThan(0);
      expect(spans('de', once)).toEqual([]);
      // Every capitalised word of the span occurs twice: kept above any floor.
      expect(spans('de', twice).some((s) => s.endsWith('Kowalczyk'))).toBe(true);
    } finally {
      setFloors('de', null);
    }
  });
});

describe("'word2' features", () => {
  it('add suffix, sentence-length and run-suffix hashes to the word features', () => {
    const ctx = wordContext(['Peter', 'Müller', 'wohnt', 'in', 'Hamburg'], null, []);
    const a: number[] = [];
    const b: number[] = [];
    encodeWords(ctx).hashes(4, a);
    encodeWords(ctx, true).hashes(4, b);
    expect(b.slice(0, a.length)).toEqual(a);
    expect(b.length).toBe(a.length + 3);
  });
});
