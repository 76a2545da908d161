// How the layers' votes become one set of mentions, by measured weights instead of a fixed order.
// Every layer that proposes a span names its vote (Candidate.vote: 'en:model:person',
// 'zh:rule4:person', 'zh:gazetteer1-region:place'...). Votes for the same span and type are one
// unit; a unit's features are the votes it got, the model's margin, its length, whether another
// type was proposed for the same span, whether it lies across or inside a model span, and how often
// the text has the same surface. A logistic regression over them (data/votes.json, fitted by
// scripts/fit-votes.ts on the held-out tenths of the TRAINING sets with held-out packs, never on a
// dev set) gives each unit a log-odds of being a right name; units are taken best first where they
// do not overlap one already taken, down to the threshold (the only value chosen on the dev sets).
import weightsData from './data/votes.json';
import { resolveOverlaps, type Candidate } from './candidate.ts';

export interface VoteWeights {
  /** Log-odds threshold per language ('en', 'zh'): units below it are dropped. */
  thresholds: Record<string, number>;
  weights: Record<string, number>;
}

let current: VoteWeights = weightsData as VoteWeights;

/** Replaces the weights (the fitting script and the threshold sweep); null restores the shipped ones. */
export function setVoteWeights(w: VoteWeights | null): void {
  current = w ?? (weightsData as VoteWeights);
}

/** A unit's features, as the fitting script sees them. */
export interface VoteRow {
  start: number;
  end: number;
  type: Candidate['type'];
  x: Record<string, number>;
}
let recorder: ((text: string, rows: VoteRow[]) => void) | null = null;
/** Receives every document's units before selection (scripts/fit-votes.ts); null stops. */
export function recordVotes(fn: ((text: string, rows: VoteRow[]) => void) | null): void {
  recorder = fn;
}

/**
 * Whether spans of these languages are weighed by votes: only where the weights file has a
 * threshold for each. None ships today: on the dev sets no threshold of the fitted weights kept
 * every set at or above the fixed order (README "Entity models"), so both keep it.
 */
export function votesOn(langs: string[]): boolean {
  return langs.every((l) => l in current.thresholds);
}

/** Whether every candidate carries a vote the weights know how to read (else the fixed order). */
export function canVote(cands: Candidate[]): boolean {
  return cands.every((c) => c.vote !== undefined);
}

interface Unit {
  start: number;
  end: number;
  type: Candidate['type'];
  lang: string;
  votes: Candidate[];
  x: Record<string, number>;
  logit: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function unitsOf(text: string, cands: Candidate[]): Unit[] {
  const byKey = new Map<string, Unit>();
  for (const c of cands) {
    const key = `${c.start}:${c.end}:${c.type}`;
    let u = byKey.get(key);
    if (!u) byKey.set(key, (u = { start: c.start, end: c.end, type: c.type, lang: c.vote!.split(':')[0]!, votes: [], x: {}, logit: 0 }));
    u.votes.push(c);
  }
  const units = [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  // The fixed order's choice (priority, then length) is one more vote, weighed like the others.
  const fixed = new Set(resolveOverlaps(cands.filter((c) => !c.fixedOut)).map((c) => `${c.start}:${c.end}:${c.type}`));
  const surface = new Map<string, number>();
  for (const u of units) {
    const s = text.slice(u.start, u.end);
    surface.set(s, (surface.get(s) ?? 0) + 1);
  }
  // Spans with a model vote, for "lies inside or across a model span".
  const model = units.filter((u) => u.votes.some((v) => v.vote!.includes(':model:')));
  for (const u of units) {
    const lang = u.lang;
    const x = u.x;
    x[`bias:${lang}`] = 1;
    if (fixed.has(`${u.start}:${u.end}:${u.type}`)) x[`fixed:${lang}`] = 1;
    let score = -1;
    for (const v of u.votes) {
      x[`src:${v.vote}`] = 1;
      const m = v.score ?? v.margin;
      if (m !== undefined) score = Math.max(score, m);
    }
    if (score >= 0) x[`score:${lang}:${u.type}`] = Math.log1p(score);
    const s = text.slice(u.start, u.end);
    const len = lang === 'zh' ? Math.min(5, u.end - u.start) : Math.min(4, s.split(/\s+/).length);
    x[`len:${lang}:${u.type}:${len}`] = 1;
    const rep = surface.get(s)!;
    if (rep > 1) x[`rep:${lang}`] = Math.log(rep);
    // Where a model span lies against it: around it, inside it, or across one edge.
    for (const m of model) {
      if (m === u || !overlaps(m, u) || (m.start === u.start && m.end === u.end)) continue;
      const where = m.start <= u.start && m.end >= u.end ? 'inmodel' : m.start >= u.start && m.end <= u.end ? 'overmodel' : 'crossmodel';
      x[`${where}:${lang}`] = 1;
    }
    if (model.some((m) => m !== u && m.start === u.start && m.end === u.end && m.type !== u.type)) x[`othertype:${lang}`] = 1;
  }
  return units;
}

function logitOf(x: Record<string, number>, w: Record<string, number>): number {
  let z = 0;
  for (const k in x) z += (w[k] ?? 0) * x[k]!;
  return z;
}

/**
 * The mentions kept: units best first, each kept where it overlaps none taken before, while its
 * log-odds reach the threshold. A kept unit's candidate is its highest-priority vote (merge.ts
 * reads priority, byContext and score as type evidence), a context vote first among equals.
 */
export function voteResolve(text: string, cands: Candidate[]): Candidate[] {
  const units = unitsOf(text, cands);
  if (recorder) recorder(text, units.map((u) => ({ start: u.start, end: u.end, type: u.type, x: u.x })));
  const { weights, thresholds } = current;
  for (const u of units) u.logit = logitOf(u.x, weights);
  // resolveOverlaps with the log-odds as priority: best first, then longer, then earlier.
  const byRef = new Map<Candidate, Unit>();
  const keys: Candidate[] = [];
  for (const u of units) {
    if (u.logit < (thresholds[u.lang] ?? 0)) continue;
    const k: Candidate = { start: u.start, end: u.end, type: u.type, source: 'model', priority: u.logit };
    byRef.set(k, u);
    keys.push(k);
  }
  return resolveOverlaps(keys)
    .map((k) => byRef.get(k)!)
    .map((u) => {
      const best = u.votes.reduce((a, b) => (b.priority > a.priority || (b.priority === a.priority && b.byContext && !a.byContext) ? b : a));
      return best;
    });
}
