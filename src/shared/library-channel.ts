// Open extension pages (library, options) hear of every library change on one BroadcastChannel:
// the worker posts on it after each change (background/store.ts tellPages).

export const LIBRARY_CHANNEL = 'sift-library';

/** Call `fn` after every library change; false when the browser has no BroadcastChannel. */
export function onLibraryChange(fn: () => void): boolean {
  try {
    new BroadcastChannel(LIBRARY_CHANNEL).addEventListener('message', () => fn());
    return true;
  } catch {
    return false;
  }
}
