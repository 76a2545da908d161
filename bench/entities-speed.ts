// Time of the entity layers per article against plain Readability's parse of the same page, in
// the same run (the ratio is what counts on a noisy machine). Parsing HTML into a DOM is outside
// both timings; Readability gets its own fresh DOM each round, as it mutates the one it is given.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/core/extract/index.ts';
import '../src/core/entities/model/all-packs.ts';
import { findEntities } from '../src/core/entities/index.ts';

const ROUNDS = 3;

function parse(html: string): Document {
  return new JSDOM(html, { url: 'https://example.org/', virtualConsole: new VirtualConsole() }).window.document;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};

export async function runSpeed(dir: string, limit: number): Promise<Record<string, number>> {
  const htmlDir = join(dir, 'html');
  const files = readdirSync(htmlDir).filter((f) => /\.html(\.gz)?$/.test(f)).sort().slice(0, limit);
  const readabilityMs: number[] = [];
  const entitiesMs: number[] = [];
  const ratios: number[] = [];
  let entities = 0;
  for (const f of files) {
    let bytes: Buffer = readFileSync(join(htmlDir, f));
    if (f.endsWith('.gz')) bytes = gunzipSync(bytes);
    const html = bytes.toString('utf8');
    const rd: number[] = [];
    const en: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const d1 = parse(html);
      const t0 = performance.now();
      new Readability(d1).parse();
      rd.push(performance.now() - t0);
      const d2 = parse(html);
      const { article } = extractArticle(d2, { force: true });
      if (!article) continue;
      const t1 = performance.now();
      const found = findEntities({ doc: d2, article, uiLang: 'en' });
      en.push(performance.now() - t1);
      if (round === 0) entities += found.length;
    }
    if (en.length === 0) continue;
    readabilityMs.push(median(rd));
    entitiesMs.push(median(en));
    ratios.push(median(en) / median(rd));
    process.stderr.write(`${f.slice(0, 12)} readability ${median(rd).toFixed(1)} ms, entities ${median(en).toFixed(2)} ms\n`);
  }
  const r = (x: number) => +x.toFixed(3);
  return {
    pages: entitiesMs.length,
    readabilityMsMedian: r(median(readabilityMs)),
    entitiesMsMedian: r(median(entitiesMs)),
    ratioOfMedians: r(median(entitiesMs) / median(readabilityMs)),
    ratioMedianPerPage: r(median(ratios)),
    entitiesPerPage: r(entities / Math.max(1, entitiesMs.length)),
  };
}
