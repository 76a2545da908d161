import { parseLibraryExport } from '../core/export/library-json.ts';
import type { ImportReport } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import type { ClipStore } from '../platform/store/clip-store.ts';

/**
 * Merge an export into the library by id: new ids are added, changed ones replaced by the
 * file's version, identical ones left alone; invalid records are refused one by one, with why.
 */
export async function importLibrary(store: ClipStore, json: string): Promise<ImportReport> {
  let parsed;
  try {
    parsed = parseLibraryExport(json);
  } catch (err) {
    throw new SiftError('bad-import', (err as Error).message);
  }
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const write = [];
  for (const c of parsed.clippings) {
    const prev = await store.get(c.id);
    if (!prev) added++;
    else if (JSON.stringify(prev) === JSON.stringify(c)) {
      unchanged++;
      continue;
    } else updated++;
    write.push(c);
  }
  if (write.length) await store.putMany(write);
  return { added, updated, unchanged, refused: parsed.refused };
}
