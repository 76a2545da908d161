// The whole tagger (rules + pack, as findEntities runs it) on the training documents a held-out
// model never saw, and on the dev sets of the language. Weibo has no dev set: its held-out tenth
// is where the social-media side is tuned, reported as held-out, never as unseen. For English,
// GMB held-out is also scored with each document's first line in capitals (a headline, as
// CoNLL-2003's Reuters news has), the stand-in for unseen news.
//
//   npx tsx scripts/train-entities.ts --lang zh --heldout --out /tmp/zh-heldout.json
//   npx tsx bench/entities-heldout.ts --model /tmp/zh-heldout.json [--lang zh|en] [--dev]
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
  process.stderr.write('usage: npx tsx bench/entities-heldout.ts --model FILE.json [--lang zh|en] [--dev]\n');
  process.exit(2);
}
const LANG = opt('lang') ?? 'zh';
registerPack(LANG, JSON.parse(readFileSync(modelFile, 'utf8')) as PackedModel);

const readDocs = (file: string): GoldDoc[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
const TRAIN = resolve(ROOT, '../shared/bench/ner-train');
const DEV = resolve(ROOT, '../shared/bench/ner-dev');
const TRAIN_SETS: Record<string, string[]> = { zh: ['weibo-zh-train', 'msra-zh-train', 'cluener-zh-train'], en: ['gmb-en-train', 'wikiann-en-train', 'wnut17-en-train'] };
const DEV_SETS: Record<string, string[]> = { zh: ['peoplesdaily-zh-dev', 'cluener-zh-dev'], en: ['gmb-en-dev', 'wikiann-en-dev', 'wnut17-en-dev'] };
const sets: [string, GoldDoc[]][] = TRAIN_SETS[LANG]!.map((s) => [`${s} (held-out)`, readDocs(join(TRAIN, `${s}.jsonl`)).filter((_, i) => i % 10 === 9)]);
/** The document with its first line in capitals (English keeps every offset so). */
const headline = (d: GoldDoc): GoldDoc => {
  const nl = d.text.indexOf('\n');
  const cut = nl < 0 ? d.text.length : nl;
  return { ...d, text: d.text.slice(0, cut).toUpperCase() + d.text.slice(cut) };
};
if (LANG === 'en') sets.push(['gmb-en-train (held-out, first line in capitals)', sets[0]![1].map(headline)]);
if (argv.includes('--dev')) for (const s of DEV_SETS[LANG]!) sets.push([s, readDocs(join(DEV, `${s}.jsonl`))]);

const f3 = (x: number): string => x.toFixed(3);
const result: Record<string, unknown> = {};
for (const [name, docs] of sets) {
  const preds = new Map<string, Prediction[]>();
  for (const d of docs) preds.set(d.id, findEntities({ doc: null, article: { title: '', text: d.text, lang: LANG } }).map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })));
  const s = scoreSet(docs, preds);
  process.stdout.write(`${name}\t${docs.length} docs\ttyped P ${f3(s.typed.p)} R ${f3(s.typed.r)} F1 ${f3(s.typed.f1)}\tper ${f3(s.perType.person.f1)} pla ${f3(s.perType.place.f1)} org ${f3(s.perType.organization.f1)}\n`);
  result[name] = { docs: docs.length, typed: { p: +f3(s.typed.p), r: +f3(s.typed.r), f1: +f3(s.typed.f1) } };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
