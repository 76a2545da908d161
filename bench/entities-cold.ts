// npx tsx bench/entities-cold.ts [--rounds N] [--browser] [--entry FILE ...]
//   Cold start of the entity tagger per language: what the first page in a fresh content script
//   pays. The tagger (src/core/entities/index.ts, or each --entry: trees to compare, e.g. a copy of
//   src/core from before a change, run interleaved round by round) is bundled into
//   one script with esbuild, as vite bundles it into the content script. Every round starts from
//   nothing: a fresh Node process (same V8 as Chromium) or, with --browser, a freshly launched
//   headless Chromium (run that under the e2e lock: flock /tmp/sift-e2e.lock ...).
//     loadMs  = evaluating the bundle, its data literals included;
//     firstMs = the first findEntities call (tables decoded on first use are paid here);
//     warmMs  = the median of 10 further calls on the same text.
//   In Node, the process's first use of Intl (ICU start-up, 20-70 ms) is paid before timing, as a
//   browser renderer has ICU running already; --browser needs no such step.
//   Pages: three English zyte-dev pages, the seed page (zh) and two Japanese zyte-dev pages; the
//   article is extracted by Sift beforehand (not timed). doc is null: page tags use no data.
//   The machine is shared and noisy: each figure is reported as the median over the rounds and as
//   the minimum (the least disturbed round). Prints one line per page; the last line is JSON with
//   both per language (the median over the language's pages).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { extractArticle } from '../src/core/extract/index.ts';
import { parseHtml } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { chromiumPath, CHROMIUM_ARGS } from '../e2e/support/chromium.ts';
import { median } from './lib/timer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ZYTE = process.env.SIFT_ZYTE_DEV ?? resolve(ROOT, '../shared/bench/zyte-dev/html');
const PAGES: { lang: string; file: string }[] = [
  { lang: 'en', file: join(ZYTE, '04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html.gz') },
  { lang: 'en', file: join(ZYTE, '06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85.html.gz') },
  { lang: 'en', file: join(ZYTE, '08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56.html.gz') },
  { lang: 'zh', file: resolve(ROOT, 'e2e/pages/seed-article.html') },
  { lang: 'ja', file: join(ZYTE, '85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3.html.gz') },
  { lang: 'ja', file: join(ZYTE, 'f105de6e63ca91ea482f60193f6252092557f969f2fd128ff68c0d4d6b90dd7d.html.gz') },
];

interface Run {
  loadMs: number;
  firstMs: number;
  warmMs: number;
}

// The same measurement in both hosts: `load()` evaluates the bundle and returns findEntities.
const MEASURE = `async (load, input) => {
  const t0 = performance.now();
  const findEntities = await load();
  const t1 = performance.now();
  findEntities(input);
  const t2 = performance.now();
  const warm = [];
  for (let i = 0; i < 10; i++) { const a = performance.now(); findEntities(input); warm.push(performance.now() - a); }
  warm.sort((a, b) => a - b);
  return { loadMs: t1 - t0, firstMs: t2 - t1, warmMs: (warm[4] + warm[5]) / 2 };
}`;

const NODE_CHILD = `(async () => {
  new Intl.NumberFormat('en').format(1);
  const input = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
  const r = await (${MEASURE})(async () => (await import(process.argv[1])).findEntities, input);
  process.stdout.write(JSON.stringify(r));
})()`;

function html(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

async function browserRun(iife: string, input: unknown): Promise<Run> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>cold</title><p>cold start</p>');
    // The bundle's source goes in as a string and is evaluated when load() runs, as an injected
    // content script is: parse + evaluation are both inside loadMs.
    // A string, not a function: tsx would wrap a function's source in helpers the page lacks.
    const load = `async () => { const s = document.createElement('script'); s.textContent = ${JSON.stringify(iife)}; document.head.append(s); return globalThis.SiftEntities.findEntities; }`;
    return (await page.evaluate(`(${MEASURE})(${load}, ${JSON.stringify(input)})`)) as Run;
  } finally {
    await browser.close();
  }
}

function entriesOf(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === '--entry') out.push(resolve(argv[++i]!));
  return out.length ? out : [join(ROOT, 'bench/lib/entities-with-packs.ts')];
}

const KEYS = ['loadMs', 'firstMs', 'warmMs'] as const;

async function main(): Promise<void> {
  const { opts } = parseArgs(process.argv.slice(2), ['browser']);
  const rounds = Number(opts.get('rounds') ?? 5);
  const inBrowser = opts.has('browser');
  // Several --entry trees (e.g. before and after a change) run interleaved, round by round, so a
  // change in the machine's load hits them alike.
  const entries = entriesOf(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'sift-cold-'));
  try {
    const bundles: { esm: string; iife: string; bytes: number }[] = [];
    for (const [e, entry] of entries.entries()) {
      const esm = join(dir, `entities-${e}.mjs`);
      const common = { entryPoints: [entry], bundle: true, minify: true, charset: 'utf8' as const, logLevel: 'warning' as const, target: 'es2022' };
      await build({ ...common, format: 'esm', platform: 'neutral', outfile: esm });
      const iife = inBrowser ? (await build({ ...common, format: 'iife', globalName: 'SiftEntities', write: false })).outputFiles[0]!.text : '';
      bundles.push({ esm, iife, bytes: readFileSync(esm).length });
    }
    const rows: Record<string, number | string>[] = [];
    for (const [k, p] of PAGES.entries()) {
      const doc = parseHtml(html(p.file), 'https://example.org/');
      const { article } = extractArticle(doc, { force: true });
      if (!article) throw new Error(`no article: ${p.file}`);
      const input = { doc: null, article: { title: article.title, text: article.text, lang: article.lang ?? p.lang } };
      const inputFile = join(dir, `in-${k}.json`);
      writeFileSync(inputFile, JSON.stringify(input));
      const runs: Run[][] = bundles.map(() => []);
      for (let r = 0; r < rounds; r++) {
        for (const [e, b] of bundles.entries()) {
          if (inBrowser) runs[e]!.push(await browserRun(b.iife, input));
          else runs[e]!.push(JSON.parse(execFileSync(process.execPath, ['--input-type=commonjs', '-e', NODE_CHILD, b.esm, inputFile], { encoding: 'utf8' })) as Run);
        }
      }
      for (const [e, rs] of runs.entries()) {
        const row: Record<string, number | string> = { entry: e, lang: p.lang, page: p.file.split('/').pop()!.slice(0, 12), chars: article.text.length };
        for (const key of KEYS) {
          row[key] = +median(rs.map((x) => x[key])).toFixed(2);
          row[key.replace('Ms', 'MinMs')] = +Math.min(...rs.map((x) => x[key])).toFixed(2);
          // Paired with the first entry's run of the same round.
          if (e > 0) row[key.replace('Ms', 'Ratio')] = +median(rs.map((x, r) => x[key] / runs[0]![r]![key])).toFixed(3);
        }
        rows.push(row);
        process.stdout.write(`${Object.entries(row).map(([a, v]) => `${a}=${v}`).join(' ')}\n`);
      }
    }
    const result = bundles.map((b, e) => {
      const byLang: Record<string, Record<string, number>> = {};
      for (const lang of ['en', 'zh', 'ja']) {
        const rs = rows.filter((r) => r.entry === e && r.lang === lang);
        byLang[lang] = {};
        for (const key of Object.keys(rs[0]!).filter((x) => /Ms$|Ratio$/.test(x))) byLang[lang][key] = +median(rs.map((r) => r[key] as number)).toFixed(3);
      }
      return { entry: entries[e], bundleBytes: b.bytes, byLang };
    });
    process.stdout.write(`${JSON.stringify({ host: inBrowser ? 'chromium' : 'node', rounds, result })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
