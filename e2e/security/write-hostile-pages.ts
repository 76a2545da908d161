import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HOSTILE_PAGES, renderHostilePage } from './hostile-corpus.ts';

// Writes e2e/pages/hostile/NN-slug.html from hostile-corpus.ts:
//   npx tsx e2e/security/write-hostile-pages.ts
// security.spec.ts fails when the files on disk and the corpus disagree.

export const HOSTILE_DIR = resolve(import.meta.dirname, '..', 'pages', 'hostile');

export function hostileFiles(): { name: string; html: string }[] {
  return HOSTILE_PAGES.map((p, i) => ({ name: `${String(i + 1).padStart(2, '0')}-${p.slug}.html`, html: renderHostilePage(p) }));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(HOSTILE_DIR, { recursive: true });
  for (const f of readdirSync(HOSTILE_DIR)) if (f.endsWith('.html')) rmSync(resolve(HOSTILE_DIR, f));
  for (const f of hostileFiles()) writeFileSync(resolve(HOSTILE_DIR, f.name), f.html);
  console.log(`wrote ${HOSTILE_PAGES.length} pages to ${HOSTILE_DIR}`);
}
