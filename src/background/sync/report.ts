/** What one sync run did, for the status line and the tests. */
export interface SyncReport {
  sent: number;
  received: number;
  merged: number;
  /** Documents the server sent that cannot be clippings, with why (ids only: titles may be hostile). */
  refused: { id: string; reason: string }[];
  /** Clippings this run changed in the library (to tell open pages). */
  receivedIds: Set<string>;
  /** Mirror documents that gained a revision over an older one: the ones compaction has work in. */
  stale: Set<string>;
  /** Milliseconds spent in each step (for bench:sync). */
  ms: { drain: number; push: number; pull: number; apply: number; compact: number };
}

export function emptyReport(): SyncReport {
  return { sent: 0, received: 0, merged: 0, refused: [], receivedIds: new Set(), stale: new Set(), ms: { drain: 0, push: 0, pull: 0, apply: 0, compact: 0 } };
}
