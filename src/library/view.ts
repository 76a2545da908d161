import type { ClippingCard } from '../core/clipping.ts';
import { buildEntityIndex, type EntityIndex } from '../core/search/entity-index.ts';
import { prepareText, type PreparedText } from '../core/search/highlight.ts';
import { isEmptyFilter, matchesFilter, type LibraryFilter } from '../core/search/filters.ts';
import type { DexieStore } from '../platform/store/dexie-store.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { $ } from './dom.ts';
import type { EntityIndexPane } from './entity-index-ui.ts';
import { clippingRow, rowKey, type RowState } from './rows.ts';
import type { LibrarySearch } from './search-service.ts';
import { ROW_HEIGHT, VirtualList } from './virtual-list.ts';

const TEXT_CACHE = 300;
/**
 * Full texts for snippets are read once typing pauses this long. Read at every keystroke, they
 * cost an IndexedDB read of whole clippings and a second layout and paint of the rows: about half
 * the page's main-thread work per search (bench/library-profile.ts --trace: 28 ms -> 13-16 ms).
 */
const TEXT_DELAY = 150;
/** The entity index follows the list once typing pauses, in idle time. */
const ENTITY_INDEX_DELAY = 120;

/** Where the time of one list update went (for the benchmark: bench/library.ts). */
export interface ApplyTimes {
  total: number;
  search: number;
  filter: number;
  rows: number;
}

/**
 * What the list shows: every card, or the search hits (best first), narrowed by the filters.
 * Owns the list's selection, keyboard cursor and the clipping open in the reader.
 */
export class LibraryView {
  cards: ClippingCard[] = [];
  byId = new Map<string, ClippingCard>();
  shown: ClippingCard[] = [];
  query = '';
  selected = new Set<string>();
  cursor = -1;
  openId: string | null = null;
  readonly list: VirtualList<ClippingCard>;
  private texts = new Map<string, PreparedText>();
  private wanted = new Set<string>();
  private fetching = false;
  private textTimer: ReturnType<typeof setTimeout> | null = null;
  /** The query the rows were last rendered for: a new one drops the texts still wanted. */
  private textQuery = '';
  private entityTimer: ReturnType<typeof setTimeout> | null = null;
  /** The entity index of the whole library, kept until the cards change. */
  private allEntities: EntityIndex | null = null;
  /** What the list showed last: a new query or filter scrolls back to the top. */
  private lastAsked = '';
  private readonly rowState: RowState;

  constructor(
    private readonly store: DexieStore,
    private readonly search: LibrarySearch,
    private readonly entities: EntityIndexPane,
    private readonly filter: () => LibraryFilter,
    private readonly onSelection: () => void,
  ) {
    // One object, read by every row: the getters give the current state.
    const view = (): this => this;
    this.rowState = {
      get query() { return view().query; },
      get selected() { return view().selected; },
      get cursorId() { return view().shown[view().cursor]?.id ?? null; },
      get openId() { return view().openId; },
      texts: this.texts,
      needText: (id) => this.want(id),
    };
    this.list = new VirtualList(
      $('[data-testid=clippings]'),
      (c, i) => clippingRow(c, i, this.rowState),
      (c, i) => rowKey(c, i, this.rowState),
    );
  }

  setCards(cards: ClippingCard[]): void {
    this.cards = cards;
    this.byId = new Map(cards.map((c) => [c.id, c]));
    this.allEntities = null;
    for (const id of this.selected) if (!this.byId.has(id)) this.selected.delete(id);
  }

  /** Recompute what is shown and paint it; returns where the time went (search, filter, DOM). */
  apply(): ApplyTimes {
    const t0 = performance.now();
    if (this.query !== this.textQuery) {
      // The rows of the new query ask again for what they lack (below, as they are rendered).
      this.textQuery = this.query;
      this.wanted.clear();
      if (this.textTimer) clearTimeout(this.textTimer);
      this.textTimer = null;
    }
    const f = this.filter();
    let base: ClippingCard[];
    if (this.query.trim()) {
      const hits = this.search.search(this.query);
      base = [];
      for (const hit of hits) {
        const c = this.byId.get(hit.id);
        if (c) base.push(c);
      }
    } else base = this.cards;
    const t1 = performance.now();
    this.shown = isEmptyFilter(f) ? base : base.filter((c) => matchesFilter(c, f));
    const t2 = performance.now();
    // After a delete the cursor stays at its place, on the next row, so Delete can be pressed again.
    this.cursor = Math.min(this.cursor, this.shown.length - 1);
    const asked = `${this.query}\u0000${JSON.stringify(f)}`;
    this.list.setItems(this.shown, asked !== this.lastAsked);
    this.lastAsked = asked;
    $('[data-testid=count]').textContent = t('clippingsShown', [formatNumber(this.shown.length), formatNumber(this.cards.length)]);
    $('[data-testid=empty]').hidden = this.cards.length > 0;
    $('[data-testid=no-results]').hidden = this.cards.length === 0 || this.shown.length > 0;
    const t3 = performance.now();
    this.scheduleEntityIndex();
    return { total: t3 - t0, search: t1 - t0, filter: t2 - t1, rows: t3 - t2 };
  }

  /**
   * The entity index counts the clippings shown. Recounting 10,000 cards takes a while, so it
   * waits for a pause in typing and for idle time, and the whole library's count is kept.
   */
  private scheduleEntityIndex(): void {
    if (this.entityTimer) clearTimeout(this.entityTimer);
    this.entityTimer = setTimeout(() => {
      this.entityTimer = null;
      const run = () => {
        const start = performance.now();
        const shown = this.shown;
        const index = shown === this.cards ? (this.allEntities ??= buildEntityIndex(this.cards)) : buildEntityIndex(shown);
        this.entities.render(index, this.filter().entity ?? null);
        performance.measure('sift:entity-index', { start, end: performance.now() });
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
      else run();
    }, ENTITY_INDEX_DELAY);
  }

  repaint(): void {
    this.list.refresh();
  }

  /**
   * Search snippets come from the full text, read only for rows in view whose excerpt lacks the
   * match, and only once typing pauses (TEXT_DELAY).
   */
  private want(id: string): void {
    this.wanted.add(id);
    if (this.textTimer === null && !this.fetching) this.scheduleTexts();
  }

  private scheduleTexts(): void {
    this.textTimer = setTimeout(() => {
      // A failed read only leaves the excerpt's snippet in place.
      this.fetchTexts().catch((err) => console.warn('Sift: could not read texts for snippets', err));
    }, TEXT_DELAY);
  }

  private async fetchTexts(): Promise<void> {
    this.textTimer = null;
    const ids = [...this.wanted];
    this.wanted.clear();
    if (ids.length === 0) return;
    this.fetching = true;
    try {
      const got = await this.store.getMany(ids);
      got.forEach((c, i) => this.texts.set(ids[i]!, prepareText(c?.text ?? '')));
      while (this.texts.size > TEXT_CACHE) this.texts.delete(this.texts.keys().next().value!);
    } finally {
      this.fetching = false;
    }
    // Only the rows whose text arrived are rebuilt (their key changed).
    if (this.query) this.list.refresh();
    // Rows rendered meanwhile (a scroll, the margin rows) asked too: after the same pause.
    if (this.wanted.size && this.textTimer === null) this.scheduleTexts();
  }

  moveCursor(to: number): void {
    if (this.shown.length === 0) return;
    this.cursor = Math.max(0, Math.min(this.shown.length - 1, to));
    this.list.scrollToIndex(this.cursor);
    this.list.refresh();
    // The cursor row takes the focus, so screen readers read it.
    document.getElementById(`row-${this.shown[this.cursor]!.id}`)?.focus({ preventScroll: true });
  }

  /** Rows per page, for PageUp / PageDown. */
  pageSize(): number {
    return Math.max(1, Math.floor(this.list.viewport.clientHeight / ROW_HEIGHT) - 1);
  }

  toggle(id: string, on = !this.selected.has(id)): void {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
    this.list.refresh();
    this.onSelection();
  }

  selectRange(fromIndex: number, toIndex: number): void {
    const [a, b] = fromIndex < toIndex ? [fromIndex, toIndex] : [toIndex, fromIndex];
    for (let i = Math.max(0, a); i <= b && i < this.shown.length; i++) this.selected.add(this.shown[i]!.id);
    this.list.refresh();
    this.onSelection();
  }

  selectAllShown(on: boolean): void {
    if (on) for (const c of this.shown) this.selected.add(c.id);
    else this.selected.clear();
    this.list.refresh();
    this.onSelection();
  }
}
