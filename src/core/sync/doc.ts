import { migrateClipping, type Clipping } from '../clipping.ts';
import { annotationsProblem } from '../annotations/validate.ts';
import type { Annotation } from '../annotations/types.ts';
import { clippingProblem } from '../export/library-json.ts';
import type { SyncMeta, SyncRecord } from './merge.ts';

// The shape of Sift's documents in CouchDB, and the check every document from a server passes
// before it can touch the library: a server is not trusted to send the right shape.

export const CLIP_PREFIX = 'clip:';
/** Settings that make sense on every device (theme, highlight types, colour labels). */
export const SETTINGS_DOC_ID = 'settings:shared';
/** A clipping larger than this is refused (the largest real article in the benches is ~2 MB). */
export const MAX_DOC_CHARS = 16 * 1024 * 1024;
const MAX_TOMBSTONES = 5000;

export interface ClipDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  type: 'clipping';
  clipping: SyncRecord['clipping'];
  meta: SyncMeta;
}

export function clipDocId(clippingId: string): string {
  return CLIP_PREFIX + clippingId;
}

export function clippingIdOf(docId: string): string | null {
  return docId.startsWith(CLIP_PREFIX) ? docId.slice(CLIP_PREFIX.length) : null;
}

export function toDoc(r: SyncRecord, rev?: string): ClipDoc {
  const doc: ClipDoc = { _id: clipDocId(r.clipping.id), type: 'clipping', clipping: r.clipping, meta: r.meta };
  if (rev) doc._rev = rev;
  return doc;
}

export function toRecord(doc: ClipDoc): SyncRecord {
  return { clipping: doc.clipping, meta: doc.meta };
}

function metaProblem(m: unknown): string | null {
  if (!m || typeof m !== 'object') return 'no sync meta';
  const meta = m as Record<string, unknown>;
  if (!Array.isArray(meta.noteFrom) || !meta.noteFrom.every((h) => typeof h === 'string') || meta.noteFrom.length > 1000) {
    return 'bad note history';
  }
  if (typeof meta.articleAt !== 'string' || typeof meta.noteAt !== 'string') return 'bad times';
  const gone = meta.goneAnnotations;
  if (!gone || typeof gone !== 'object' || Array.isArray(gone)) return 'bad annotation tombstones';
  const entries = Object.values(gone);
  if (entries.length > MAX_TOMBSTONES || !entries.every((v) => typeof v === 'string')) return 'bad annotation tombstones';
  return null;
}


/**
 * Why a document from the server cannot be a Sift clipping, or null when it can. `size` is the
 * document's serialised length when the caller already knows it.
 */
export function clipDocProblem(doc: unknown, size?: number): string | null {
  if (!doc || typeof doc !== 'object') return 'not an object';
  const d = doc as Partial<ClipDoc>;
  if (typeof d._id !== 'string') return 'no id';
  const id = clippingIdOf(d._id);
  if (id === null) return 'not a clipping';
  // The stand-in for a revision too large to read (background/sync/capped-fetch.ts).
  const stub = (doc as { siftRefused?: unknown }).siftRefused;
  if (stub !== undefined) return typeof stub === 'string' ? stub.slice(0, 100) : 'refused';
  if (d.type !== 'clipping') return 'wrong type';
  const chars = size ?? JSON.stringify(doc).length;
  if (chars > MAX_DOC_CHARS) return 'too large';
  const problem = clippingProblem(d.clipping);
  if (problem) return problem;
  if ((d.clipping as Clipping).id !== id) return 'id does not match the document';
  return annotationsProblem(d.clipping!.annotations) ?? metaProblem(d.meta);
}

/**
 * A merged or received clipping as the library stores it. Its annotations passed
 * clipDocProblem (the highlights' own strict check) on the way in, so they are real annotations.
 */
export function storedClipping(c: SyncRecord['clipping']): Clipping {
  return migrateClipping({ ...c, annotations: (c.annotations ?? []) as Annotation[] });
}
