// npm run bench:entities -- --data FILE.jsonl [--data FILE2.jsonl ...] [--pred PRED.jsonl] [--errors N]
//   Scores the tagger (or a predictions file) with the document-level metric of
//   ../shared/bench/ner-dev/README.md. Prints a table per set and, last, one JSON object.
// npm run bench:entities -- --speed DIR [--limit N]
//   Median time of the entity layers per page of DIR/html/*.html.gz against plain Readability's
//   parse of the same page, same run.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import '../src/core/entities/model/all-packs.ts';
import { findEntities } from '../src/core/entities/index.ts';
import { scoreSet, type GoldDoc, type Prediction, type SetScores } from './entities-metric.ts';
import { runSpeed } from './entities-speed.ts';

function argsOf(argv: string[]): { data: string[]; pred: string | null; errors: number; speed: string | null; limit: number } {
  const out = { data: [] as string[], pred: null as string | null, errors: 0, speed: null as string | null, limit: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1] ?? '';
    if (!a.startsWith('--')) {
      out.data.push(a);
      continue;
    }
    i++;
    if (a === '--data') out.data.push(v);
    else if (a === '--pred') out.pred = v;
    else if (a === '--errors') out.errors = Number(v);
    else if (a === '--speed') out.speed = v;
    else if (a === '--limit') out.limit = Number(v);
  }
  return out;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function tag(docs: (GoldDoc & { lang?: string })[]): { preds: Map<string, Prediction[]>; ms: number[] } {
  const preds = new Map<string, Prediction[]>();
  const ms: number[] = [];
  for (const d of docs) {
    const t0 = performance.now();
    const ents = findEntities({ doc: null, article: { title: '', text: d.text, lang: d.lang ?? null } });
    ms.push(performance.now() - t0);
    preds.set(d.id, ents.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })));
  }
  return { preds, ms };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};
const f3 = (x: number): string => x.toFixed(3);

function printErrors(docs: GoldDoc[], preds: Map<string, Prediction[]>, n: number): void {
  // For finding failure classes, not for fitting names: prints a sample of misses and false alarms.
  let shown = 0;
  for (const d of docs) {
    if (shown >= n) break;
    const gold = new Set(d.entities.map((e) => `${e.type}:${e.name}`));
    const got = new Set((preds.get(d.id) ?? []).filter((p) => p.type !== 'topic').map((p) => `${p.type}:${p.name}`));
    const miss = [...gold].filter((g) => !got.has(g));
    const extra = [...got].filter((g) => !gold.has(g));
    process.stderr.write(`${d.id}\n  missed: ${miss.join(' | ')}\n  extra:  ${extra.join(' | ')}\n`);
    shown++;
  }
}

function row(name: string, s: SetScores, ms: number): string {
  const pt = s.perType;
  return [name, f3(s.any.p), f3(s.any.r), f3(s.any.f1), f3(s.typed.p), f3(s.typed.r), f3(s.typed.f1), f3(pt.person.f1), f3(pt.place.f1), f3(pt.organization.f1), ms.toFixed(2)].join('\t');
}

async function main(): Promise<void> {
  const args = argsOf(process.argv.slice(2));
  if (args.speed) {
    const res = await runSpeed(args.speed, args.limit);
    process.stdout.write(`${JSON.stringify(res)}\n`);
    return;
  }
  if (args.data.length === 0) {
    process.stderr.write('usage: npm run bench:entities -- --data FILE.jsonl [--pred PRED.jsonl] [--errors N] | --speed DIR\n');
    process.exit(2);
  }
  const result: Record<string, unknown> = {};
  process.stdout.write('set\tanyP\tanyR\tanyF1\ttypedP\ttypedR\ttypedF1\tpersonF1\tplaceF1\torgF1\tms/doc(median)\n');
  for (const file of args.data) {
    const docs = readJsonl<GoldDoc & { lang?: string }>(file);
    let preds: Map<string, Prediction[]>;
    let ms: number[] = [];
    if (args.pred) {
      preds = new Map(readJsonl<{ id: string; entities: Prediction[] }>(args.pred).map((p) => [p.id, p.entities]));
    } else {
      tag(docs.slice(0, 20)); // warm up: JIT and the per-language tables built on first use
      ({ preds, ms } = tag(docs));
    }
    const scores = scoreSet(docs, preds);
    const name = basename(file).replace(/\.jsonl$/, '');
    process.stdout.write(`${row(name, scores, median(ms))}\n`);
    if (args.errors > 0) printErrors(docs, preds, args.errors);
    const r = (x: { p: number; r: number; f1: number }) => ({ p: +f3(x.p), r: +f3(x.r), f1: +f3(x.f1) });
    result[name] = {
      docs: scores.docs,
      any: r(scores.any),
      typed: r(scores.typed),
      perType: Object.fromEntries(Object.entries(scores.perType).map(([k, v]) => [k, r(v)])),
      msPerDocMedian: +median(ms).toFixed(3),
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
