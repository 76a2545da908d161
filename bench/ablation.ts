// npm run bench:ablation [-- --sets a,b] [--limit N] [--rules a,b] [--json FILE]
//
// Switches each rule of the registry (src/core/extract/rules.ts) off in turn and measures what the
// development pool loses or gains without it: per set, the F1 change (rule off minus all on) and
// the pages whose text changed. Each page is parsed once and extracted once with every rule on
// and once per rule off, except for the rules that were never asked on that page during the run with
// all on (each rule is asked only where it would act, src/core/extract/rules.ts): switched off,
// they cannot change the page, so that run is skipped. Then:
//   - "costs nothing": no set loses more than 0.0005 F1 without it and fewer than 1% of pages change
//     for the better or worse by more than a token: a candidate for removal;
//   - "carries one set": only one set loses more than 0.002 F1 without it: a suspect fit.
// On the whole pool this is (rules + 1) extractions per page: use --limit for a quick look (a
// deterministic sample, bench/lib/pool.ts) and run the full thing with nice in the background.
// The last line is one JSON object.
import { writeFileSync } from 'node:fs';
import { extractArticle } from '../src/core/extract/index.ts';
import { RULES, disableRules, enableAllRules, stopTrace, traceRules } from '../src/core/extract/rules.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { pageHtml, pageUrl, scorePage, type Dataset, type Page } from './lib/dataset.ts';
import { loadPool } from './lib/pool.ts';
import { aggregateShingles, aggregateSnippets, type PageScore } from './lib/metrics.ts';

const { opts } = parseArgs(process.argv.slice(2));
const names = opts.get('rules')?.split(',') ?? RULES.map((r) => r.name);
for (const n of names) if (!RULES.some((r) => r.name === n)) throw new Error(`unknown rule ${n}`);

const COSTS_NOTHING = 0.0005;
const CARRIES = 0.002;

function extractText(doc: Document, url: string, off: string | null): string {
  enableAllRules();
  if (off) disableRules([off]);
  try {
    return extractArticle(doc, { url, force: true }).article?.text ?? '';
  } catch {
    return '';
  } finally {
    enableAllRules();
  }
}

interface SetResult {
  pages: number;
  f1: number;
  rules: Record<string, { delta: number; changed: number }>;
}

async function runSet(ds: Dataset): Promise<SetResult> {
  const score = (page: Page, text: string): PageScore => scorePage(ds, page, text);
  const aggregate = (s: PageScore[]) => (ds.metric === 'snippets' ? aggregateSnippets(s) : aggregateShingles(s)).f1;
  const on: PageScore[] = [];
  const off = new Map<string, { scores: PageScore[]; changed: number }>(names.map((n) => [n, { scores: [], changed: 0 }]));
  for (const [i, page] of ds.pages.entries()) {
    const url = pageUrl(page);
    const doc = parseHtml(pageHtml(ds, page), url);
    const asked = traceRules();
    const base = extractText(doc, url, null);
    stopTrace();
    on.push(score(page, base));
    for (const n of names) {
      const text = asked.has(n) ? extractText(doc, url, n) : base;
      const o = off.get(n)!;
      o.scores.push(text === base ? on[on.length - 1]! : score(page, text));
      if (text !== base) o.changed++;
    }
    await releaseDocument(doc);
    if ((i + 1) % 25 === 0) process.stderr.write(`${ds.name} ${i + 1}/${ds.pages.length}\n`);
  }
  const f1 = aggregate(on);
  const rules: SetResult['rules'] = {};
  for (const [n, o] of off) rules[n] = { delta: +(aggregate(o.scores) - f1).toFixed(4), changed: o.changed };
  return { pages: ds.pages.length, f1: +f1.toFixed(4), rules };
}

const sets: Record<string, SetResult> = {};
for (const ds of loadPool(opts)) sets[ds.name] = await runSet(ds);

const setNames = Object.keys(sets);
const col = (s: string): string => s.padStart(16);
console.log(`F1 change with the rule off (and pages changed), per set; all rules on: ${setNames.map((s) => `${s} ${sets[s]!.f1}`).join(', ')}`);
console.log(`${'rule'.padEnd(20)}${'stage'.padEnd(14)}${setNames.map(col).join('')}`);
const verdicts: Record<string, string> = {};
for (const n of names) {
  const rule = RULES.find((r) => r.name === n)!;
  const cells = setNames.map((s) => {
    const r = sets[s]!.rules[n]!;
    return col(`${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(4)} (${r.changed})`);
  });
  const costs = setNames.filter((s) => sets[s]!.rules[n]!.delta < -CARRIES);
  const free = setNames.every((s) => sets[s]!.rules[n]!.delta >= -COSTS_NOTHING);
  const changedShare = setNames.reduce((a, s) => a + sets[s]!.rules[n]!.changed, 0) / setNames.reduce((a, s) => a + sets[s]!.pages, 0);
  verdicts[n] = free ? (changedShare < 0.01 ? 'costs nothing' : 'costs nothing in F1') : costs.length === 1 ? `carries one set (${costs[0]})` : costs.length ? `carries ${costs.length} sets` : 'small';
  console.log(`${n.padEnd(20)}${rule.stage.padEnd(14)}${cells.join('')}   ${verdicts[n]}`);
}
if (opts.has('json')) writeFileSync(opts.get('json')!, JSON.stringify(sets, null, 1));
console.log(JSON.stringify({ bench: 'ablation', limit: opts.get('limit') ?? null, sets, verdicts }));
