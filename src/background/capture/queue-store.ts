import Dexie, { type Table } from 'dexie';
import type { Clipping } from '../../core/clipping.ts';
import type { SiftDb } from '../../platform/store/dexie-store.ts';
import type { QueueItem, QueueState } from './queue-types.ts';

// The queue's records in IndexedDB (schema version 5). Every change of state is one transaction,
// so a worker killed at any moment leaves each item in exactly one state.

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;
const PAUSED = 'paused';
const SEQ = 'seq';

export class QueueStore {
  constructor(private readonly db: SiftDb) {}

  private get queue(): Table<QueueItem, string> {
    return this.db.table('queue');
  }
  private get meta(): Table<unknown, string> {
    return this.db.table('queueMeta');
  }

  /** Append items in order; their ids are made here and never change. */
  async add(items: Omit<QueueItem, 'seq'>[]): Promise<void> {
    await this.db.transaction('rw', this.queue, this.meta, async () => {
      let seq = ((await this.meta.get(SEQ)) as number | undefined) ?? 0;
      await this.queue.bulkAdd(items.map((it) => ({ ...it, seq: ++seq })));
      await this.meta.put(seq, SEQ);
    });
  }

  get(id: string): Promise<QueueItem | undefined> {
    return this.queue.get(id);
  }

  /**
   * Give back to the queue what a dead worker life had claimed: its fetch never finished (or
   * finished without being recorded; the item's clipping id makes the second save an update).
   */
  async recover(boot: string): Promise<number> {
    return this.queue.where('state').equals('fetching').filter((it) => it.boot !== boot).modify({ state: 'waiting', boot: undefined });
  }

  /**
   * Claim the first waiting item, in order, whose backoff is over and whose site has a free slot.
   * Returns null when none can run now; `nextAt` then says when the earliest backoff ends.
   */
  async claim(boot: string, hostFree: (host: string) => boolean, now: number): Promise<{ item: QueueItem | null; nextAt: number | null }> {
    return this.db.transaction('rw', this.queue, async () => {
      let nextAt: number | null = null;
      let found: QueueItem | null = null;
      await this.queue
        .where('[state+seq]')
        .between(['waiting', MIN], ['waiting', MAX])
        .until(() => found !== null)
        .each((it) => {
          if (found) return;
          if (it.nextAt > now) {
            nextAt = nextAt === null ? it.nextAt : Math.min(nextAt, it.nextAt);
            return;
          }
          if (hostFree(it.host)) found = it;
        });
      if (!found) return { item: null, nextAt };
      const claimed: QueueItem = { ...(found as QueueItem), state: 'fetching', boot, startedAt: now, attempts: (found as QueueItem).attempts + 1 };
      await this.queue.put(claimed);
      return { item: claimed, nextAt };
    });
  }

  async update(id: string, patch: Partial<QueueItem>): Promise<void> {
    await this.queue.update(id, patch);
  }

  count(state: QueueState): Promise<number> {
    return this.queue.where('state').equals(state).count();
  }

  async countOutcome(outcome: NonNullable<QueueItem['outcome']>): Promise<number> {
    return this.queue.where('state').anyOf('done', 'failed').filter((it) => it.outcome === outcome).count();
  }

  recentFailures(limit = 20): Promise<QueueItem[]> {
    return this.queue.where('state').equals('failed').reverse().limit(limit).toArray();
  }

  async paused(): Promise<boolean> {
    return ((await this.meta.get(PAUSED)) as boolean | undefined) === true;
  }

  async setPaused(paused: boolean): Promise<void> {
    await this.meta.put(paused, PAUSED);
  }

  /** Move every item in one state to another (resume, cancel, retry failed). */
  async move(from: QueueState[], to: QueueState, patch: Partial<QueueItem> = {}): Promise<number> {
    return this.queue.where('state').anyOf(from).modify({ ...patch, state: to });
  }

  /**
   * A clipping already in the library under one of these addresses, other than `exceptId`. A
   * selection is a passage, not the page: saving the page after it is no duplicate.
   */
  async findSaved(urls: string[], exceptId: string): Promise<Clipping | undefined> {
    const clean = [...new Set(urls.filter(Boolean))];
    if (!clean.length) return undefined;
    const clippings = this.db.clippings;
    const other = (c: Clipping) => c.id !== exceptId && c.kind !== 'selection';
    const byUrl = await clippings.where('url').anyOf(clean).filter(other).first();
    return byUrl ?? (await clippings.where('canonicalUrl').anyOf(clean).filter(other).first());
  }

  clipping(id: string): Promise<Clipping | undefined> {
    return this.db.clippings.get(id);
  }
}
