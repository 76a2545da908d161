import { strFromU8, unzipSync } from 'fflate';
import type { FetchPolicy } from '../url-policy.ts';
import { Collector } from './collect.ts';
import { addOmnivore, isOmnivoreEntry } from './json-lists.ts';
import { ReadingListError, type ReadingList } from './types.ts';

// Omnivore's export zip: metadata_0_to_19.json, metadata_20_to_39.json, ... (arrays of items),
// content/<slug>.html (the page as Omnivore saved it) and highlights/<slug>.md. Items are
// numbered across the metadata files in order, from 1.

const MAX_UNZIPPED = 512 * 2 ** 20;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function parseOmnivoreZip(bytes: Uint8Array, policy: FetchPolicy): ReadingList {
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      // Only what is read: metadata and saved pages, never highlights or images; a size cap
      // against a zip bomb.
      filter: (f) => {
        const want = /(?:^|\/)metadata[^/]*\.json$/i.test(f.name) || /(?:^|\/)content\/[^/]+\.html?$/i.test(f.name);
        if (want) total += f.originalSize;
        if (total > MAX_UNZIPPED) throw new ReadingListError('too-large', 'The zip holds more than 512 MB of pages.');
        return want;
      },
    });
  } catch (err) {
    if (err instanceof ReadingListError) throw err;
    throw new ReadingListError('bad-file', `The zip file cannot be read: ${(err as Error).message}`);
  }
  const names = Object.keys(files);
  const metadata = names.filter((n) => /metadata[^/]*\.json$/i.test(n)).sort(byFirstNumber);
  if (!metadata.length) throw new ReadingListError('bad-file', 'This zip is not an Omnivore export: it has no metadata_*.json file.');
  const pages = new Map<string, string>();
  for (const n of names) {
    const m = /content\/([^/]+)\.html?$/i.exec(n);
    if (m) pages.set(m[1]!, n);
  }
  const content = (slug: string): string | undefined => {
    const name = pages.get(slug);
    return name ? strFromU8(files[name]!) : undefined;
  };
  const c = new Collector('omnivore-zip', policy);
  let line = 1;
  for (const name of metadata) {
    let entries: unknown;
    try {
      entries = JSON.parse(strFromU8(files[name]!));
    } catch (err) {
      throw new ReadingListError('bad-file', `${name} is not valid JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(entries) || (entries.length && !entries.some(isOmnivoreEntry))) {
      throw new ReadingListError('bad-file', `${name} is not Omnivore metadata (a list of items with url and slug).`);
    }
    for (const e of entries) addOmnivore(c, e, line++, content);
  }
  return c.done();
}

function byFirstNumber(a: string, b: string): number {
  const n = (s: string) => Number(/(\d+)/.exec(s.replace(/^.*\//, ''))?.[1] ?? 0);
  return n(a) - n(b) || a.localeCompare(b);
}
