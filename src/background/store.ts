import { DexieStore } from '../platform/store/dexie-store.ts';
import type { ClipStore } from '../platform/store/clip-store.ts';
import { LIBRARY_CHANNEL } from '../shared/library-channel.ts';

let store: ClipStore | null = null;

/** The worker's one store, opened on first use (the worker may be restarted at any time). */
export function getStore(): ClipStore {
  store ??= new DexieStore();
  return store;
}


let onLocalChange: (() => void) | null = null;

/** Sync asks to hear of every change made here (background/sync/schedule.ts). */
export function setLocalChangeListener(fn: () => void): void {
  onLocalChange = fn;
}

/** A change made here: tell open pages, and sync. */
export function notifyChanged(): void {
  tellPages();
  onLocalChange?.();
}

/** Tell open library pages to refresh (also for changes that arrived by sync). */
export function tellPages(): void {
  try {
    const ch = new BroadcastChannel(LIBRARY_CHANNEL);
    ch.postMessage({ type: 'changed' });
    ch.close();
  } catch {
    // No BroadcastChannel (old Firefox worker): pages refresh when they regain focus.
  }
}
