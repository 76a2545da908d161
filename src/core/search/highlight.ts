import { fold, runs, type Run } from './tokenize.ts';

// Where a query matched in a title or snippet, as [start, end) ranges of the ORIGINAL string,
// so the page can wrap them in <mark> nodes. The text is folded the way the index folds it
// (case, width, Latin accents) one code point at a time, keeping a map back to the original.
// That is exact but slow for a whole article (tens of thousands of characters), so a snippet
// first finds its place in a cheaply folded copy of the text (prepared once per clipping) and
// runs the exact matcher on a window of a few hundred characters around it.

interface Folded {
  text: string;
  /** Index in the original string of each UTF-16 unit of `text` (and one past the end). */
  map: ArrayLike<number>;
}

let identity = new Uint32Array(0);
/** [0, 1, ... n], shared (never written). */
function identityMap(n: number): Uint32Array {
  if (identity.length <= n) identity = Uint32Array.from({ length: Math.max(n + 1, 2 * identity.length) }, (_, i) => i);
  return identity;
}

// Characters that folding may merge with the one before (combining accents, conjoining Hangul
// vowels and finals, kana voicing marks) or lower-case to two units (İ). Without them no
// character can shrink, so a folded text as long as the original has every unit in place: it is
// folded at once, in native code, and the map is the identity. Otherwise it is folded one
// character (with the marks that follow it) at a time.
const MAY_MERGE = /[\u0130\u0300-\u036f\u1100-\u11ff\u3099\u309a\uff9e\uff9f]/;
const CLUSTERS = /.[\u0300-\u036f\u1160-\u11ff\u3099\u309a\uff9e\uff9f]*/gsu;

function foldWithMap(s: string): Folded {
  if (!MAY_MERGE.test(s)) {
    const text = foldAll(s);
    if (text.length === s.length) return { text, map: identityMap(s.length) };
  }
  let text = '';
  const map: number[] = [];
  for (const m of s.matchAll(CLUSTERS)) {
    const cluster = m[0];
    const code = cluster.charCodeAt(0);
    // ASCII needs no normalisation, only lower case.
    const f =
      cluster.length === 1 && code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : cluster) : foldAll(cluster);
    for (let k = 0; k < f.length; k++) map.push(m.index);
    text += f;
  }
  map.push(s.length);
  return { text, map };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function needlesOf(query: string): Run[] {
  return runs(query).filter((n) => n.text);
}

/** Where `needle` occurs in `hay` from `from` (Latin words only at a word start), or -1. */
function find(hay: string, n: Run, from: number): number {
  for (;;) {
    const at = hay.indexOf(n.text, from);
    if (at < 0 || n.kind !== 'word' || at === 0 || !WORD_CHAR.test(hay[at - 1]!)) return at;
    from = at + 1;
  }
}

function rangesIn(text: string, needles: readonly Run[]): [number, number][] {
  if (needles.length === 0 || !text) return [];
  const { text: hay, map } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const n of needles) {
    let from = 0;
    for (;;) {
      const at = find(hay, n, from);
      if (at < 0) break;
      let end = at + n.text.length;
      // Latin words: the rest of the word is marked too (prefix typing).
      if (n.kind === 'word') while (end < hay.length && WORD_CHAR.test(hay[end]!)) end++;
      ranges.push([map[at]!, map[end]!]);
      from = end;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Ranges of `text` that the query matched, sorted and merged. */
export function matchRanges(text: string, query: string): [number, number][] {
  return rangesIn(text, needlesOf(query));
}

/** A text ready for snippets: whitespace collapsed, plus a folded copy to find matches fast. */
export interface PreparedText {
  flat: string;
  folded: string;
}

/** Fold a whole string at once (native code), with the same rules as the index. */
function foldAll(s: string): string {
  const f = fold(s);
  return /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/.test(f) ? f.normalize('NFD').replace(/[\u0300-\u036f]+/g, '').normalize('NFC') : f;
}

export function prepareText(text: string): PreparedText {
  const flat = text.replace(/\s+/g, ' ').trim();
  return { flat, folded: foldAll(flat) };
}

/**
 * A window of `text` around the first match (or its start), about `size` characters, cut at
 * spaces where the script has them. Returns the window and its ranges shifted into it.
 */
export function snippet(text: string | PreparedText, query: string, size = 180): { text: string; ranges: [number, number][] } {
  const { flat, folded } = typeof text === 'string' ? prepareText(text) : text;
  const needles = query ? needlesOf(query) : [];
  // The first match in the folded copy. Folding rarely changes the length (ligatures, some
  // accents); when it did, the place is scaled, and the window below is wide enough for that.
  let first = -1;
  for (const n of needles) {
    const at = find(folded, n, 0);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first >= 0 && folded.length !== flat.length) first = Math.floor((first * flat.length) / Math.max(1, folded.length));
  const from = first < 0 ? 0 : Math.max(0, first - size);
  const to = Math.min(flat.length, (first < 0 ? 0 : first) + 2 * size);
  let ranges = rangesIn(flat.slice(from, to), needles).map(([a, b]): [number, number] => [a + from, b + from]);
  // Scaled too far (rare): search the whole text exactly.
  if (first >= 0 && ranges.length === 0) ranges = rangesIn(flat, needles);
  const hit = ranges[0];
  let start = 0;
  // A short lead-in: the row shows two lines, and CJK fills them in about 50 characters.
  const lead = Math.min(24, Math.floor(size / 3));
  if (hit && hit[0] > lead) {
    start = hit[0] - lead;
    const space = flat.lastIndexOf(' ', start + 12);
    if (space > start - 20 && space < hit[0]) start = space + 1;
  }
  let end = Math.min(flat.length, start + size);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + size * 0.7) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const out = prefix + flat.slice(start, end) + suffix;
  const shift = prefix.length - start;
  const inside = ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]): [number, number] => [a + shift, b + shift]);
  return { text: out, ranges: inside };
}
