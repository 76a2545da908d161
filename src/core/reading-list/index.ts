import { STRICT_FETCH_POLICY, type FetchPolicy } from '../url-policy.ts';
import { csvKind, parseCsv } from './csv.ts';
import { isBookmarksHtml, isPocketHtml, parseBookmarksHtml, parsePocketHtml } from './html-lists.ts';
import { isOmnivoreEntry, isWallabagEntry, parseOmnivoreJson, parseWallabag } from './json-lists.ts';
import { isZip, parseOmnivoreZip } from './omnivore.ts';
import { ReadingListError, type ReadingList } from './types.ts';

export * from './types.ts';

/** Larger than any real export of links (Pocket's biggest are a few MB; Omnivore's zips with pages, hundreds). */
export const MAX_FILE_BYTES = 512 * 2 ** 20;

export interface ParseOptions {
  policy?: FetchPolicy;
  /** Bookmarks: only this folder (and its subfolders). */
  folder?: string | null;
  /** Default MAX_FILE_BYTES. */
  maxBytes?: number;
}

const SUPPORTED = 'Pocket (CSV or HTML), Omnivore (zip), Instapaper (CSV), wallabag (JSON) or a browser bookmarks file (HTML)';

/**
 * Read any supported reading-list export. The format is told from the content, never from the
 * file's name: a zip's signature, a JSON entry's fields, an HTML export's marks, a CSV header.
 * Throws ReadingListError (with a plain-words message) when the file as a whole cannot be read;
 * otherwise each line that cannot become an item is listed in `refused` with its reason.
 */
export function parseReadingList(bytes: Uint8Array, opts: ParseOptions = {}): ReadingList {
  const policy = opts.policy ?? STRICT_FETCH_POLICY;
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > max) throw new ReadingListError('too-large', `The file is larger than ${Math.round(max / 2 ** 20)} MB, more than any reading list: is it the right file?`);
  if (isZip(bytes)) return parseOmnivoreZip(bytes, policy);
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  const start = text.trimStart().slice(0, 1);
  if (start === '[' || start === '{') return parseJson(text, policy);
  const head = text.slice(0, 4096);
  if (isPocketHtml(head)) return parsePocketHtml(text, policy);
  if (isBookmarksHtml(head)) return parseBookmarksHtml(text, policy, opts.folder ?? null);
  if (/^\s*</.test(head)) throw new ReadingListError('unknown-format', `This HTML file is neither a bookmarks file nor a Pocket export. Sift reads ${SUPPORTED}.`);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const kind = csvKind(firstLine);
  if (kind) return parseCsv(text, kind, policy);
  throw new ReadingListError('unknown-format', `Sift cannot tell what this file is. It reads ${SUPPORTED}.`);
}

function parseJson(text: string, policy: FetchPolicy): ReadingList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ReadingListError('bad-file', `The file is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ReadingListError('unknown-format', `This JSON file is not a list of saved pages. Sift reads ${SUPPORTED}.`);
  if (data.some(isWallabagEntry)) return parseWallabag(data, policy);
  if (data.some(isOmnivoreEntry)) return parseOmnivoreJson(data, policy);
  throw new ReadingListError('unknown-format', `This JSON file is neither a wallabag nor an Omnivore export. Sift reads ${SUPPORTED}.`);
}
