// node scripts/build-de-nouns.mjs [../shared/bench/ner-train/wikiann-de-train.jsonl]
// German capitalises every noun, so a capital is weak evidence of a name there. This learns the
// capitalised words that the German training set (WikiANN) writes outside names again and again
// and (almost) never inside one: common nouns and sentence-initial function words ("Kollegen",
// "Stadt", "Die"). latin-de.ts reads the list as nouns. Deterministic: same input, same file.
import { readFileSync, writeFileSync } from 'node:fs';

const src = process.argv[2] ?? '../shared/bench/ner-train/wikiann-de-train.jsonl';
const MIN_OUTSIDE = 2;
const MAX_INSIDE_SHARE = 0.1;
const outside = new Map();
const inside = new Map();
const bump = (m, w) => m.set(w, (m.get(w) ?? 0) + 1);
for (const line of readFileSync(src, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const inName = new Uint8Array(doc.text.length);
  for (const e of doc.entities) inName.fill(1, e.start, e.end);
  for (const m of doc.text.matchAll(/\p{L}[\p{L}-]*/gu)) {
    if (!/^\p{Lu}\p{Ll}/u.test(m[0])) continue;
    bump(inName.subarray(m.index, m.index + m[0].length).some((x) => x) ? inside : outside, m[0]);
  }
}
const nouns = [...outside]
  .filter(([w, n]) => n >= MIN_OUTSIDE && (inside.get(w) ?? 0) <= MAX_INSIDE_SHARE * n)
  .map(([w]) => w)
  .sort();
writeFileSync('src/core/entities/data/de-nouns.json', `${JSON.stringify(nouns)}\n`);
process.stdout.write(`${nouns.length} words\n`);
