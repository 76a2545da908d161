import type { ClippingCard } from '../core/clipping.ts';
import { indexDoc } from '../core/search/index-doc.ts';
import { SearchIndex, type SearchHit } from '../core/search/search-index.ts';
import type { DexieStore } from '../platform/store/dexie-store.ts';
import { nextTask } from './dom.ts';

const BATCH = 50;
/** Work this long, then let the page breathe. */
const SLICE_MS = 40;
const PERSIST_AFTER_MS = 3000;

/**
 * The library's full-text index, kept in step with the store. It is loaded from its persisted
 * snapshot (one read, no tokenising), then only clippings added or changed since are read and
 * indexed, in small batches so the page stays responsive; the new state is written back when
 * the page is idle. Without a snapshot (first run, import, tokenizer change) it is built from
 * every clipping once.
 */
export class LibrarySearch {
  private index = new SearchIndex();
  private queue: Promise<void> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** Documents still to index in the running sync. */
  pending = 0;
  loadedFromSnapshot = false;

  constructor(
    private readonly store: DexieStore,
    private readonly onProgress: (done: number, total: number) => void,
  ) {}

  get size(): number {
    return this.index.size;
  }

  async open(): Promise<void> {
    const snap = await this.store.loadIndex().catch(() => undefined);
    const loaded = snap ? SearchIndex.fromSnapshot(snap) : null;
    this.loadedFromSnapshot = !!loaded;
    if (loaded) this.index = loaded;
  }

  /** Bring the index in line with the cards (the store's truth); runs one at a time. */
  sync(cards: readonly ClippingCard[]): Promise<void> {
    this.queue = this.queue.then(() => this.doSync(cards)).catch((err) => console.error('Sift: indexing failed', err));
    return this.queue;
  }

  private async doSync(cards: readonly ClippingCard[]): Promise<void> {
    const live = new Set(cards.map((c) => c.id));
    let changed = 0;
    for (const id of this.index.idList()) {
      if (!live.has(id) && this.index.remove(id)) changed++;
    }
    // Oldest first (cards are newest first): the index ranks equal scores by the order documents
    // were added, later first, so the newer clipping wins a tie.
    const stale = cards.filter((c) => this.index.stampOf(c.id) !== c.updatedAt).map((c) => c.id).reverse();
    this.pending = stale.length;
    let sliceStart = performance.now();
    for (let i = 0; i < stale.length; i += BATCH) {
      const batch = await this.store.getMany(stale.slice(i, i + BATCH));
      for (const c of batch) if (c) this.index.add(indexDoc(c));
      changed += batch.length;
      this.pending = Math.max(0, stale.length - i - BATCH);
      if (performance.now() - sliceStart > SLICE_MS) {
        this.onProgress(Math.min(stale.length, i + BATCH), stale.length);
        await nextTask();
        sliceStart = performance.now();
      }
    }
    this.onProgress(stale.length, stale.length);
    this.pending = 0;
    if (changed) this.schedulePersist();
  }

  search(query: string): SearchHit[] {
    return this.index.search(query);
  }

  private schedulePersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.queue = this.queue.then(() => this.persist());
    }, PERSIST_AFTER_MS);
  }

  /** Write the snapshot now (also used by tests and the benchmark through the page hook). */
  async persist(): Promise<void> {
    try {
      await this.store.saveIndex(this.index.snapshot());
    } catch (err) {
      // A cache: failing to store it (e.g. a full disk) costs a rebuild next time, nothing else.
      console.warn('Sift: could not store the search index', err);
    }
  }
}
