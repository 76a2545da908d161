// npm run --silent entities -- --jsonl FILE [--ui-lang LANG]
// Reads lines {id, text, lang?} (FILE "-" for stdin) and prints one line per input:
// {id, entities: [{name, type, aliases, count}]}; a line that cannot be read gives {id, error}.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import '../core/entities/model/all-packs.ts';
import { findEntities } from '../core/entities/index.ts';
import { fail, parseArgs } from './args.ts';

const USAGE = 'usage: npm run --silent entities -- --jsonl FILE [--ui-lang LANG]';

async function main(): Promise<void> {
  const { opts } = parseArgs(process.argv.slice(2), ['help']);
  if (opts.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const file = opts.get('jsonl');
  if (!file) fail(USAGE);
  const uiLang = opts.get('ui-lang');
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  input.on('error', (err: Error) => fail(`sift: cannot read ${file}: ${err.message}`));
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const item = JSON.parse(line) as { id: unknown; text: unknown; lang?: unknown };
      id = item.id;
      if (typeof item.text !== 'string') throw new Error('"text" must be a string');
      const lang = typeof item.lang === 'string' ? item.lang : null;
      const entities = findEntities({ doc: null, article: { title: '', text: item.text, lang }, uiLang });
      const row = { id, entities: entities.map(({ name, type, aliases, count }) => ({ name, type, aliases, count })) };
      process.stdout.write(`${JSON.stringify(row)}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ id, error: String((err as Error)?.message ?? err) })}\n`);
    }
  }
}

await main();
