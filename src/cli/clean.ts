import { readFileSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { resolve, dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import '../core/entities/model/all-packs.ts';
import { runPipeline } from '../core/pipeline.ts';
import { articleMarkdown } from '../core/export/markdown.ts';
import type { ExtractOutcome } from '../core/types.ts';
import { decodeHtml } from './decode.ts';
import { parseHtml, releaseDocument } from './dom.ts';
import { fail, parseArgs } from './args.ts';

const USAGE = `usage: npm run --silent clean -- [--format json|text|markdown|html] [--url URL] [--force] FILE
       npm run --silent clean -- --list LIST.jsonl [--format json]`;
const FORMATS = ['json', 'text', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

function readPage(file: string): string {
  let bytes: Uint8Array = readFileSync(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  return decodeHtml(bytes).text;
}

async function clean(file: string, url: string | undefined, force: boolean): Promise<ExtractOutcome> {
  const html = readPage(file);
  const doc = parseHtml(html, url || pathToFileURL(resolve(file)).href);
  try {
    return runPipeline(doc, { url: url || undefined, force, entities: true });
  } finally {
    await releaseDocument(doc);
  }
}

function render(out: ExtractOutcome, format: Format): string {
  if (format === 'json') return JSON.stringify(out, null, 2);
  if (!out.ok || !out.article) return '';
  if (format === 'text') return out.article.text;
  if (format === 'html') return out.article.html;
  return articleMarkdown(out.article, out.entities);
}

async function runList(listFile: string, format: Format, force: boolean): Promise<void> {
  const base = dirname(resolve(listFile));
  const lines = createInterface({ input: createReadStream(listFile, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const item = JSON.parse(line) as { id: unknown; file: string; url?: string };
      id = item.id;
      const out = await clean(resolve(base, item.file), item.url, force);
      if (!out.ok) throw new Error(out.error.message);
      const row: Record<string, unknown> = {
        id,
        ok: true,
        text: out.article?.text ?? '',
        ms: Math.round(out.timings.extractMs * 100) / 100,
      };
      if (format === 'json') row.result = out;
      process.stdout.write(`${JSON.stringify(row)}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ id, ok: false, error: String((err as Error)?.message ?? err) })}\n`);
    }
  }
}

async function main(): Promise<void> {
  const { opts, rest } = parseArgs(process.argv.slice(2), ['force', 'help']);
  if (opts.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const format = (opts.get('format') ?? (opts.has('list') ? 'text' : 'json')) as Format;
  if (!FORMATS.includes(format)) fail(`unknown format "${format}"\n${USAGE}`);
  const force = opts.has('force');
  const list = opts.get('list');
  if (list) return runList(list, format, force);
  const file = rest[0];
  if (!file) fail(USAGE);
  let out: ExtractOutcome;
  try {
    out = await clean(file, opts.get('url'), force);
  } catch (err) {
    fail(`sift: cannot read ${file}: ${(err as Error).message}`);
  }
  process.stdout.write(`${render(out, format)}\n`);
  if (!out.ok) process.exitCode = 1;
}

await main();
