// The one value of votes.ts chosen on the dev sets: the log-odds threshold under which a span is
// dropped (the weights themselves are fitted on held-out training documents, scripts/fit-votes.ts).
// Typed F1 of every English and Chinese dev set per threshold, and the smallest of their changes
// against the shipped threshold.
//
//   npx tsx bench/votes-threshold.ts --lang en|zh [--thresholds -2,-1.5,-1,-0.5,0] [--sets gmb-en-dev,...]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import '../src/core/entities/model/all-packs.ts';
import { findEntities } from '../src/core/entities/index.ts';
import { setVoteWeights, type VoteWeights } from '../src/core/entities/votes.ts';
import shipped from '../src/core/entities/data/votes.json';
import { scoreSet, type GoldDoc, type Prediction } from './entities-metric.ts';

const argv = process.argv.slice(2);
const opt = (k: string): string | undefined => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DEV = resolve(import.meta.dirname, '../../shared/bench/ner-dev');
const sets = (opt('sets') ?? (opt('lang') === 'zh' ? 'peoplesdaily-zh-dev,cluener-zh-dev' : 'gmb-en-dev,wikiann-en-dev,wnut17-en-dev')).split(',');
const thresholds = (opt('thresholds') ?? '-2,-1.5,-1,-0.5,0').split(',').map(Number);
// Each language's threshold is swept alone: the sets of the other keep the shipped one.
const lang = opt('lang') ?? 'en';
const docsOf = new Map(sets.map((s) => [s, readFileSync(join(DEV, `${s}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc & { lang?: string })]));

const result: Record<string, Record<string, number>> = {};
process.stdout.write(`threshold\t${sets.join('\t')}\n`);
for (const t of thresholds) {
  // Latin names in Chinese text are weighed by the English votes too: a Chinese sweep needs an
  // English threshold, the lowest swept (nothing of English dropped) unless one ships.
  const base = (shipped as VoteWeights).thresholds;
  setVoteWeights({ ...(shipped as VoteWeights), thresholds: { en: base.en ?? -6, ...base, [lang]: t } });
  const row: Record<string, number> = {};
  for (const s of sets) {
    const docs = docsOf.get(s)!;
    const preds = new Map<string, Prediction[]>();
    for (const d of docs) preds.set(d.id, findEntities({ doc: null, article: { title: '', text: d.text, lang: d.lang ?? null } }).map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })));
    row[s] = +scoreSet(docs, preds).typed.f1.toFixed(3);
  }
  result[String(t)] = row;
  process.stdout.write(`${t}\t${sets.map((s) => row[s]!.toFixed(3)).join('\t')}\n`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
