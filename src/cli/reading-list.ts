// npm run --silent reading-list -- FILE [--folder NAME]
// Reads a reading-list export (Pocket CSV or HTML, Omnivore zip, Instapaper CSV, wallabag JSON,
// bookmarks HTML; told apart by content) with the extension's own parser and prints one line per
// item, {url, title, savedAt, tags, status}, then {format, items, refused: [{line, reason}]}.
// It fetches nothing. A file that is no supported export: the reason on stderr, exit code 2.
import { readFileSync } from 'node:fs';
import { parseReadingList, ReadingListError } from '../core/reading-list/index.ts';
import { fail, parseArgs } from './args.ts';

const USAGE = 'usage: npm run --silent reading-list -- FILE [--folder NAME]';

function main(): void {
  const { opts, rest } = parseArgs(process.argv.slice(2), ['help']);
  if (opts.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const file = rest[0];
  if (!file) fail(USAGE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    fail(`sift: cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const list = parseReadingList(bytes, { folder: opts.get('folder') ?? null });
    const out: string[] = [];
    for (const { url, title, savedAt, tags, status } of list.items) out.push(JSON.stringify({ url, title, savedAt, tags, status }));
    out.push(JSON.stringify({ format: list.format, items: list.items.length, refused: list.refused.map(({ line, reason }) => ({ line, reason })) }));
    process.stdout.write(`${out.join('\n')}\n`);
  } catch (err) {
    if (err instanceof ReadingListError) fail(`sift: ${file}: ${err.message}`);
    throw err;
  }
}

main();
