// npx tsx bench/net-collect.ts [-- --sets a,b] [--limit N] [--only id,id] --out FILE [--no-cache]
// Writes the safety net's training rows (bench/lib/net-rows.ts) for the pool to FILE (JSON), for
// bench/tune-net.ts --rows-file.
import { writeFileSync } from 'node:fs';
import { parseArgs } from '../src/cli/args.ts';
import { loadPool } from './lib/pool.ts';
import { collectNetRows, type NetRow } from './lib/net-rows.ts';

const { opts } = parseArgs(process.argv.slice(2), ['no-cache']);
const out = opts.get('out');
if (!out) throw new Error('--out FILE is required');
const rows: NetRow[] = [];
// --only: pages by id prefix (the pages a bench:quality run found far below Readability, added to a
// sample so the models see the failures they are for; they are marked and judged apart).
const only = opts.get('only')?.split(',');
for (const ds of loadPool(opts)) {
  if (only) ds.pages = ds.pages.filter((p) => only.some((o) => p.id.startsWith(o)));
  if (!ds.pages.length) continue;
  const got = await collectNetRows(ds, !opts.has('no-cache'));
  rows.push(...(only ? got.map((r) => ({ ...r, picked: true })) : got));
  writeFileSync(out, JSON.stringify(rows));
}
console.log(JSON.stringify({ bench: 'net-collect', pages: rows.length, out }));
