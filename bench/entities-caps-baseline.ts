// npx tsx bench/entities-caps-baseline.ts GOLD.jsonl > PRED.jsonl
//   then: npm run bench:entities -- --data GOLD.jsonl --pred PRED.jsonl
// The bare capitalisation rule the tagger must beat on English news (issue 12): every run of
// capitalised words (with "of", "de"... inside) that does not open a sentence alone is a name; a
// country or region name is a place, a run of two or three words a person, anything else an
// organisation. No model, no other layer.
import { readFileSync } from 'node:fs';
import { tokenize } from '../src/core/entities/en-tokens.ts';
import { regionSet } from '../src/core/entities/region-sets.ts';

const INNER = new Set(['of', 'de', 'van', 'von', 'der', 'la', 'le', 'du', 'al', 'bin']);
const OPENER = new Set(['.', '!', '?', ':', ';', '"', '“', '(', '-', '–', '—']);
const capital = (w: string): boolean => /^\p{Lu}/u.test(w);
const regions = regionSet('en');

for (const line of readFileSync(process.argv[2]!, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line) as { id: string; text: string };
  const names = new Map<string, string>();
  let offset = 0;
  for (const sentence of doc.text.split('\n')) {
    const tokens = tokenize(sentence, offset).map((t) => t.text);
    offset += sentence.length + 1;
    for (let i = 0; i < tokens.length; ) {
      if (!capital(tokens[i]!)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < tokens.length && (capital(tokens[j]!) || (INNER.has(tokens[j]!) && j + 1 < tokens.length && capital(tokens[j + 1]!)))) j++;
      const opens = i === 0 || OPENER.has(tokens[i - 1]!);
      const name = tokens.slice(i, j).join(' ');
      if (!(opens && j - i === 1)) names.set(name, regions.has(name) ? 'place' : j - i <= 3 && j - i >= 2 ? 'person' : 'organization');
      i = j;
    }
  }
  process.stdout.write(`${JSON.stringify({ id: doc.id, entities: [...names].map(([name, type]) => ({ name, type })) })}\n`);
}
