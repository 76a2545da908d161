// franc-min's francAll, computed the same way but faster: it was a quarter of the entity layers'
// time on English pages (profiled on zyte/trafilatura/newsweb-dev). franc looks up each of the
// text's trigrams in one object per language (44 for Latin script) and builds a string for every
// trigram; here each trigram is a number (its three UTF-16 units) and one table lookup gives its
// rank in every language of the script at once. Same data, same integer distances, same stable
// sort and normalisation: the same ranked list, score for score (test/trigram-lang.test.ts checks
// it against franc-min itself).
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// franc-min's constants.
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptTable {
  langs: string[];
  /** Trigram code -> row. */
  row: Map<number, number>;
  /** Row r's languages and ranks are lang[k], rank[k] for k in from[r]..from[r + 1]. */
  from: Int32Array;
  lang: Uint8Array;
  rank: Int16Array;
}

const tables = new Map<string, ScriptTable>();

/**
 * A trigram as a number: three units under 1024 (Latin, Greek, Cyrillic...) pack into a small
 * integer, which Maps hash fastest; any other trigram takes a larger number (all three units).
 */
function code(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : 1073741824 + a * 4294967296 + b * 65536 + c;
}

/**
 * A script's table, built on first use (franc-min builds its objects for every script at load).
 * Cheap, as it runs on the first page of every tab: one Map of small integers and flat arrays.
 */
function tableFor(script: string): ScriptTable {
  let t = tables.get(script);
  if (t) return t;
  const byLang = data[script]!;
  const langs = Object.keys(byLang);
  const row = new Map<number, number>();
  const lastLang: number[] = [];
  const rows: number[] = [];
  const ranks: number[] = [];
  const owners: number[] = [];
  langs.forEach((lang, l) => {
    const model = byLang[lang]!;
    // The model is trigrams joined by '|'; a trigram's rank is its place in the list. Only
    // three-unit entries can equal a text's trigram; a trigram listed twice keeps its first rank,
    // as in franc-min's objects.
    let weight = 0;
    for (let i = 0; i <= model.length; weight++) {
      let j = model.indexOf('|', i);
      if (j < 0) j = model.length;
      if (j - i === 3) {
        const c = code(model, i);
        let r = row.get(c);
        if (r === undefined) {
          row.set(c, (r = row.size));
          lastLang.push(-1);
        }
        if (lastLang[r] !== l) {
          lastLang[r] = l;
          rows.push(r);
          owners.push(l);
          ranks.push(weight);
        }
      }
      i = j + 1;
    }
  });
  const from = new Int32Array(row.size + 1);
  for (const r of rows) from[r + 1]!++;
  for (let r = 0; r < row.size; r++) from[r + 1] = from[r + 1]! + from[r]!;
  const fill = from.slice(0, row.size);
  const lang = new Uint8Array(rows.length);
  const rank = new Int16Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const at = fill[rows[k]!]!++;
    lang[at] = owners[k]!;
    rank[at] = ranks[k]!;
  }
  t = { langs, row, from, lang, rank };
  tables.set(script, t);
  return t;
}

// Which of franc-min's script expressions each BMP character matches (bit per script, in the
// expressions' order), cached as characters are met: 0 = not yet known.
const SCRIPTS = Object.keys(expressions);
const ONE = SCRIPTS.map((s) => new RegExp(`^(?:${expressions[s]!.source})$`));
const scriptBits = new Uint32Array(65536);
const KNOWN = 2 ** 31;
const SURROGATE = /[\ud800-\udfff]/;

/** The most used script of `value` (franc-min's getTopScript: share of matches, first best wins). */
function topScript(value: string): [string | undefined, number] {
  let counts: number[];
  if (SURROGATE.test(value)) {
    // Astral characters: the expressions' own matching (pairs), as franc-min counts them.
    counts = SCRIPTS.map((s) => value.match(expressions[s]!)?.length ?? 0);
  } else {
    counts = SCRIPTS.map(() => 0);
    for (let i = 0; i < value.length; i++) {
      const u = value.charCodeAt(i);
      let bits = scriptBits[u]!;
      if (bits === 0) {
        const ch = value[i]!;
        bits = KNOWN;
        for (let k = 0; k < ONE.length; k++) if (ONE[k]!.test(ch)) bits |= 1 << k;
        scriptBits[u] = bits >>> 0;
      }
      if (bits !== KNOWN) for (let k = 0; k < ONE.length; k++) if (bits & (1 << k)) counts[k]!++;
    }
  }
  let topCount = -1;
  let top: string | undefined;
  SCRIPTS.forEach((script, k) => {
    const count = counts[k]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  });
  return [top, topCount];
}

/** Counts of the trigrams of franc's cleaned text, keyed by code (trigram-utils' asDictionary). */
function trigramCounts(value: string): Map<number, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const c = code(cleaned, i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

/** franc-min's francAll(value, { minLength }): languages (ISO 639-3) best first, scored 0..1. */
export function francAll(input: string, options: { minLength?: number } = {}): [string, number][] {
  const minLength = options.minLength ?? 10;
  if (!input || input.length < minLength) return [['und', 1]];
  const value = input.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) return !script || share === 0 ? [['und', 1]] : [[script, 1]];
  const { langs, row, from, lang, rank } = tableFor(script);
  const dist = new Float64Array(langs.length);
  let distinct = 0;
  for (const [c, count] of trigramCounts(value)) {
    distinct++;
    const r = row.get(c);
    if (r === undefined) continue;
    for (let k = from[r]!; k < from[r + 1]!; k++) dist[lang[k]!] = dist[lang[k]!]! + Math.abs(count - rank[k]! - 1) - MAX_DIFFERENCE;
  }
  const distances: [string, number][] = langs.map((lang, l) => [lang, distinct * MAX_DIFFERENCE + dist[l]!]);
  distances.sort((a, b) => a[1] - b[1]);
  // franc-min's normalize.
  const min = distances[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const d of distances) d[1] = 1 - (d[1] - min) / max || 0;
  return distances;
}
