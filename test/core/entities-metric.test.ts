import { describe, expect, it } from 'vitest';
import { normalize, scoreDoc, scoreSet, type GoldDoc } from '../../bench/entities-metric.ts';

// The document-level metric of ../shared/bench/ner-dev/README.md, checked on small cases.
const doc: GoldDoc = {
  id: 'd1',
  text: 'Barack Obama met Obama fans in Chicago . The iPhone launch .',
  entities: [
    { start: 0, end: 12, type: 'person', name: 'Barack Obama' },
    { start: 17, end: 22, type: 'person', name: 'Obama' },
    { start: 32, end: 39, type: 'place', name: 'Chicago' },
  ],
  ignored: [{ start: 46, end: 52, label: 'product', name: 'iPhone' }],
};

describe('entity metric', () => {
  it('normalises with NFKC, case, spaces and a leading "the "', () => {
    expect(normalize('  The  ＵＮ\tCouncil ')).toBe('un council');
  });

  it('matches a prediction by name or alias; one prediction may match several gold names', () => {
    const c = scoreDoc(doc, [{ name: 'Barack Obama', type: 'person', aliases: ['Obama'] }], true);
    expect(c).toEqual({ matchedPred: 1, scoredPred: 1, matchedGold: 2, gold: 3 });
  });

  it('does not score predictions about ignored spans, but a gold name of another type is wrong', () => {
    expect(scoreDoc(doc, [{ name: 'iPhone', type: 'organization' }], true).scoredPred).toBe(0);
    expect(scoreDoc(doc, [{ name: 'Chicago', type: 'person' }], true)).toMatchObject({ matchedPred: 0, scoredPred: 1 });
    expect(scoreDoc(doc, [{ name: 'Chicago', type: 'person' }], false)).toMatchObject({ matchedPred: 1, scoredPred: 1 });
  });

  it('merges predictions with the same normalised name and skips unscored types', () => {
    const preds = [{ name: 'chicago', type: 'place' }, { name: 'Chicago', type: 'place' }, { name: 'Energy', type: 'topic' }];
    expect(scoreDoc(doc, preds, true)).toMatchObject({ matchedPred: 1, scoredPred: 1 });
  });

  it('micro-averages P, R and F1 over documents, typed and per type', () => {
    const s = scoreSet([doc], new Map([['d1', [{ name: 'Obama', type: 'person' }, { name: 'Illinois', type: 'place' }]]]));
    expect(s.typed).toMatchObject({ p: 0.5, r: 1 / 3 });
    expect(s.perType.person).toMatchObject({ p: 1, r: 0.5 });
    expect(s.perType.place).toMatchObject({ p: 0, r: 0, f1: 0 });
  });
});
