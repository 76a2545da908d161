import search from 'approx-string-match';
import { fold, foldText, fromFolded, toFolded, type Folded } from './fold.ts';

// Finding a quote again in a text that may have changed. Three steps, each tried only when the
// one before found nothing: the exact words (whitespace and quote styles aside), then the words
// just before and after with the passage between them, then an approximate match with a bound on
// the edit distance. Every step refuses to guess: when two places fit equally well and nothing
// tells them apart, the answer is "not found", never the first of them.

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Span {
  start: number;
  end: number;
}

export type AnchorHow = 'exact' | 'fuzzy';

export interface Anchored extends Span {
  how: AnchorHow;
  /** Edits between the quote and the text found (0 for an exact match). */
  errors: number;
}

/** A text prepared once for many anchorings (folding is linear, but not free). */
export interface Prepared {
  raw: string;
  folded: Folded;
}

export function prepare(text: string): Prepared {
  return { raw: text, folded: fold(text) };
}

/** Largest share of a quote's characters that may differ in a fuzzy match. */
const MAX_ERROR_RATE = 0.25;
/** More context characters than the runner-up by this much, and the context has decided. */
const CONTEXT_MARGIN = 3;
/** Occurrences examined for one quote (a one-letter quote in a long text has thousands). */
const MAX_OCCURRENCES = 5_000;

/**
 * How much a quote tells: a CJK character carries about as much as a short word, so it counts
 * double. A quote below INFORMATIVE is only trusted where its context agrees.
 */
function weight(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch) ? 2 : 1;
  return w;
}
const INFORMATIVE = 16;
/** Context characters a short quote needs on each side that has context. */
const SIDE = 3;
/** Context characters that make one side alone convincing (describe() keeps 32 a side). */
const FULL_SIDE = 24;
const FUZZY_MIN_WEIGHT = 10;

interface Candidate {
  fs: number;
  fe: number;
  errors: number;
  /** Context characters that agree on the left and on the right. */
  left: number;
  right: number;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

interface Ctx {
  t: string;
  pre: string;
  suf: string;
}

function candidate(c: Ctx, fs: number, fe: number, errors: number): Candidate {
  const left = commonSuffix(c.pre, c.t.slice(Math.max(0, fs - c.pre.length), fs));
  const right = commonPrefix(c.suf, c.t.slice(fe, fe + c.suf.length));
  return { fs, fe, errors, left, right };
}

const ctxOf = (c: Candidate) => c.left + c.right;

/** Context characters that agree around a candidate, allowing for a few edits in them. */
function looseContext(c: Ctx, cand: Candidate): number {
  const before = c.t.slice(Math.max(0, cand.fs - c.pre.length), cand.fs);
  const after = c.t.slice(cand.fe, cand.fe + c.suf.length);
  return Math.max(0, c.pre.length - editDistance(c.pre, before)) + Math.max(0, c.suf.length - editDistance(c.suf, after));
}

/** Candidates whose loose context is compared (the best by strict context first). */
const LOOSE_CANDIDATES = 64;

/**
 * The one candidate the context (then the remembered position) singles out, or null. `hintAt`
 * is the folded offset where the quote used to start, or -1.
 */
function choose(cands: Candidate[], hintAt: number, c: Ctx): Candidate | null {
  if (cands.length === 0) return null;
  if (cands.length === 1) return cands[0]!;
  const sorted = [...cands].sort((a, b) => a.errors - b.errors || ctxOf(b) - ctxOf(a));
  const best = sorted[0]!;
  if (best.errors < sorted[1]!.errors) return best;
  // Equally close to the quote: the words around decide, counted with a few edits allowed (an
  // edit near the true place must not hand the win to a copy of the passage elsewhere).
  const same = sorted.filter((x) => x.errors === best.errors).slice(0, LOOSE_CANDIDATES);
  const scored = same.map((x) => ({ x, score: looseContext(c, x) })).sort((a, b) => b.score - a.score);
  if (scored[0]!.score >= scored[1]!.score + CONTEXT_MARGIN) return scored[0]!.x;
  // The context cannot tell them apart (a phrase repeated with the same words around it): the
  // remembered position decides, if there is one.
  if (hintAt < 0) return null;
  const tied = scored.filter((s) => s.score + CONTEXT_MARGIN > scored[0]!.score).map((s) => Math.abs(s.x.fs - hintAt));
  const order = tied.map((d, i) => i).sort((a, b) => tied[a]! - tied[b]!);
  // ...but only when one place is clearly the nearer: text inserted before the passage moves it
  // as far as a copy elsewhere may lie.
  if (tied[order[0]!]! * 2 >= tied[order[1]!]!) return null;
  return scored[order[0]!]!.x;
}

function exactStep(c: Ctx, q: string, hintAt: number): Candidate | null | 'ambiguous' {
  const cands: Candidate[] = [];
  for (let at = c.t.indexOf(q); at >= 0 && cands.length < MAX_OCCURRENCES; at = c.t.indexOf(q, at + 1)) {
    cands.push(candidate(c, at, at + q.length, 0));
  }
  if (cands.length === 0) return null;
  const best = choose(cands, hintAt, c);
  if (!best) return 'ambiguous';
  const context = c.pre.length + c.suf.length;
  // A short quote found once, with nothing around it as before, may be a chance match of the
  // same words elsewhere: trust it only with some context.
  if (weight(q) < INFORMATIVE && context > 0 && ctxOf(best) < Math.min(4, context)) return 'ambiguous';
  // ...and one of up to a few words needs context agreeing on both sides, or all along one side:
  // a passage reworded or deleted at the true place can leave the same phrase elsewhere, with the
  // same few words on one side ("The Swedish investigation had…" gone, "What was the Swedish
  // investigation about?" kept).
  // (An edit right beside an unchanged passage, such as an inserted paragraph, spoils one side
  // only, and the other still agrees in full.)
  const oneSided = (c.pre.length >= SIDE && best.left < SIDE) || (c.suf.length >= SIDE && best.right < SIDE);
  if (weight(q) < 2 * INFORMATIVE && oneSided && ctxOf(best) < FULL_SIDE) return 'ambiguous';
  return best;
}

/** Levenshtein distance, for the short passages the context step checks. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const MIN_CONTEXT = 8;

/** The words before and after found as before, with a passage of about the same length between. */
function contextStep(c: Ctx, q: string): Candidate | null {
  if (c.pre.length < MIN_CONTEXT || c.suf.length < MIN_CONTEXT) return null;
  // Words that the passage itself contains cannot mark where it starts or stops: found inside a
  // copy of the passage, they would cut it short there.
  if (q.includes(c.pre) || q.includes(c.suf)) return null;
  const found: Candidate[] = [];
  for (let p = c.t.indexOf(c.pre); p >= 0 && found.length < 3; p = c.t.indexOf(c.pre, p + 1)) {
    const fs = p + c.pre.length;
    const lo = fs + Math.floor(q.length * 0.5);
    const s = c.t.indexOf(c.suf, lo);
    if (s < 0 || s > fs + Math.ceil(q.length * 1.5) + 8 || s <= fs) continue;
    const middle = c.t.slice(fs, s);
    const errors = middle.length <= 600 ? editDistance(middle, q) : Math.abs(middle.length - q.length);
    if (errors > Math.max(2, q.length * 0.5)) continue;
    found.push({ fs, fe: s, errors, left: c.pre.length, right: c.suf.length });
  }
  return found.length === 1 ? found[0]! : null;
}

const PIECE = 32;

/**
 * A long passage whose middle changed (a paragraph or an advertisement inserted inside it, a
 * sentence reworded): its first and last words, each found exactly and each with its own
 * context agreeing, in order and not absurdly far apart.
 */
function endsStep(c: Ctx, q: string, hintAt: number): Candidate | null {
  if (q.length < 2 * PIECE) return null;
  const head = q.slice(0, PIECE);
  const tail = q.slice(-PIECE);
  const headCtx: Ctx = { t: c.t, pre: c.pre, suf: q.slice(PIECE, 2 * PIECE) };
  const tailCtx: Ctx = { t: c.t, pre: q.slice(-2 * PIECE, -PIECE), suf: c.suf };
  const h = exactStep(headCtx, head, hintAt);
  if (!h || h === 'ambiguous') return null;
  const t = exactStep(tailCtx, tail, hintAt < 0 ? -1 : hintAt + q.length - PIECE);
  if (!t || t === 'ambiguous') return null;
  // Each end must be held by the words on at least one side of it.
  if (h.left + h.right < PIECE / 2 || t.left + t.right < PIECE / 2) return null;
  const length = t.fe - h.fs;
  if (t.fs < h.fe || length > 3 * q.length + 2_000 || length < q.length / 3) return null;
  // An end that comes again, even changed a little, between the two ends found may belong to a
  // second copy of the passage (a paragraph repeated, the page's own words edited): the span
  // could join the start of one copy to the end of another.
  const inner = c.t.slice(h.fe, t.fs);
  const k = Math.floor(PIECE * MAX_ERROR_RATE);
  if (search(inner, head, k).length > 0 || search(inner, tail, k).length > 0) return null;
  return { fs: h.fs, fe: t.fe, errors: Math.abs(length - q.length), left: h.left, right: t.right };
}

function fuzzyStep(c: Ctx, q: string, hintAt: number): Candidate | null {
  if (weight(q) < FUZZY_MIN_WEIGHT) return null;
  const k = Math.max(1, Math.floor(q.length * MAX_ERROR_RATE));
  const matches = search(c.t, q, k);
  if (matches.length === 0) return null;
  // Matches ending next to each other are one place; keep the one whose length is closest.
  const places: Candidate[] = [];
  for (const m of matches) {
    const last = places[places.length - 1];
    if (last && m.start < last.fe) {
      if (Math.abs(m.end - m.start - q.length) < Math.abs(last.fe - last.fs - q.length)) places[places.length - 1] = candidate(c, m.start, m.end, m.errors);
      continue;
    }
    places.push(candidate(c, m.start, m.end, m.errors));
  }
  const best = choose(places, hintAt, c);
  if (!best) return null;
  // The ends must be the quote's own ends: an edit right at a boundary leaves it unknown where
  // the passage now starts or stops.
  const end = Math.min(2, q.length);
  if (c.t.slice(best.fs, best.fs + end) !== q.slice(0, end) || c.t.slice(best.fe - end, best.fe) !== q.slice(-end)) return null;
  // The words around must agree on both sides (where there are any), however few the
  // differences: a short passage that had a paragraph inserted inside it is matched by its other
  // half plus look-alike words next to it ("estimate." for "estimates."), with one side agreeing.
  if (c.pre.length > 0 && best.left < Math.min(4, c.pre.length)) return null;
  if (c.suf.length > 0 && best.right < Math.min(4, c.suf.length)) return null;
  // A runner-up a little worse than the best, elsewhere, with context at least as good: the
  // quote no longer says where it belongs.
  const rest = c.t.slice(0, best.fs) + '\u0000'.repeat(best.fe - best.fs) + c.t.slice(best.fe);
  const slack = Math.min(k, best.errors + Math.max(2, Math.floor(q.length * 0.1)));
  for (const m of search(rest, q, slack)) {
    const other = candidate(c, m.start, m.end, m.errors);
    if (ctxOf(other) + CONTEXT_MARGIN > ctxOf(best)) return null;
  }
  return best;
}

/**
 * Where `quote` is in `text`, or null. `hint` is where it was (a TextPositionSelector): it
 * settles ties between equally good places and makes the common case (nothing moved) a slice.
 */
export function anchor(text: Prepared, quote: Quote, hint?: Span | null): Anchored | null {
  const { raw, folded } = text;
  if (!quote.exact) return null;
  if (hint && hint.end <= raw.length && raw.slice(hint.start, hint.end) === quote.exact &&
    raw.slice(Math.max(0, hint.start - quote.prefix.length), hint.start) === quote.prefix &&
    raw.slice(hint.end, hint.end + quote.suffix.length) === quote.suffix) {
    return { start: hint.start, end: hint.end, how: 'exact', errors: 0 };
  }
  const q = foldText(quote.exact);
  if (!q) return null;
  const c: Ctx = { t: folded.text, pre: foldText(quote.prefix), suf: foldText(quote.suffix) };
  const hintAt = hint ? toFolded(folded, hint.start) : -1;
  const exact = exactStep(c, q, hintAt);
  if (exact === 'ambiguous') return null;
  const found = exact ?? contextStep(c, q) ?? endsStep(c, q, hintAt) ?? fuzzyStep(c, q, hintAt);
  if (!found || found.fe <= found.fs) return null;
  return { ...fromFolded(folded, found.fs, found.fe), how: exact ? 'exact' : 'fuzzy', errors: found.errors };
}

/** The quote of text[start, end) with its context, as a TextQuoteSelector holds it. */
export function describe(text: string, span: Span, contextChars = 32): Quote {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - contextChars), span.start),
    suffix: text.slice(span.end, span.end + contextChars),
  };
}
