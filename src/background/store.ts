import { DexieStore } from '../platform/store/dexie-store.ts';
import type { ClipStore } from '../platform/store/clip-store.ts';

let store: ClipStore | null = null;

/** The worker's one store, opened on first use (the worker may be restarted at any time). */
export function getStore(): ClipStore {
  store ??= new DexieStore();
  return store;
}
