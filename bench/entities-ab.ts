// npx tsx bench/entities-ab.ts --base DIR [--sets a,b] [--limit N] [--rounds R]
//
// The entity layers of this tree against those of another tree (DIR: a checkout or copy of the
// repository, e.g. main from before a speed change, with node_modules reachable from it), and
// both against plain Readability, on the same pages in the same process: on a shared, noisy
// machine two separate bench:speed runs cannot be compared, one interleaved run can. Per page:
// parse and extract once (untimed); then R rounds, each timing plain Readability (clone + parse,
// as bench/speed.ts), the base tree's findNamesAndTags and this tree's, in rotating order; the
// page's figure for each is its median over the rounds. Per set it prints each side's entity
// median over Readability's median (the ratio) and the median of the per-page ratios
// this/base; it also checks that both trees give the same output. Last line: one JSON object.
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { runPipeline } from '../src/core/pipeline.ts';
import '../src/core/entities/model/all-packs.ts';
import { findNamesAndTags } from '../src/core/entities/index.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { pageHtml, pageUrl } from './lib/dataset.ts';
import { loadPool } from './lib/pool.ts';
import { median } from './lib/timer.ts';

type Find = typeof findNamesAndTags;
const { opts } = parseArgs(process.argv.slice(2), []);
const baseDir = resolve(opts.get('base') ?? '');
if (!opts.get('base')) throw new Error('--base DIR is required');
// The base tree is code the developer names on the command line (a bench tool, never shipped).
// eslint-disable-next-line no-unsanitized/method
await import(resolve(baseDir, 'src/core/entities/model/all-packs.ts'));
// eslint-disable-next-line no-unsanitized/method
const baseFind = ((await import(resolve(baseDir, 'src/core/entities/index.ts'))) as { findNamesAndTags: Find }).findNamesAndTags;
const rounds = Number(opts.get('rounds') ?? 3);

const time = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

const all: Record<string, unknown> = {};
for (const ds of loadPool(opts)) {
  const rb: number[] = [];
  const base: number[] = [];
  const mine: number[] = [];
  const perPage: number[] = [];
  let differing = 0;
  for (const [k, page] of ds.pages.entries()) {
    const url = pageUrl(page);
    const doc = parseHtml(pageHtml(ds, page), url);
    const out = runPipeline(doc, { url, entities: false });
    if (!out.ok || !out.article) {
      await releaseDocument(doc);
      continue;
    }
    const input = { doc, article: out.article };
    if (JSON.stringify(baseFind(input)) !== JSON.stringify(findNamesAndTags(input))) differing++;
    const t: number[][] = [[], [], []];
    const runs = [
      (): unknown => new Readability(doc.cloneNode(true) as Document).parse(),
      (): unknown => baseFind(input),
      (): unknown => findNamesAndTags(input),
    ];
    let threw = false;
    for (let r = 0; r < rounds && !threw; r++) {
      for (let j = 0; j < 3; j++) {
        const which = (j + r + k) % 3;
        try {
          t[which]!.push(time(runs[which]!));
        } catch {
          threw = true; // jsdom cannot clone a few pages: no baseline there (as bench/speed.ts)
        }
      }
    }
    await releaseDocument(doc);
    if (threw) continue;
    rb.push(median(t[0]!));
    base.push(median(t[1]!));
    mine.push(median(t[2]!));
    perPage.push(median(t[2]!) / median(t[1]!));
  }
  const res = {
    pages: rb.length,
    readabilityMedianMs: r3(median(rb)),
    baseEntitiesRatio: r3(median(base) / median(rb)),
    entitiesRatio: r3(median(mine) / median(rb)),
    perPageThisOverBase: r3(median(perPage)),
    differing,
  };
  console.log(`${ds.name}: ${JSON.stringify(res)}`);
  all[ds.name] = res;
}
console.log(JSON.stringify({ bench: 'entities-ab', base: baseDir, rounds, sets: all }));
