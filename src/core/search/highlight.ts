import { fold, foldWord, runs } from './tokenize.ts';

// Where a query matched in a title or snippet, as [start, end) ranges of the ORIGINAL string,
// so the page can wrap them in <mark> nodes. The text is folded the way the index folds it
// (case, width, Latin accents) one code point at a time, keeping a map back to the original.

interface Folded {
  text: string;
  /** Index in the original string of each UTF-16 unit of `text`. */
  map: number[];
}

function foldWithMap(s: string): Folded {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = foldWord(fold(ch));
    for (let k = 0; k < f.length; k++) map.push(i);
    text += f;
    i += ch.length;
  }
  map.push(s.length);
  return { text, map };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** Ranges of `text` that the query matched, sorted and merged. */
export function matchRanges(text: string, query: string): [number, number][] {
  const needles = runs(query);
  if (needles.length === 0 || !text) return [];
  const { text: hay, map } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const n of needles) {
    const needle = n.text;
    if (!needle) continue;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(needle, from);
      if (at < 0) break;
      from = at + needle.length;
      if (n.kind === 'word') {
        // Latin words match at a word start; the rest of the word is marked too (prefix typing).
        if (at > 0 && WORD_CHAR.test(hay[at - 1]!)) continue;
        let end = at + needle.length;
        while (end < hay.length && WORD_CHAR.test(hay[end]!)) end++;
        ranges.push([map[at]!, map[end]!]);
        from = end;
      } else ranges.push([map[at]!, map[at + needle.length]!]);
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

/**
 * A window of `text` around the first match (or its start), about `size` characters, cut at
 * spaces where the script has them. Returns the window and its ranges shifted into it.
 */
export function snippet(text: string, query: string, size = 180): { text: string; ranges: [number, number][] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = query ? matchRanges(flat, query) : [];
  const first = ranges[0];
  let start = 0;
  // A short lead-in: the row shows two lines, and CJK fills them in about 50 characters.
  const lead = Math.min(24, Math.floor(size / 3));
  if (first && first[0] > lead) {
    start = first[0] - lead;
    const space = flat.lastIndexOf(' ', start + 12);
    if (space > start - 20 && space < first[0]) start = space + 1;
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
  const inside = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [a + shift, b + shift]);
  return { text: out, ranges: inside };
}
