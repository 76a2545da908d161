import type { EntitySource } from '../types.ts';

export type NameType = 'person' | 'place' | 'organization';

/** A mention one layer proposes: a span of the text, a type, and how much to trust it. */
export interface Candidate {
  start: number;
  end: number;
  type: NameType;
  source: EntitySource;
  /** Higher wins an overlap; then the longer span. */
  priority: number;
  /** Another surface form of the same entity (e.g. the Latin name in parentheses). */
  alias?: { start: number; end: number };
  /** The words around it say what it is ("the moon Europa"): its type outvotes the other mentions'. */
  byContext?: boolean;
  /** Cut from a longer span ("Trump administration"): its type was the longer span's, a weak vote. */
  trimmed?: boolean;
  /** The learned layer's confidence (mean margin over O), where it proposed the span. */
  score?: number;
  /** Which layer's vote this is, for votes.ts ('en:model:person', 'zh:rule4:person'...). */
  vote?: string;
  /** The model's margin behind a span a rule retyped (votes.ts reads it; `score` stays the model's own spans'). */
  margin?: number;
  /** The fixed order (model/combine.ts without votes) would have dropped it: a vote against. */
  fixedOut?: boolean;
}

/** Keep the best candidates that do not overlap: by priority, then length, then position. */
export function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  // Occupied ranges kept sorted by start for a binary search per candidate.
  const starts: number[] = [];
  for (const c of sorted) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < c.end) lo = mid + 1;
      else hi = mid;
    }
    // Ranges starting before c.end: only the last of them can reach into c (they do not overlap).
    const prev = lo > 0 ? taken[lo - 1]! : null;
    if (prev && prev.end > c.start) continue;
    taken.splice(lo, 0, c);
    starts.splice(lo, 0, c.start);
  }
  return taken;
}
