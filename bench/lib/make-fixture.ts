// Add a golden fixture from a benchmark page or a project file:
//   npx tsx bench/lib/make-fixture.ts SLUG --data DIR --id ID_PREFIX
//   npx tsx bench/lib/make-fixture.ts SLUG --file PATH --url URL
// Writes fixtures/extract/SLUG/source.html (reduced, see fixture.ts) and expected.json, after
// checking that the reduced page extracts exactly like the original. Never use cjk-dev pages.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { parseArgs, fail } from '../../src/cli/args.ts';
import { extractFixture, reduceHtml } from './fixture.ts';

const { opts, rest } = parseArgs(process.argv.slice(2));
const slug = rest[0] ?? fail('usage: make-fixture.ts SLUG (--data DIR --id ID | --file PATH --url URL)');
let bytes: Uint8Array;
let url: string;
let origin: string;
const data = opts.get('data');
if (data) {
  if (/cjk-dev/.test(data)) fail('cjk-dev is held out: its pages must never become fixtures');
  const gt = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const id = Object.keys(gt).find((k) => k.startsWith(opts.get('id') ?? '\0')) ?? fail('no such id');
  const file = readdirSync(join(data, 'html')).find((f) => f.startsWith(id))!;
  const raw = readFileSync(join(data, 'html', file));
  bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  url = gt[id]!.url || `https://bench.invalid/${id}.html`;
  origin = `${resolve(data).split('/').pop()}/${id}`;
} else {
  const file = opts.get('file') ?? fail('--data or --file');
  bytes = readFileSync(file);
  url = opts.get('url') ?? fail('--url');
  origin = file;
}
const reduced = reduceHtml(bytes);
const before = extractFixture(bytes, url);
const after = extractFixture(reduced, url);
if (!isDeepStrictEqual(before, after)) fail(`${slug}: the reduced page extracts differently; keep it whole`);
const dir = resolve(import.meta.dirname, '../../fixtures/extract', slug);
if (existsSync(join(dir, 'expected.json')) && !opts.has('force')) fail(`${dir} exists (--force to replace)`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'source.html'), reduced);
writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ source: { origin, url }, ...after }, null, 2)}\n`);
process.stdout.write(`${slug}: ${bytes.length} -> ${reduced.length} bytes, ${after.article?.wordCount ?? 0} words, ${after.readability.reason}\n`);
