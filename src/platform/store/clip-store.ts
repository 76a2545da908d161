import type { Clipping, ClippingCard } from '../../core/clipping.ts';
import type { SaveResult } from '../../shared/protocol.ts';
import type { AnnotationChange, ChangeResult } from '../../core/annotations/change.ts';

export type ClipPatch = Partial<Pick<Clipping, 'tags' | 'note'>>;

/** The library's storage. IndexedDB in the extension, memory in unit tests. */
export interface ClipStore {
  /** Resolves only after the write is durable. */
  save(clipping: Clipping): Promise<SaveResult>;
  get(id: string): Promise<Clipping | undefined>;
  /** Newest first. */
  list(): Promise<Clipping[]>;
  /** The light list rows, newest first. */
  cards(limit?: number): Promise<ClippingCard[]>;
  count(): Promise<number>;
  /** Returns the updated clipping (updatedAt moves). */
  update(id: string, patch: ClipPatch): Promise<Clipping>;
  /** Returns what was deleted, for undo. */
  delete(ids: string[]): Promise<Clipping[]>;
  /** Write clippings as they are (undo, import). */
  putMany(clippings: Clipping[]): Promise<void>;
  clear(): Promise<number>;
  /** Add, change or remove one highlight in one transaction (idempotent); resolves once durable. */
  annotate(id: string, change: AnnotationChange): Promise<ChangeResult>;
  /** The clipping saved from this canonical URL, if any. */
  findByUrl(canonicalUrl: string): Promise<Clipping | undefined>;
}
