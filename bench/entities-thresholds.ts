// npx tsx bench/entities-thresholds.ts --lang de [--sets wikiann-de-dev,germeval-de-dev] [--dir DIR]
//     [--q 0,0.1,0.2] [--joint 1]
//   Sweeps one language pack's per-type score floors (model/thresholds.ts) on dev sets: for each
//   type, the floors at quantiles of that type's span scores, the other types unfloored (with
//   --joint, every type at the same quantile at once); prints
//   typed P / R / F1 per set and floor, and last one JSON object. Floors are chosen from this on
//   dev data; the model is never trained on it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import '../src/core/entities/model/all-packs.ts';
import { findEntities } from '../src/core/entities/index.ts';
import { setFloors, tag } from '../src/core/entities/model/registry.ts';
import type { NameType } from '../src/core/entities/model/tagger.ts';
import { scoreSet, type GoldDoc, type Prediction } from './entities-metric.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const lang = args.get('lang') ?? 'de';
const dir = args.get('dir') ?? resolve(import.meta.dirname, '../../shared/bench/ner-dev');
const sets = (args.get('sets') ?? `wikiann-${lang}-dev${lang === 'de' ? ',germeval-de-dev' : ''}`).split(',');
const quantiles = (args.get('q') ?? '0,0.05,0.1,0.15,0.2,0.3,0.4').split(',').map(Number);
const docsOf = (s: string): (GoldDoc & { lang?: string })[] =>
  readFileSync(`${dir}/${s}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc & { lang?: string });
const data = sets.map((s) => ({ name: s, docs: docsOf(s) }));

function run(): Record<string, { p: number; r: number; f1: number }> {
  const out: Record<string, { p: number; r: number; f1: number }> = {};
  for (const { name, docs } of data) {
    const preds = new Map<string, Prediction[]>();
    for (const d of docs) {
      const ents = findEntities({ doc: null, article: { title: '', text: d.text, lang: d.lang ?? null } });
      preds.set(d.id, ents.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })));
    }
    const t = scoreSet(docs, preds).typed;
    out[name] = { p: +t.p.toFixed(3), r: +t.r.toFixed(3), f1: +t.f1.toFixed(3) };
  }
  return out;
}

// Span scores of the pack on the first set, per type, for the quantiles.
const scores: Record<NameType, number[]> = { person: [], place: [], organization: [] };
for (const d of data[0]!.docs) for (const m of tag(lang, d.text)) scores[m.type].push(m.score);
const result: Record<string, unknown> = { base: run() };
process.stdout.write(`base ${JSON.stringify(result.base)}\n`);
const TYPES: NameType[] = ['person', 'place', 'organization'];
const at = (type: NameType, q: number): number => +scores[type][Math.floor(q * (scores[type].length - 1))]!.toFixed(3);
for (const t of TYPES) scores[t].sort((a, b) => a - b);
if (args.get('joint')) {
  for (const q of quantiles.slice(1)) {
    const floors = Object.fromEntries(TYPES.map((t) => [t, at(t, q)]));
    setFloors(lang, floors);
    const r = run();
    result[`all@${q}=${JSON.stringify(floors)}`] = r;
    process.stdout.write(`all q${q} floors ${JSON.stringify(floors)} ${JSON.stringify(r)}\n`);
  }
}
for (const type of args.get('joint') ? [] : TYPES) {
  const s = scores[type].sort((a, b) => a - b);
  for (const q of quantiles.slice(1)) {
    const floor = +s[Math.floor(q * (s.length - 1))]!.toFixed(3);
    setFloors(lang, { [type]: floor });
    const r = run();
    result[`${type}@${q}=${floor}`] = r;
    process.stdout.write(`${type} q${q} floor ${floor} ${JSON.stringify(r)}\n`);
  }
}
setFloors(lang, null);
process.stdout.write(`${JSON.stringify(result)}\n`);
