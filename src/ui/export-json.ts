import type { Clipping } from '../core/clipping.ts';
import { exportLibraryParts, EXPORT_FORMAT, EXPORT_VERSION, parseLibraryExport } from '../core/export/library-json.ts';
import { send } from '../shared/messaging.ts';
import type { ImportReport } from '../shared/protocol.ts';
import { dateStamp, downloadText } from './download.ts';

/** The versioned, complete JSON export (the one that restores a library exactly). */
export function exportJson(clippings: Clipping[], name = `sift-library-${dateStamp()}.json`): void {
  downloadText(name, exportLibraryParts(clippings), 'application/json');
}

/** Stay well under runtime.sendMessage's 64 MiB limit. */
const CHUNK_CHARS = 8_000_000;

/**
 * Import an export file: parsed and checked here first (a file that is not a Sift export is
 * refused with why), then sent to the background in chunks, where each record is validated
 * again and merged by id. The reports are summed; refused indexes refer to the whole file.
 */
export async function importJson(text: string, onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const parsed = parseLibraryExport(text);
  const total: ImportReport = { added: 0, updated: 0, unchanged: 0, refused: [...parsed.refused] };
  // The background validates again; map its indexes within a chunk back to the file's.
  const fileIndex: number[] = [];
  const refusedSet = new Set(parsed.refused.map((r) => r.index));
  for (let i = 0, k = 0; k < parsed.clippings.length; i++) if (!refusedSet.has(i)) fileIndex[k++] = i;
  let at = 0;
  while (at < parsed.clippings.length) {
    const chunk: Clipping[] = [];
    let size = 0;
    while (at + chunk.length < parsed.clippings.length && (chunk.length === 0 || size < CHUNK_CHARS)) {
      const c = parsed.clippings[at + chunk.length]!;
      size += c.html.length + c.text.length + 2000;
      chunk.push(c);
    }
    const json = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), clippings: chunk });
    const r = await send('library.import', { json });
    total.added += r.added;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
    for (const f of r.refused) total.refused.push({ index: fileIndex[at + f.index] ?? f.index, reason: f.reason });
    at += chunk.length;
    onProgress?.(at, parsed.clippings.length);
  }
  total.refused.sort((a, b) => a.index - b.index);
  return total;
}
