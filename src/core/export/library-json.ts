import { CLIPPING_SCHEMA_VERSION, migrateClipping, type Clipping } from '../clipping.ts';
import { ENTITY_TYPES, type Entity } from '../types.ts';
import { annotationsProblem, settleAnnotations } from '../annotations/validate.ts';

export const EXPORT_FORMAT = 'sift-library';
export const EXPORT_VERSION = 1;

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  count?: number;
  clippings: Clipping[];
}

export function exportLibrary(clippings: Clipping[], now = new Date()): string {
  return exportLibraryParts(clippings, now).join('');
}

/**
 * The same JSON as pieces, one per clipping: a library of 10,000 clippings is hundreds of
 * megabytes, more than one string may hold, so pages hand the pieces to a Blob.
 */
export function exportLibraryParts(clippings: Iterable<Clipping>, now = new Date()): string[] {
  const head = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), count: 0 });
  const parts: string[] = [];
  let n = 0;
  for (const c of clippings) {
    parts.push(n === 0 ? '\n' : ',\n', JSON.stringify(c));
    n++;
  }
  return [head.replace(/"count":0\}$/, `"count":${n},"clippings":[`), ...parts, '\n]}\n'];
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isHttp = (v: unknown): boolean => str(v) && /^https?:\/\//i.test(v);

function validEntity(e: unknown): e is Entity {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return (
    str(o.name) &&
    ENTITY_TYPES.includes(o.type as Entity['type']) &&
    Array.isArray(o.aliases) &&
    o.aliases.every(str) &&
    typeof o.count === 'number' &&
    Array.isArray(o.sources) &&
    o.sources.every(str)
  );
}

/** Why a stored or imported clipping is unacceptable, or null when it is fine. */
export function clippingProblem(v: unknown): string | null {
  if (!v || typeof v !== 'object') return 'not an object';
  const c = v as Record<string, unknown>;
  if (!str(c.id) || !/^[\w-]{8,64}$/.test(c.id)) return 'bad id';
  if (!str(c.title)) return 'no title';
  if (!str(c.html) || !str(c.text)) return 'no content';
  if (!isHttp(c.url) && !(str(c.url) && c.url.startsWith('file:'))) return 'bad url';
  if (!str(c.canonicalUrl)) return 'bad canonical url';
  if (!str(c.savedAt) || Number.isNaN(Date.parse(c.savedAt))) return 'bad savedAt';
  if (!str(c.updatedAt) || Number.isNaN(Date.parse(c.updatedAt))) return 'bad updatedAt';
  for (const k of ['byline', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'sourceUrl', 'excerpt']) {
    if (c[k] !== undefined && !strOrNull(c[k])) return `bad ${k}`;
  }
  if (c.dir !== 'ltr' && c.dir !== 'rtl') return 'bad dir';
  if (typeof c.wordCount !== 'number' || typeof c.readingMinutes !== 'number') return 'bad counts';
  if (c.leadImage !== null && c.leadImage !== undefined) {
    const img = c.leadImage as Record<string, unknown>;
    if (typeof img !== 'object' || !str(img.src) || !str(img.alt) || !strOrNull(img.caption)) return 'bad leadImage';
  }
  if (!Array.isArray(c.entities) || !c.entities.every(validEntity)) return 'bad entities';
  if (!Array.isArray(c.tags) || !c.tags.every(str)) return 'bad tags';
  if (!str(c.note)) return 'bad note';
  const annotations = annotationsProblem(c.annotations);
  if (annotations) return annotations;
  if (typeof c.schema !== 'number' || c.schema > CLIPPING_SCHEMA_VERSION) return 'newer schema than this version of Sift';
  return null;
}

export interface ParsedImport {
  clippings: Clipping[];
  refused: { index: number; reason: string }[];
}

/** Parse and validate an export. Throws only when the file is not a Sift export at all. */
export function parseLibraryExport(json: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('The file is not JSON.');
  }
  const d = data as Partial<LibraryExport>;
  if (!d || d.format !== EXPORT_FORMAT || !Array.isArray(d.clippings)) throw new Error('The file is not a Sift library export.');
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION) throw new Error('The export comes from a newer version of Sift.');
  const clippings: Clipping[] = [];
  const refused: ParsedImport['refused'] = [];
  const seen = new Set<string>();
  d.clippings.forEach((raw, index) => {
    const c = migrateClipping(raw);
    const problem = clippingProblem(c) ?? (seen.has(c.id) ? 'duplicate id' : null);
    if (problem) refused.push({ index, reason: problem });
    else {
      seen.add(c.id);
      // Highlights anchored to another version of the text are placed again by their quotes.
      clippings.push({ ...c, annotations: settleAnnotations(c.annotations, c.text) });
    }
  });
  return { clippings, refused };
}
