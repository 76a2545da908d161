// npm run bench:entity-junk -- --dump PANELS.jsonl, then:
// tsx bench/entity-junk-audit.ts PANELS.jsonl [--n 100] [--seed 17]
//   Draws names at random (seeded) from the dev pages' panels for a hand audit: one line each with
//   the page's language, set and id, the name, its type and count, and the words around its first
//   mention. The judge's verdicts go in docs/entity-junk-audit.md.
import { readFileSync } from 'node:fs';
// The same small seeded generator as the anchoring bench (mulberry32), so the same dump gives the same draw.
import { rng } from './lib/page-edits.ts';

interface Row {
  name: string;
  type: string;
  count: number;
  ctx: string;
}


const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith('--'));
const opt = (k: string, d: number): number => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
if (!file) {
  process.stderr.write('usage: tsx bench/entity-junk-audit.ts PANELS.jsonl [--n 100] [--seed 17]\n');
  process.exit(2);
}
const all: { lang: string; set: string; id: string; e: Row }[] = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const p = JSON.parse(line) as { lang: string; set: string; id: string; entities: Row[] };
  for (const e of p.entities) all.push({ lang: p.lang, set: p.set, id: p.id, e });
}
const next = rng(opt('seed', 17));
const n = Math.min(opt('n', 100), all.length);
// A partial Fisher-Yates shuffle: the first n of a seeded permutation.
for (let i = 0; i < n; i++) {
  const j = i + Math.floor(next() * (all.length - i));
  [all[i], all[j]] = [all[j]!, all[i]!];
}
all.slice(0, n).forEach((x, i) => {
  process.stdout.write(`${i + 1}\t${x.lang}\t${x.set}\t${x.id.slice(0, 12)}\t${x.e.name}\t${x.e.type}\t${x.e.count}\t${x.e.ctx}\n`);
});
process.stdout.write(`${JSON.stringify({ drawn: n, of: all.length, seed: opt('seed', 17) })}\n`);
