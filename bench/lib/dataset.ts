// A benchmark folder in the format of ../shared/bench: html/<id>.html[.gz], ground-truth.json,
// dataset.json ({metric, tokenizer, encoding}).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../src/cli/decode.ts';
import { scoreShingles, scoreSnippets, type PageScore, type Snippets, type Tokenizer } from './metrics.ts';

export interface Page {
  id: string;
  url: string;
  file: string;
  /** articleBody for shingles, with/without for snippets. */
  truth: string | Snippets;
}

export interface Dataset {
  name: string;
  dir: string;
  metric: 'shingles' | 'snippets';
  tokenizer: Tokenizer;
  encoding: string;
  pages: Page[];
}

export function loadDataset(dir: string, limit?: number): Dataset {
  const abs = resolve(dir);
  const gt = JSON.parse(readFileSync(join(abs, 'ground-truth.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const metaFile = join(abs, 'dataset.json');
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>) : {};
  const metric = meta.metric === 'snippets' ? 'snippets' : 'shingles';
  const files = new Map<string, string>();
  for (const f of readdirSync(join(abs, 'html'))) {
    const m = /^([^.]+)\.html?(\.gz)?$/.exec(f);
    if (m) files.set(m[1]!, join(abs, 'html', f));
  }
  let ids = Object.keys(gt).sort();
  if (limit) ids = ids.slice(0, limit);
  const pages = ids.map((id) => {
    const g = gt[id]!;
    const file = files.get(id);
    if (!file) throw new Error(`${id}: no html file`);
    const truth =
      metric === 'snippets'
        ? { with: (g.with as string[]) ?? [], without: (g.without as string[]) ?? [] }
        : String(g.articleBody ?? '');
    return { id, url: String(g.url ?? ''), file, truth };
  });
  return {
    name: String(meta.name ?? abs.split('/').pop()),
    dir: abs,
    metric,
    tokenizer: meta.tokenizer === 'cjk' ? 'cjk' : 'words',
    encoding: String(meta.encoding ?? 'utf-8'),
    pages,
  };
}

export function pageBytes(page: Page): Uint8Array {
  const raw = readFileSync(page.file);
  return page.file.endsWith('.gz') ? gunzipSync(raw) : raw;
}

/** Page text as a browser would decode it; "utf-8" sets are stored as UTF-8 whatever they declare. */
export function pageHtml(ds: Dataset, page: Page): string {
  const bytes = pageBytes(page);
  return ds.encoding === 'sniff' ? decodeHtml(bytes).text : new TextDecoder('utf-8').decode(bytes);
}

/** A URL for pages without one, so relative links still resolve. */
export function pageUrl(page: Page): string {
  return page.url || `https://bench.invalid/${page.id}.html`;
}

/** A page's score for `text` by its set's own metric (shingles or snippets). */
export function scorePage(ds: Dataset, page: Page, text: string): PageScore {
  return ds.metric === 'snippets' ? scoreSnippets(page.truth as Snippets, text) : scoreShingles(page.truth as string, text, ds.tokenizer);
}
