import { normalizeTags, type Clipping } from '../clipping.ts';

// The merge of two versions of one clipping edited on two devices. Pure and deterministic:
// merge(a, b) and merge(b, a) give the same record, so two devices that resolve the same
// CouchDB conflict at once write the same content, and a second pass finds nothing to do.

/** Annotations are written by the highlights feature; the merge needs only an id and a time. */
export interface AnnotationLike {
  id: string;
  modified?: string;
}

/** What the sync document carries beside the clipping, so a merge can tell an edit from a stale copy. */
export interface SyncMeta {
  /** Hashes of the notes this note replaced (oldest first, bounded): a note that replaced the other side's is newer, not concurrent. */
  noteFrom: string[];
  /** When the note last changed (ISO 8601): decides between two notes that each replaced the other (an undo). */
  noteAt: string;
  /** When the article body last changed (ISO 8601): the newer save's text wins. */
  articleAt: string;
  /** Annotations deleted on a device: id -> `modified` of the version that was deleted. */
  goneAnnotations: Record<string, string>;
}

export interface SyncRecord {
  clipping: Omit<Clipping, 'annotations'> & { annotations?: AnnotationLike[] };
  meta: SyncMeta;
}

/** The default mark between two notes written on two devices; the worker passes a translated one. */
export const NOTE_MARK = '——— merged: written on another device at the same time ———';
const NOTE_HISTORY = 64;

/** A short stable hash of a note (cyrb53): equal notes, equal hashes, on every device. */
export function noteHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Fields the user edits; every other field of a clipping belongs to the saved article. */
const USER_FIELDS = new Set(['id', 'tags', 'note', 'annotations', 'savedAt', 'updatedAt', 'schema']);

function stable(v: unknown): string {
  return JSON.stringify(v) ?? '';
}

function articleKey(r: SyncRecord): string {
  const art = Object.entries(r.clipping).filter(([k]) => !USER_FIELDS.has(k));
  return stable(art);
}

/** Order two records so the result does not depend on which device holds which. */
function order(a: SyncRecord, b: SyncRecord): [first: SyncRecord, second: SyncRecord] {
  if (a.meta.articleAt !== b.meta.articleAt) return a.meta.articleAt > b.meta.articleAt ? [a, b] : [b, a];
  const ka = articleKey(a);
  const kb = articleKey(b);
  if (ka !== kb) return ka > kb ? [a, b] : [b, a];
  return stable(a) >= stable(b) ? [a, b] : [b, a];
}

function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Note: equal, or one replaced the other (kept), or both were edited (both kept, marked). */
export function mergeNotes(a: SyncRecord, b: SyncRecord, mark = NOTE_MARK): { note: string; noteFrom: string[]; noteAt: string } {
  const history = unique([...a.meta.noteFrom, ...b.meta.noteFrom]);
  const na = a.clipping.note;
  const nb = b.clipping.note;
  const noteAt = maxIso(a.meta.noteAt, b.meta.noteAt);
  if (na === nb) return { note: na, noteFrom: history.filter((h) => h !== noteHash(na)).slice(-NOTE_HISTORY), noteAt };
  const ha = noteHash(na);
  const hb = noteHash(nb);
  const bReplacedA = b.meta.noteFrom.includes(ha);
  const aReplacedB = a.meta.noteFrom.includes(hb);
  // Both at once happens after an undo (A: x -> y, B: y -> x): the later change wins.
  const takeB = bReplacedA && (!aReplacedB || b.meta.noteAt > a.meta.noteAt);
  if (takeB) return { note: nb, noteFrom: history.filter((h) => h !== hb).slice(-NOTE_HISTORY), noteAt };
  if (aReplacedB) return { note: na, noteFrom: history.filter((h) => h !== ha).slice(-NOTE_HISTORY), noteAt };
  // Both changed since they parted: keep both words, in a fixed order, with a visible mark.
  const [n1, n2] = na < nb ? [na, nb] : [nb, na];
  const note = `${n1}\n\n${mark}\n\n${n2}`;
  return { note, noteFrom: unique([...history, ha, hb]).filter((h) => h !== noteHash(note)).slice(-NOTE_HISTORY), noteAt };
}

/**
 * Annotations united by id. The same one on both sides: the later `modified` wins. One side
 * deleted it: it stays gone unless the other side edited it after the version that was deleted
 * (an edit beats a delete).
 */
export function mergeAnnotations(
  first: SyncRecord,
  second: SyncRecord,
): { annotations: AnnotationLike[] | undefined; gone: Record<string, string> } {
  const gone: Record<string, string> = { ...first.meta.goneAnnotations };
  for (const [id, at] of Object.entries(second.meta.goneAnnotations)) gone[id] = gone[id] ? maxIso(gone[id], at) : at;
  const la = first.clipping.annotations;
  const lb = second.clipping.annotations;
  if (!la && !lb) return { annotations: undefined, gone };
  const byId = new Map<string, AnnotationLike>();
  for (const x of [...(la ?? []), ...(lb ?? [])]) {
    if (!x || typeof x.id !== 'string') continue;
    const prev = byId.get(x.id);
    if (!prev) byId.set(x.id, x);
    else {
      const pm = prev.modified ?? '';
      const xm = x.modified ?? '';
      if (xm > pm || (xm === pm && stable(x) > stable(prev))) byId.set(x.id, x);
    }
  }
  const annotations = [...byId.values()].filter((x) => {
    const deletedAt = gone[x.id];
    return deletedAt === undefined || (x.modified ?? '') > deletedAt;
  });
  return { annotations, gone };
}

/** The clipping both devices end with. */
export function mergeRecords(a: SyncRecord, b: SyncRecord, noteMark = NOTE_MARK): SyncRecord {
  const [first, second] = order(a, b);
  const { note, noteFrom, noteAt } = mergeNotes(first, second, noteMark);
  const { annotations, gone } = mergeAnnotations(first, second);
  const clipping: SyncRecord['clipping'] = {
    ...first.clipping,
    schema: Math.max(first.clipping.schema, second.clipping.schema),
    tags: normalizeTags([...first.clipping.tags, ...second.clipping.tags]),
    note,
    savedAt: first.clipping.savedAt <= second.clipping.savedAt ? first.clipping.savedAt : second.clipping.savedAt,
    updatedAt: maxIso(first.clipping.updatedAt, second.clipping.updatedAt),
  };
  if (annotations) clipping.annotations = annotations;
  else delete clipping.annotations;
  return { clipping, meta: { noteFrom, noteAt, articleAt: maxIso(first.meta.articleAt, second.meta.articleAt), goneAnnotations: gone } };
}

/** Every leaf of a conflicted document folded into one, in an order every device agrees on. */
export function mergeAll(records: SyncRecord[], noteMark = NOTE_MARK): SyncRecord {
  if (records.length === 0) throw new Error('nothing to merge');
  const sorted = [...records].sort((x, y) => (stable(x) < stable(y) ? -1 : stable(x) > stable(y) ? 1 : 0));
  return sorted.slice(1).reduce((acc, r) => mergeRecords(acc, r, noteMark), sorted[0]!);
}

/**
 * The record a device writes after a local change, given the last record it synced: the note's
 * history grows when the note changed, the article time moves when the article changed, and
 * annotations that disappeared become tombstones.
 */
export function nextRecord(clipping: SyncRecord['clipping'], prev: SyncRecord | undefined): SyncRecord {
  if (!prev) {
    return { clipping, meta: { noteFrom: [], noteAt: clipping.updatedAt, articleAt: clipping.updatedAt, goneAnnotations: {} } };
  }
  const noteFrom =
    clipping.note === prev.clipping.note
      ? prev.meta.noteFrom
      : unique([...prev.meta.noteFrom, noteHash(prev.clipping.note)])
          .filter((h) => h !== noteHash(clipping.note))
          .slice(-NOTE_HISTORY);
  const noteAt = clipping.note === prev.clipping.note ? prev.meta.noteAt : clipping.updatedAt;
  const articleAt = articleKey({ clipping, meta: prev.meta }) === articleKey(prev) ? prev.meta.articleAt : clipping.updatedAt;
  const goneAnnotations = { ...prev.meta.goneAnnotations };
  const now = new Set((clipping.annotations ?? []).map((x) => x.id));
  for (const x of prev.clipping.annotations ?? []) {
    if (!now.has(x.id)) goneAnnotations[x.id] = x.modified ?? '';
  }
  return { clipping, meta: { noteFrom, noteAt, articleAt, goneAnnotations } };
}
