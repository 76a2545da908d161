// npx tsx bench/entities-reference.ts --out FILE [--sets a,b] [--limit N] [--compare FILE]
//                                      [--save-inputs FILE | --inputs FILE]
//
// The entity output (names and page tags) of every page of the development pool, one JSON line
// per page, so a change meant only to make the tagger faster can be shown to change nothing:
// write a reference before the change, then run again with --compare REF after it (it lists the
// pages whose output differs and exits 1 if any does). Each page is parsed and extracted by the
// current tree (untimed), then findNamesAndTags runs on the page and its article, as the
// extension's names stage does. Parsing and extracting ~1,400 pages takes minutes on a loaded
// machine: --save-inputs keeps each page's article and page tags, and --inputs replays them
// (the tagger alone, the same output), to check a change in seconds. The last line is one JSON
// object.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runPipeline } from '../src/core/pipeline.ts';
import '../src/core/entities/model/all-packs.ts';
import { namesGivenTags } from '../src/core/entities/index.ts';
import { readPageTags, type PageTag } from '../src/core/entities/page-tags.ts';
import type { TaggedArticle } from '../src/core/entities/packs-for-article.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { parseArgs } from '../src/cli/args.ts';
import { pageHtml, pageUrl } from './lib/dataset.ts';
import { loadPool } from './lib/pool.ts';

const { opts } = parseArgs(process.argv.slice(2), []);
const out = opts.get('out');
const compare = opts.get('compare');
const lines: string[] = [];
let pages = 0;
interface Saved {
  set: string;
  id: string;
  article: TaggedArticle | null;
  tags: PageTag[];
}
const saved: Saved[] = [];
const replay = opts.get('inputs');
const record = (row: Saved): void => {
  const names = row.article ? namesGivenTags({ doc: null, article: row.article }, row.tags) : null;
  lines.push(JSON.stringify({ set: row.set, id: row.id, names }));
  if (++pages % 100 === 0) process.stderr.write(`${pages}\n`);
};
if (replay) {
  for (const l of gunzipSync(readFileSync(replay)).toString('utf8').trim().split('\n')) record(JSON.parse(l) as Saved);
} else {
  for (const ds of loadPool(opts)) {
    for (const page of ds.pages) {
      const url = pageUrl(page);
      const doc = parseHtml(pageHtml(ds, page), url);
      const res = runPipeline(doc, { url, entities: false });
      const a = res.ok ? res.article : null;
      const row: Saved = { set: ds.name, id: page.id, article: a ? { title: a.title, text: a.text, lang: a.lang, leadImage: a.leadImage } : null, tags: a ? readPageTags(doc) : [] };
      saved.push(row);
      record(row);
      await releaseDocument(doc);
    }
  }
  const keep = opts.get('save-inputs');
  if (keep) writeFileSync(keep, gzipSync(saved.map((r) => JSON.stringify(r)).join('\n')));
}
const body = lines.join('\n') + '\n';
if (out) writeFileSync(out, body);
let differing = 0;
if (compare) {
  const ref = new Map(readFileSync(compare, 'utf8').trim().split('\n').map((l) => {
    const j = JSON.parse(l) as { set: string; id: string };
    return [`${j.set}/${j.id}`, l] as const;
  }));
  for (const l of lines) {
    const j = JSON.parse(l) as { set: string; id: string };
    const r = ref.get(`${j.set}/${j.id}`);
    if (r !== l) {
      differing++;
      process.stderr.write(`differs: ${j.set}/${j.id}\n`);
    }
  }
}
console.log(JSON.stringify({ bench: 'entities-reference', pages, sha1: createHash('sha1').update(body).digest('hex'), ...(compare ? { differing } : {}) }));
process.exitCode = differing ? 1 : 0;
