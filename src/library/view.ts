import type { ClippingCard } from '../core/clipping.ts';
import { buildEntityIndex } from '../core/search/entity-index.ts';
import { isEmptyFilter, matchesFilter, type LibraryFilter } from '../core/search/filters.ts';
import type { DexieStore } from '../platform/store/dexie-store.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { $ } from './dom.ts';
import type { EntityIndexPane } from './entity-index-ui.ts';
import { clippingRow } from './rows.ts';
import type { LibrarySearch } from './search-service.ts';
import { ROW_HEIGHT, VirtualList } from './virtual-list.ts';

const TEXT_CACHE = 300;

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
  private texts = new Map<string, string>();
  private wanted = new Set<string>();
  private fetching = false;
  private entityTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: DexieStore,
    private readonly search: LibrarySearch,
    private readonly entities: EntityIndexPane,
    private readonly filter: () => LibraryFilter,
    private readonly onSelection: () => void,
  ) {
    this.list = new VirtualList($('[data-testid=clippings]'), (c, i) => this.row(c, i));
  }

  setCards(cards: ClippingCard[]): void {
    this.cards = cards;
    this.byId = new Map(cards.map((c) => [c.id, c]));
    for (const id of this.selected) if (!this.byId.has(id)) this.selected.delete(id);
  }

  /** Recompute what is shown and paint it; returns the milliseconds spent (search + filter + DOM). */
  apply(): number {
    const t0 = performance.now();
    const f = this.filter();
    let base: ClippingCard[];
    if (this.query.trim()) {
      base = [];
      for (const hit of this.search.search(this.query)) {
        const c = this.byId.get(hit.id);
        if (c) base.push(c);
      }
    } else base = this.cards;
    this.shown = isEmptyFilter(f) ? base : base.filter((c) => matchesFilter(c, f));
    // After a delete the cursor stays at its place, on the next row, so Delete can be pressed again.
    this.cursor = Math.min(this.cursor, this.shown.length - 1);
    this.list.setItems(this.shown);
    $('[data-testid=count]').textContent = t('clippingsShown', [formatNumber(this.shown.length), formatNumber(this.cards.length)]);
    $('[data-testid=empty]').hidden = this.cards.length > 0;
    $('[data-testid=no-results]').hidden = this.cards.length === 0 || this.shown.length > 0;
    const ms = performance.now() - t0;
    this.scheduleEntityIndex();
    return ms;
  }

  /** The entity index counts the clippings shown; recomputed after the list has painted. */
  private scheduleEntityIndex(): void {
    if (this.entityTimer) clearTimeout(this.entityTimer);
    this.entityTimer = setTimeout(() => {
      this.entityTimer = null;
      this.entities.render(buildEntityIndex(this.shown), this.filter().entity ?? null);
    }, 60);
  }

  repaint(): void {
    this.list.refresh();
  }

  private row(c: ClippingCard, index: number): HTMLElement {
    if (this.query && !this.texts.has(c.id)) this.want(c.id);
    return clippingRow(c, index, {
      query: this.query,
      selected: this.selected,
      cursorId: this.shown[this.cursor]?.id ?? null,
      openId: this.openId,
      texts: this.texts,
    });
  }

  /** Search snippets come from the full text, fetched only for the rows in view. */
  private want(id: string): void {
    this.wanted.add(id);
    if (this.fetching) return;
    this.fetching = true;
    queueMicrotask(async () => {
      const ids = [...this.wanted];
      this.wanted.clear();
      try {
        const got = await this.store.getMany(ids);
        got.forEach((c, i) => this.texts.set(ids[i]!, c?.text ?? ''));
        while (this.texts.size > TEXT_CACHE) this.texts.delete(this.texts.keys().next().value!);
      } finally {
        this.fetching = false;
      }
      if (this.query) this.list.refresh();
    });
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
