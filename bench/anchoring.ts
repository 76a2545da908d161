import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeAnnotation, reanchor, reanchorAll } from '../src/core/annotations/annotation.ts';
import { prepare } from '../src/core/annotations/anchor.ts';
import { foldText } from '../src/core/annotations/fold.ts';
import { positionOf, type Annotation } from '../src/core/annotations/types.ts';
import { addAds, changeWhitespace, EditedText, insertParagraph, pick, rewordSentence, rng, type Rng } from './lib/page-edits.ts';

// npm run bench:anchoring: highlights placed at random on the golden fixtures' article texts,
// the texts then changed as pages change between two savings (a paragraph inserted, sentences
// reworded, advertising lines added between paragraphs, whitespace changed), and every highlight
// re-anchored on the new text. Each placement is checked against where the passage truly went
// (the edits record it): right (overlapping the true place by at least half of the two together)
// or wrong. Then the speed: 200 highlights re-anchored in a 10,000-word article, median of runs.

const ROOT = resolve(import.meta.dirname, '..');
const HIGHLIGHTS = Number(process.env.SIFT_BENCH_HIGHLIGHTS ?? 1000);
const PER_VERSION = 10;
const SEED = Number(process.env.SIFT_BENCH_SEED ?? 13);

interface Fixture {
  slug: string;
  text: string;
}

function fixtures(): Fixture[] {
  // SIFT_BENCH_FIXTURES: another copy of the fixtures (e.g. an older commit's, to replay a case).
  const dir = process.env.SIFT_BENCH_FIXTURES ?? resolve(ROOT, 'fixtures/extract');
  return readdirSync(dir).sort().flatMap((slug) => {
    const data = JSON.parse(readFileSync(resolve(dir, slug, 'expected.json'), 'utf8')) as { article: { text: string } | null };
    return data.article && data.article.text.length >= 300 ? [{ slug, text: data.article.text }] : [];
  });
}

const isCjk = (s: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(s);

/** A passage as a reader selects it: whole words in spaced scripts; short, a sentence or long. */
function randomSpan(r: Rng, text: string): { start: number; end: number } {
  const kind = r();
  const len = kind < 0.3 ? 6 + Math.floor(r() * 30) : kind < 0.8 ? 30 + Math.floor(r() * 200) : 200 + Math.floor(r() * 1300);
  let start = Math.floor(r() * Math.max(1, text.length - len));
  let end = Math.min(text.length, start + len);
  if (!isCjk(text.slice(start, end))) {
    while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start--;
    while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end++;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function changedVersion(r: Rng, fx: Fixture, all: Fixture[]): EditedText {
  const e = new EditedText(fx.text);
  // Inserted paragraphs come from other articles: seed and seed-github hold the same article, and a
  // copy of one of its own paragraphs is another edit (a repeated paragraph, where the true place
  // of a verbatim copy is undecidable; test/core/annotations-anchor.test.ts covers it).
  const folded = foldText(fx.text);
  const others = all.filter((o) => o !== fx && isCjk(o.text) === isCjk(fx.text) && !o.text.split('\n').some((p) => p.length > 60 && folded.includes(foldText(p))));
  for (let i = 0; i < 1 + Math.floor(r() * 2); i++) {
    const donor = pick(r, others.length ? others : all).text.split('\n').filter((p) => p.length > 60);
    if (donor.length) insertParagraph(e, r, pick(r, donor));
  }
  for (let i = 0; i < 3; i++) rewordSentence(e, r);
  addAds(e, r, 2 + Math.floor(r() * 3));
  changeWhitespace(e, r);
  return e;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));

interface Tally {
  highlights: number;
  placedExact: number;
  placedFuzzy: number;
  notFound: number;
  wrong: number;
}
const tally = (): Tally => ({ highlights: 0, placedExact: 0, placedFuzzy: 0, notFound: 0, wrong: 0 });

function quality(all: Fixture[]): { total: Tally; unchanged: Tally; changed: Tally } {
  const r = rng(SEED);
  const total = tally();
  const unchanged = tally();
  const changed = tally();
  let id = 0;
  for (let v = 0; total.highlights < HIGHLIGHTS; v++) {
    const fx = all[v % all.length]!;
    const edited = changedVersion(r, fx, all);
    const target = prepare(edited.text);
    for (let i = 0; i < PER_VERSION && total.highlights < HIGHLIGHTS; i++) {
      const span = randomSpan(r, fx.text);
      if (span.end <= span.start) continue;
      const a = makeAnnotation(`urn:uuid:bench-${id++}`, fx.text, span, 'yellow');
      const truth = { start: edited.map(span.start, 'start'), end: edited.map(span.end, 'end') };
      const same = foldText(edited.text.slice(truth.start, truth.end)) === foldText(fx.text.slice(span.start, span.end));
      const { annotation, placement } = reanchor(a, target);
      const pos = positionOf(annotation);
      for (const t of [total, same ? unchanged : changed]) {
        t.highlights++;
        if (!pos) t.notFound++;
        else if (truth.end <= truth.start || overlap(pos, truth) < 0.5) {
          t.wrong++;
          // SIFT_BENCH_DEBUG=1 shows each wrong placement, to see why.
          if (t === total && process.env.SIFT_BENCH_DEBUG) {
            console.error(JSON.stringify({ fx: fx.slug, old: a.target.selector[0], pos: positionOf(a), truthAt: truth, gotAt: pos, truth: edited.text.slice(truth.start, truth.end), got: edited.text.slice(pos.start, pos.end) }));
          }
        }
        else if (placement === 'fuzzy') t.placedFuzzy++;
        else t.placedExact++;
      }
    }
  }
  return { total, unchanged, changed };
}

/** 200 highlights in a 10,000-word article made of the fixtures in spaced scripts, after edits. */
function speed(all: Fixture[]): { words: number; medianMs: number; unchangedMedianMs: number } {
  const r = rng(SEED + 1);
  const parts: string[] = [];
  let words = 0;
  for (const fx of all.filter((f) => !isCjk(f.text))) {
    if (words >= 10_000) break;
    const w = fx.text.split(/\s+/);
    const take = w.slice(0, 10_000 - words).join(' ');
    parts.push(take);
    words += Math.min(w.length, 10_000 - words);
  }
  const long: Fixture = { slug: 'long', text: parts.join('\n') };
  const list: Annotation[] = [];
  for (let i = 0; i < 200; i++) list.push(makeAnnotation(`urn:uuid:speed-${i}`, long.text, randomSpan(r, long.text), 'yellow'));
  const edited = changedVersion(r, long, all).text;
  const runs = (text: string) => {
    const ms: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      reanchorAll(list, text);
      ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b)[10]!;
  };
  return { words, unchangedMedianMs: runs(long.text), medianMs: runs(edited) };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
const r2 = (n: number) => Math.round(n * 100) / 100;

function main(): void {
  const all = fixtures();
  const q = quality(all);
  const s = speed(all);
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.highlights} | ${t.placedExact} | ${t.placedFuzzy} | ${t.notFound} | ${t.wrong} | ${pct(t.placedExact + t.placedFuzzy, t.highlights)} |`;
  console.log(`anchoring: ${all.length} golden fixture texts, seed ${SEED}`);
  console.log('| highlights | n | placed exactly | placed fuzzy | not found | wrong | placed |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row('text unchanged', q.unchanged));
  console.log(row('text edited', q.changed));
  console.log(row('all', q.total));
  console.log(`re-anchoring 200 highlights in ${s.words} words: median ${r2(s.medianMs)} ms after edits, ${r2(s.unchangedMedianMs)} ms unchanged`);
  console.log(JSON.stringify({
    ...q.total,
    placedUnchangedRate: r2((q.unchanged.placedExact + q.unchanged.placedFuzzy) / Math.max(1, q.unchanged.highlights)),
    unchanged: q.unchanged,
    changed: q.changed,
    reanchorMedianMs: r2(s.medianMs),
    reanchorUnchangedMedianMs: r2(s.unchangedMedianMs),
    words: s.words,
  }));
}

main();
