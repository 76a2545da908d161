import type { CorpusPage } from './library-corpus.ts';

// Search queries for bench:library, drawn from the corpus itself so that each finds something:
// Latin words (5+ letters) from English and European pages' texts, and Chinese words (2-4 Han
// characters) from CJK pages' texts. Deterministic: the same corpus gives the same queries.

function pick<T>(items: T[], n: number, seed: number): T[] {
  const out: T[] = [];
  let x = seed;
  const used = new Set<number>();
  while (out.length < n && used.size < items.length) {
    // 32-bit LCG (Math.imul keeps it exact; plain doubles lose bits and cycle).
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const i = x % items.length;
    if (used.has(i)) continue;
    used.add(i);
    out.push(items[i]!);
  }
  return out;
}

export function latinQueries(corpus: CorpusPage[], n: number): string[] {
  const words = new Set<string>();
  for (const p of corpus) {
    if (/^(zh|ja|ko)/i.test(p.article.lang ?? '')) continue;
    for (const w of p.article.text.match(/\b[A-Za-z]{5,12}\b/g) ?? []) words.add(w.toLowerCase());
  }
  const list = [...words].sort();
  // Half one word, half two words from the same text (an AND of two terms).
  const singles = pick(list, Math.ceil(n / 2), 7);
  const pairs: string[] = [];
  for (const p of pick(corpus.filter((c) => !/^(zh|ja|ko)/i.test(c.article.lang ?? '')), n, 11)) {
    const ws = p.article.text.match(/\b[A-Za-z]{5,12}\b/g) ?? [];
    if (ws.length > 20) pairs.push(`${ws[5]!.toLowerCase()} ${ws[15]!.toLowerCase()}`);
    if (pairs.length >= Math.floor(n / 2)) break;
  }
  return [...singles, ...pairs];
}

export function cjkQueries(corpus: CorpusPage[], n: number): string[] {
  const out: string[] = [];
  const pages = corpus.filter((p) => /\p{Script=Han}{20}/u.test(p.article.text));
  for (const p of pick(pages, n * 2, 13)) {
    const runs = p.article.text.match(/\p{Script=Han}{4,}/gu) ?? [];
    if (runs.length < 3) continue;
    const run = runs[Math.floor(runs.length / 2)]!;
    const len = 2 + (out.length % 3);
    out.push(run.slice(0, len));
    if (out.length >= n) break;
  }
  return out;
}
