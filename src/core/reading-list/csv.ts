import Papa from 'papaparse';
import type { FetchPolicy } from '../url-policy.ts';
import { Collector, isoTime } from './collect.ts';
import type { ReadingList, ReadingStatus } from './types.ts';

// Pocket's CSV export (2024-2025): title,url,time_added,tags,status with tags joined by "|",
// time_added in Unix seconds and status "unread" or "archive". Instapaper's CSV export:
// URL,Title,Selection,Folder,Timestamp (newer files add Tags, a JSON array), Folder being
// Unread, Archive, Starred or a folder of the user's.

export type CsvKind = 'pocket-csv' | 'instapaper-csv';

const norm = (h: string): string => h.trim().toLowerCase().replace(/^\ufeff/, '');

/** Which of the two CSV exports a header row is, or null. */
export function csvKind(headerLine: string): CsvKind | null {
  const cols = headerLine.split(',').map((c) => norm(c.replace(/"/g, '')));
  if (cols.includes('url') && cols.includes('time_added')) return 'pocket-csv';
  if (cols.includes('url') && cols.includes('folder') && cols.includes('timestamp')) return 'instapaper-csv';
  return null;
}

function pocketTags(v: string): string[] {
  return v.split('|');
}

function instapaperTags(v: string): string[] {
  const s = v.trim();
  if (!s) return [];
  if (s.startsWith('[')) {
    try {
      const arr: unknown = JSON.parse(s);
      if (Array.isArray(arr)) return arr.map((t) => (typeof t === 'object' && t && 'name' in t ? String((t as { name: unknown }).name) : String(t)));
    } catch {
      // Not JSON after all: read as a comma list below.
    }
  }
  return s.replace(/^\[|\]$/g, '').split(',').map((t) => t.replace(/^["'\s]+|["'\s]+$/g, ''));
}

function pocketStatus(v: string | undefined): ReadingStatus {
  const s = (v ?? '').trim().toLowerCase();
  if (s === 'archive' || s === 'archived' || s === 'read') return 'archived';
  if (s === 'unread') return 'unread';
  return null;
}

/** Parse a CSV export; every row that cannot be an item is refused with its line number. */
export function parseCsv(text: string, kind: CsvKind, policy: FetchPolicy): ReadingList {
  const c = new Collector(kind, policy);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // Papaparse numbers rows, not lines: a quoted field may span lines. Line numbers are counted
  // from the rows' own newlines so a refusal points at the line an editor shows.
  const rows = parsed.data;
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) if (typeof e.row === 'number' && !rowErrors.has(e.row)) rowErrors.set(e.row, e.message);
  const header = (rows[0] ?? []).map(norm);
  const col = (name: string): number => header.indexOf(name);
  const at = (row: string[], name: string): string => {
    const i = col(name);
    return i >= 0 ? (row[i] ?? '') : '';
  };
  let line = 1 + newlines(rows[0]);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    line += 1;
    const here = line;
    line += newlines(row);
    if (row.length === 1 && row[0]!.trim() === '') continue;
    const err = rowErrors.get(r);
    if (err) {
      c.refuse(here, `Malformed CSV line: ${err}.`);
      continue;
    }
    if (row.length < header.length - 1) {
      c.refuse(here, `Malformed CSV line: ${row.length} fields where the header has ${header.length}.`);
      continue;
    }
    if (kind === 'pocket-csv') {
      c.add({ line: here, url: at(row, 'url'), title: at(row, 'title'), savedAt: isoTime(at(row, 'time_added')), tags: pocketTags(at(row, 'tags')), status: pocketStatus(at(row, 'status')) });
    } else {
      const folder = at(row, 'folder').trim();
      const lower = folder.toLowerCase();
      const status: ReadingStatus = lower === 'archive' ? 'archived' : 'unread';
      const tags = instapaperTags(at(row, 'tags'));
      // A folder of the user's own is kept as a tag: it is how they sorted their list.
      if (folder && !['unread', 'archive', 'starred'].includes(lower)) tags.push(folder);
      if (lower === 'starred') tags.push('Starred');
      c.add({ line: here, url: at(row, 'url'), title: at(row, 'title'), savedAt: isoTime(at(row, 'timestamp')), tags, status });
    }
  }
  return c.done();
}

function newlines(row: string[] | undefined): number {
  let n = 0;
  for (const f of row ?? []) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n++;
  return n;
}
