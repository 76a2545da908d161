// The whole Chinese tagger (rules + pack, as findEntities runs it) on the training documents a
// held-out model never saw, and on the Chinese dev sets. Weibo has no dev set: its held-out tenth
// is where the social-media side is tuned, reported as held-out, never as unseen.
//
//   npx tsx scripts/train-entities.ts --lang zh --heldout --out /tmp/zh-heldout.json
//   npx tsx bench/entities-heldout.ts --model /tmp/zh-heldout.json [--dev]
// The held-out documents are those train-entities.ts --heldout keeps out: every 10th of each set.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import '../src/core/entities/model/all-packs.ts';
import { registerPack } from '../src/core/entities/model/registry.ts';
import type { PackedModel } from '../src/core/entities/model/tagger.ts';
import { findEntities } from '../src/core/entities/index.ts';
import { scoreSet, type GoldDoc, type Prediction } from './entities-metric.ts';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const opt = (k: string): string | undefined => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const modelFile = opt('model');
if (!modelFile) {
  process.stderr.write('usage: npx tsx bench/entities-heldout.ts --model FILE.json [--dev]\n');
  process.exit(2);
}
registerPack('zh', JSON.parse(readFileSync(modelFile, 'utf8')) as PackedModel);

const readDocs = (file: string): GoldDoc[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
const TRAIN = resolve(ROOT, '../shared/bench/ner-train');
const DEV = resolve(ROOT, '../shared/bench/ner-dev');
const sets: [string, GoldDoc[]][] = ['weibo-zh-train', 'msra-zh-train', 'cluener-zh-train'].map((s) => [`${s} (held-out)`, readDocs(join(TRAIN, `${s}.jsonl`)).filter((_, i) => i % 10 === 9)]);
if (argv.includes('--dev')) for (const s of ['peoplesdaily-zh-dev', 'cluener-zh-dev']) sets.push([s, readDocs(join(DEV, `${s}.jsonl`))]);

const f3 = (x: number): string => x.toFixed(3);
const result: Record<string, unknown> = {};
for (const [name, docs] of sets) {
  const preds = new Map<string, Prediction[]>();
  for (const d of docs) preds.set(d.id, findEntities({ doc: null, article: { title: '', text: d.text, lang: 'zh' } }).map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })));
  const s = scoreSet(docs, preds);
  process.stdout.write(`${name}\t${docs.length} docs\ttyped P ${f3(s.typed.p)} R ${f3(s.typed.r)} F1 ${f3(s.typed.f1)}\tper ${f3(s.perType.person.f1)} pla ${f3(s.perType.place.f1)} org ${f3(s.perType.organization.f1)}\n`);
  result[name] = { docs: docs.length, typed: { p: +f3(s.typed.p), r: +f3(s.typed.r), f1: +f3(s.typed.f1) } };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
