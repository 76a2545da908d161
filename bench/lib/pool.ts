// The development pool: the five extraction sets of ../shared/bench, judged together. Every
// pool-wide bench (quality, speed, ablation) takes the same options:
//   --sets a,b       which sets (default: all five)
//   --bench DIR      where they live (default: ../shared/bench beside the repo, or /work/shared/bench)
//   --data DIR       one set by its folder (the old single-set form)
//   --limit N        a deterministic sample of N pages per set (by a hash of the page id, so the
//                    same pages every run and spread over the set's sources, not its first N)
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, type Dataset } from './dataset.ts';

export const POOL = ['zyte-dev', 'trafilatura-dev', 'cjk-dev', 'daniel-dev', 'newsweb-dev'] as const;

function benchDir(given: string | undefined): string {
  if (given) return resolve(given);
  const beside = resolve(import.meta.dirname, '../../../shared/bench');
  return existsSync(beside) ? beside : '/work/shared/bench';
}

const rank = (id: string): string => createHash('sha1').update(id).digest('hex');

/** A deterministic sample of `n` pages, spread over the set. */
export function sample(ds: Dataset, n: number | undefined): Dataset {
  if (!n || n >= ds.pages.length) return ds;
  const keep = new Set([...ds.pages].sort((a, b) => (rank(a.id) < rank(b.id) ? -1 : 1)).slice(0, n).map((p) => p.id));
  return { ...ds, pages: ds.pages.filter((p) => keep.has(p.id)) };
}

export function loadPool(opts: Map<string, string>): Dataset[] {
  const limit = opts.has('limit') ? Number(opts.get('limit')) : undefined;
  const one = opts.get('data');
  if (one) return [sample(loadDataset(one), limit)];
  const dir = benchDir(opts.get('bench'));
  const names = opts.get('sets')?.split(',').filter(Boolean) ?? [...POOL];
  return names.map((name) => sample(loadDataset(join(dir, name)), limit));
}
