import type { QueueItem, QueueStatus } from './queue-types.ts';
import type { QueueStore } from './queue-store.ts';
import { backoffMs } from './fetch-page.ts';
import { MAX_ATTEMPTS, processItem, type ProcessDeps } from './process-item.ts';

// Runs the queue: a few items at a time overall and at most PER_HOST per site (polite to every
// server), in order, honouring backoffs. One runner per worker life; on start it takes back what
// a dead life had claimed (QueueStore.recover), so a kill loses nothing and duplicates nothing.

export const LIMITS = { total: 4, perHost: 2 };
const SPEED_WINDOW_MS = 60_000;

export class QueueRunner {
  private readonly perHost = new Map<string, number>();
  private running = 0;
  private pumping = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly finished: number[] = [];
  private recovered: Promise<unknown> | null = null;
  /** Called when the queue changes (panels refresh; the worker keeps itself awake while busy). */
  onChange: () => void = () => {};

  constructor(
    private readonly deps: ProcessDeps,
    private readonly boot: string,
    private readonly limits = LIMITS,
  ) {}

  get queue(): QueueStore {
    return this.deps.queue;
  }

  get busy(): boolean {
    return this.running > 0 || this.timer !== null;
  }

  /** Start whatever can run now. Safe to call any time, from any event. */
  kick(): Promise<void> {
    this.recovered ??= this.queue.recover(this.boot);
    return this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      await this.recovered;
      do {
        this.again = false;
        if (await this.queue.paused()) return;
        while (this.running < this.limits.total) {
          const now = this.deps.now();
          const { item, nextAt } = await this.queue.claim(this.boot, (h) => (this.perHost.get(h) ?? 0) < this.limits.perHost, now);
          if (!item) {
            if (nextAt !== null) this.wakeAt(nextAt);
            break;
          }
          this.start(item);
        }
      } while (this.again);
    } finally {
      this.pumping = false;
    }
  }

  private wakeAt(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pump();
    }, Math.max(50, at - this.deps.now()));
  }

  private start(item: QueueItem): void {
    this.running++;
    this.perHost.set(item.host, (this.perHost.get(item.host) ?? 0) + 1);
    void (async () => {
      let patch: Partial<QueueItem>;
      try {
        patch = await processItem(item, this.deps);
      } catch (err) {
        // Often passing: the offscreen cleaner closed with a killed worker ("Receiving end does not
        // exist"), a disk briefly full. Try again later, like a network error; after the last attempt
        // the item waits for "retry failed" instead of vanishing.
        const reason = String((err as Error)?.message ?? err);
        const now = this.deps.now();
        patch = item.attempts < MAX_ATTEMPTS
          ? { state: 'waiting', boot: undefined, nextAt: now + (this.deps.backoff ?? backoffMs)(item.attempts), reason }
          : { state: 'failed', boot: undefined, reason, finishedAt: now };
      }
      try {
        await this.queue.update(item.id, patch);
      } finally {
        if (patch.state === 'done' || patch.state === 'failed') this.finished.push(this.deps.now());
        this.running--;
        const n = (this.perHost.get(item.host) ?? 1) - 1;
        if (n > 0) this.perHost.set(item.host, n);
        else this.perHost.delete(item.host);
        this.onChange();
        void this.pump();
      }
    })();
  }

  async status(): Promise<QueueStatus> {
    const q = this.queue;
    const [done, failed, waiting, fetching, needsPermission, cancelled, alreadySaved, linkOnly, paused, recent] = await Promise.all([
      q.count('done'), q.count('failed'), q.count('waiting'), q.count('fetching'), q.count('needs-permission'), q.count('cancelled'),
      q.countOutcome('already-saved'), q.countOutcome('link-only'), q.paused(), q.recentFailures(),
    ]);
    const now = this.deps.now();
    while (this.finished.length && this.finished[0]! < now - SPEED_WINDOW_MS) this.finished.shift();
    const span = this.finished.length > 1 ? (now - this.finished[0]!) / 1000 : 0;
    const pagesPerSecond = span > 0 ? this.finished.length / span : null;
    const left = waiting + fetching;
    return {
      done, failed, waiting: waiting + fetching, fetching, needsPermission, cancelled, alreadySaved, linkOnly, paused,
      pagesPerSecond,
      etaSeconds: pagesPerSecond && left ? Math.round(left / pagesPerSecond) : left ? null : 0,
      recentFailures: recent.map((it) => ({ url: it.url, reason: it.reason ?? '' })),
    };
  }
}
