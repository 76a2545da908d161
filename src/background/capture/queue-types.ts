import type { ReadingStatus } from '../../core/reading-list/types.ts';

// One address waiting to be fetched, cleaned and saved: stored in IndexedDB (table `queue`) so
// a killed worker or a restarted browser picks the work up where it was.

export type QueueState =
  /** Ready, or waiting for its backoff (`nextAt`). */
  | 'waiting'
  /** Claimed by a worker life (`boot`); reset to waiting when that life is gone. */
  | 'fetching'
  | 'done'
  | 'failed'
  /** Sift may not fetch from this site: the user refused (or has not yet given) the permission. */
  | 'needs-permission'
  | 'cancelled';

export type QueueOutcome = 'clipped' | 'link-only' | 'already-saved';
export type QueueSource = 'import' | 'link' | 'tab';

export interface QueueItem {
  /** Also the clipping's id: a retried or resumed item writes the same clipping, never a second. */
  id: string;
  /** Order of arrival. */
  seq: number;
  /** One import or one click: the panel can report on it. */
  batch: string;
  source: QueueSource;
  url: string;
  host: string;
  title: string;
  savedAt: string | null;
  tags: string[];
  status: ReadingStatus;
  /** The page as the service saved it (Omnivore, wallabag): cleaned instead of fetched. */
  content?: string;
  importedFrom?: string;
  state: QueueState;
  attempts: number;
  /** Epoch ms before which it is not tried again (backoff, Retry-After). */
  nextAt: number;
  /** The worker life that claimed it. */
  boot?: string;
  outcome?: QueueOutcome;
  /** Why it failed, why it is link-only, or why it waits. */
  reason?: string;
  finalUrl?: string;
  /** Addresses it went through before finalUrl (the fetch API shows the first and the last). */
  redirects?: string[];
  startedAt?: number;
  finishedAt?: number;
  /** Time from claim to save, for the panel's speed and the benchmark. */
  ms?: number;
}

/** What the queue panel shows. */
export interface QueueStatus {
  done: number;
  failed: number;
  waiting: number;
  fetching: number;
  needsPermission: number;
  cancelled: number;
  alreadySaved: number;
  linkOnly: number;
  paused: boolean;
  /** Pages a second over the last minute of work, or null before there is any. */
  pagesPerSecond: number | null;
  /** Seconds left at that speed. */
  etaSeconds: number | null;
  /** The latest failures, newest first, for the report. */
  recentFailures: { url: string; reason: string }[];
}

/** What a page hands the queue: an item of an import, or one link. */
export interface QueueInput {
  url: string;
  title?: string;
  savedAt?: string | null;
  tags?: string[];
  status?: ReadingStatus;
  content?: string;
}
