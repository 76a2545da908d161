import type { Clipping } from '../../core/clipping.ts';
import type { SaveResult } from '../../shared/protocol.ts';

/** The library's storage. IndexedDB in the extension, memory in unit tests. */
export interface ClipStore {
  /** Resolves only after the write is durable. */
  save(clipping: Clipping): Promise<SaveResult>;
  get(id: string): Promise<Clipping | undefined>;
  /** Newest first. */
  list(): Promise<Clipping[]>;
  count(): Promise<number>;
  update(id: string, patch: Partial<Pick<Clipping, 'tags' | 'note'>>): Promise<void>;
  /** Returns what was deleted, for undo. */
  delete(ids: string[]): Promise<Clipping[]>;
  /** Write clippings as they are (undo, import). */
  putMany(clippings: Clipping[]): Promise<void>;
  clear(): Promise<number>;
}
