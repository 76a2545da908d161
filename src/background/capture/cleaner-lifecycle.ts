// When Chrome's offscreen cleaner is closed and made anew.
//
// Why: Blink keeps some parsed documents alive for as long as the document that parsed them lives.
// A <video> (its RemotePlayback) or a media query of a <picture>'s <source> counts as a "pending
// activity" of the parser's window, and in a document without a browsing context that activity
// never ends. Heap snapshots of an import (bench/import.ts --heap --snapshot) showed about one
// fetched page in seven held that way, with all its nodes (300 documents, 451,000 nodes after
// 1,900 pages). Closing the offscreen document ends its window and frees them (20-30 left).
// So the cleaner is closed after RECYCLE_AFTER pages (once the pages being cleaned are done; new
// ones wait) and when the queue goes idle; it is made again on the next page (~100 ms).

export const RECYCLE_AFTER = 40;

export interface CleanerHost {
  open(): Promise<void>;
  close(): Promise<void>;
}

export class CleanerLifecycle {
  private readonly inFlight = new Set<Promise<unknown>>();
  private served = 0;
  /** A clean ran since the last close (an idle queue asks for release at every panel refresh). */
  private used = false;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly host: CleanerHost,
    private readonly recycleAfter = RECYCLE_AFTER,
  ) {}

  /** Run one clean in an open cleaner; closes it first if it has served its share. */
  async run<T>(clean: () => Promise<T>): Promise<T> {
    while (this.closing) await this.closing;
    if (this.served >= this.recycleAfter) await this.release();
    await this.host.open();
    this.used = true;
    const p = clean();
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
      this.served++;
    }
  }

  /** Close the cleaner once the cleans running now have ended; later ones wait, then open a new one. */
  release(): Promise<void> {
    if (!this.used && !this.closing) return Promise.resolve();
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      this.served = 0;
      this.used = false;
      await this.host.close().catch(() => {
        // Not open (never made, or Chrome closed it): nothing to free.
      });
    })().finally(() => {
      this.closing = null;
    });
    return this.closing;
  }
}
