import { afterEach, describe, expect, it } from 'vitest';
import '../../src/core/entities/model/all-packs.ts';
import type { Candidate } from '../../src/core/entities/candidate.ts';
import { findEntities } from '../../src/core/entities/index.ts';
import { recordVotes, setVoteWeights, voteResolve, votesOn, type VoteRow } from '../../src/core/entities/votes.ts';
import shipped from '../../src/core/entities/data/votes.json';

const text = 'Mayor Jane Doe of Springfield spoke.';
const span = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const cand = (s: string, type: Candidate['type'], vote: string, extra: Partial<Candidate> = {}): Candidate => ({ ...span(s), type, source: 'model', priority: 2, vote, ...extra });

afterEach(() => {
  setVoteWeights(null);
  recordVotes(null);
});

describe('votes', () => {
  it('keeps the span with the most weighed evidence where spans overlap, and drops spans under the threshold', () => {
    setVoteWeights({ thresholds: { en: 0 }, weights: { 'bias:en': 1, 'src:en:model:person': 2, 'src:en:model-trimmed:person': -0.5, 'src:en:region:place': -3 } });
    const kept = voteResolve(text, [
      cand('Jane Doe', 'person', 'en:model:person'),
      cand('Mayor Jane Doe', 'person', 'en:model-trimmed:person'),
      cand('Springfield', 'place', 'en:region:place', { source: 'gazetteer', priority: 1 }),
    ]);
    expect(kept.map((c) => [text.slice(c.start, c.end), c.type])).toEqual([['Jane Doe', 'person']]);
  });

  it('joins the votes for one span and type, and records what the fit reads', () => {
    setVoteWeights({ thresholds: { en: 0 }, weights: { 'bias:en': -1, 'src:en:region:place': 0.6, 'src:en:model:place': 0.6 } });
    let rows: VoteRow[] = [];
    recordVotes((_, r) => (rows = r));
    const kept = voteResolve(text, [cand('Springfield', 'place', 'en:model:place', { score: 3 }), cand('Springfield', 'place', 'en:region:place', { source: 'gazetteer', priority: 1 })]);
    // Either vote alone is under the threshold (-0.4); together they pass (0.2).
    expect(kept).toHaveLength(1);
    expect(kept[0]!.source).toBe('model');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.x).toMatchObject({ 'bias:en': 1, 'src:en:model:place': 1, 'src:en:region:place': 1, 'len:en:place:1': 1 });
    expect(rows[0]!.x['score:en:place']).toBeCloseTo(Math.log1p(3));
  });

  it('is on only for languages with a threshold; the shipped weights keep the fixed order', () => {
    expect(votesOn(['en'])).toBe(Object.keys(shipped.thresholds).includes('en'));
    setVoteWeights({ thresholds: { en: -1 }, weights: {} });
    expect(votesOn(['en'])).toBe(true);
    expect(votesOn(['en', 'zh'])).toBe(false);
  });

  it('runs the whole English tagger by votes with the fitted weights', () => {
    const input = { doc: null, article: { title: '', text: 'Secretary of State Antony Blinken met Chinese officials in Beijing on Tuesday. Blinken said talks with Beijing were frank.', lang: 'en' } };
    const fixed = findEntities(input).map((e) => `${e.type}:${e.name}`);
    setVoteWeights({ thresholds: { en: -6 }, weights: shipped.weights });
    const voted = findEntities(input).map((e) => `${e.type}:${e.name}`);
    expect(voted).toContain('person:Antony Blinken');
    expect(voted).toContain('place:Beijing');
    expect(voted).toEqual(fixed);
  });
});
