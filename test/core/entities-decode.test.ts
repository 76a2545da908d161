import { describe, expect, it } from 'vitest';
import en from '../../src/core/entities/data/model-en.json';
import zh from '../../src/core/entities/data/model-zh.json';
import { addHash, decode, NLABELS, unpackModel, viterbi, type Encoded, type PackedModel } from '../../src/core/entities/model/tagger.ts';
import { fnv1a } from '../../src/core/entities/model/hash.ts';
import { transitionFeatures } from '../../src/core/entities/model/tagger.ts';
import { docContext, encodeWords, wordContext } from '../../src/core/entities/model/word-features.ts';
import { charContext, encodeChars } from '../../src/core/entities/model/char-features.ts';
import { tokenize } from '../../src/core/entities/en-tokens.ts';

/** decode() as it was: the callback Viterbi every tagger shared before its array-only twin. */
function reference(packed: PackedModel, enc: Encoded): number[] {
  const model = unpackModel(packed);
  const hashes: number[] = [];
  return viterbi(
    enc.n,
    (i, out) => {
      enc.hashes(i, hashes);
      for (const h of hashes) addHash(model, h, out);
    },
    (i, prev, out) => {
      const t = new Float64Array(NLABELS);
      for (const f of transitionFeatures(prev, enc.cls(i))) addHash(model, fnv1a(f), t);
      for (let l = 0; l < NLABELS; l++) out[l]! += t[l]!;
    },
  );
}

describe('decode', () => {
  it('gives the labels of the callback Viterbi, word and character packs', () => {
    const text = 'LONDON 1996-08-30 Secretary of State Antony Blinken met Wang Yi of China in Beijing , the State Department said .';
    const enc = encodeWords(wordContext(tokenize(text, 0).map((t) => t.text), docContext(text), []), 3);
    const labels = decode(unpackModel(en as PackedModel), enc).labels;
    expect(labels.some((l) => l > 0)).toBe(true);
    expect(labels).toEqual(reference(en as PackedModel, enc));
    const zhText = '美国国务卿布林肯周二在华盛顿特区国务院会见了中国外交部长王毅。';
    const zenc = encodeChars(charContext(zhText, 0, zhText.length, [], new Set()));
    const zlabels = decode(unpackModel(zh as PackedModel), zenc).labels;
    expect(zlabels.some((l) => l > 0)).toBe(true);
    expect(zlabels).toEqual(reference(zh as PackedModel, zenc));
  });
});
