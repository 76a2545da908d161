import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/core/entities/merge.ts';
import type { Candidate } from '../../src/core/entities/candidate.ts';

describe('one type per name in a document', () => {
  // Two mentions of one name, typed differently by the learned layer with equal votes: the type
  // it was surer of wins, whichever mention comes first.
  const text = 'Cartagena said on Monday that talks in Cartagena had failed.';
  const first = text.indexOf('Cartagena');
  const second = text.indexOf('Cartagena', first + 1);
  const at = (start: number, type: Candidate['type'], score: number): Candidate => ({ start, end: start + 9, type, source: 'model', priority: 2, score });

  it("breaks a tie of votes by the learned layer's confidence", () => {
    const surer = assemble(text, [at(first, 'person', 0.4), at(second, 'place', 3.1)], [], false);
    expect(surer.map((e) => [e.name, e.type, e.count])).toEqual([['Cartagena', 'place', 2]]);
    const other = assemble(text, [at(first, 'person', 3.1), at(second, 'place', 0.4)], [], false);
    expect(other.map((e) => [e.name, e.type])).toEqual([['Cartagena', 'person']]);
  });

  it('keeps the majority over a surer single mention', () => {
    const longer = `${text} Cartagena`;
    const ents = assemble(longer, [at(first, 'person', 9), at(second, 'place', 0.4), at(text.length + 1, 'place', 0.4)], [], false);
    expect(ents.map((e) => [e.name, e.type])).toEqual([['Cartagena', 'place']]);
  });
});
