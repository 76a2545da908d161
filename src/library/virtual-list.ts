// A list that renders only the rows in view (plus a margin): 10,000 clippings scroll as
// smoothly as 10. Rows have one fixed height, so a row's place is index * height.
// Three things keep a repaint cheap, which matters because the list repaints on every keystroke
// of a search: it never reads layout (the viewport's height comes from a ResizeObserver and its
// scroll position from scroll events, so no forced synchronous layout), a row whose content did
// not change (same key) is kept, not rebuilt, and a new list first renders only the rows in view:
// the rows above and below it follow when the page is idle. (Laying out and painting a new row's text
// is most of a search's time to screen: CJK shaping and glyphs especially.)

export const ROW_HEIGHT = 88;
const OVERSCAN = 6;
/** Before the first layout (hidden page, first frame) the height is unknown: render a screenful. */
const FALLBACK_HEIGHT = 900;

export class VirtualList<T> {
  private items: readonly T[] = [];
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private first = -1;
  private last = -1;
  private frame = 0;
  private topUp = 0;
  private height = 0;
  private top = 0;
  /** The rows on screen, by key. */
  private shown = new Map<string, HTMLElement>();

  constructor(
    readonly viewport: HTMLElement,
    private readonly renderRow: (item: T, index: number) => HTMLElement,
    /** Everything a row's content depends on; rows with an unchanged key are reused. */
    private readonly rowKey: (item: T, index: number) => string,
  ) {
    this.spacer = viewport.querySelector<HTMLElement>('.spacer')!;
    this.rows = viewport.querySelector<HTMLElement>('.rows')!;
    viewport.addEventListener('scroll', () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.top = viewport.scrollTop;
        this.paint(false);
      });
    });
    new ResizeObserver((entries) => {
      const h = entries[entries.length - 1]!.contentRect.height;
      if (h === this.height) return;
      this.height = h;
      this.paint(false);
    }).observe(viewport);
  }

  /** Show `items`; `fromTop` scrolls back to the first row (a new search or filter). */
  setItems(items: readonly T[], fromTop = false): void {
    this.items = items;
    this.spacer.style.height = `${items.length * ROW_HEIGHT}px`;
    if (fromTop && this.top !== 0) {
      this.top = 0;
      this.viewport.scrollTop = 0;
    } else {
      // A shorter list: the browser will clamp the scroll position; render what it will show.
      this.top = Math.min(this.top, Math.max(0, items.length * ROW_HEIGHT - this.viewHeight()));
    }
    this.paint(true, 0);
    // The margin rows when the page is idle after the frame that shows the list (a scroll before
    // then renders them itself).
    if (!this.topUp) {
      const run = () => {
        this.topUp = 0;
        this.paint(false);
      };
      this.topUp = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 200 }) : window.setTimeout(run, 50);
    }
  }

  get length(): number {
    return this.items.length;
  }

  /** Re-render the rows in view whose key changed (after a change of selection or highlight). */
  refresh(): void {
    this.paint(true);
  }

  scrollToIndex(i: number): void {
    const top = i * ROW_HEIGHT;
    const height = this.viewHeight();
    if (top < this.top) this.top = top;
    else if (top + ROW_HEIGHT > this.top + height) this.top = top + ROW_HEIGHT - height;
    else return this.paint(false);
    this.viewport.scrollTop = this.top;
    this.paint(false);
  }

  private viewHeight(): number {
    return this.height || FALLBACK_HEIGHT;
  }

  private paint(force: boolean, overscan = OVERSCAN): void {
    const height = this.viewHeight();
    const first = Math.max(0, Math.floor(this.top / ROW_HEIGHT) - overscan);
    const last = Math.min(this.items.length, Math.ceil((this.top + height) / ROW_HEIGHT) + overscan);
    if (!force && first === this.first && last === this.last) return;
    if (first !== this.first) this.rows.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    this.first = first;
    this.last = last;
    const next = new Map<string, HTMLElement>();
    const out: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const item = this.items[i]!;
      const key = this.rowKey(item, i);
      const row = this.shown.get(key) ?? this.renderRow(item, i);
      next.set(key, row);
      out.push(row);
    }
    // Keep keyboard focus on the same row across a re-render.
    const active = document.activeElement;
    const focused = active && this.rows.contains(active) ? (active as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id : undefined;
    // Change only what changed: rows kept stay in the DOM (a removed and re-added row would be
    // laid out and painted again), old ones go, new ones go in their place.
    const keep = new Set(out);
    for (const row of this.shown.values()) if (!keep.has(row)) row.remove();
    let at: ChildNode | null = this.rows.firstChild;
    for (const row of out) {
      if (row === at) at = at.nextSibling;
      else this.rows.insertBefore(row, at);
    }
    while (at) {
      const after: ChildNode | null = at.nextSibling;
      at.remove();
      at = after;
    }
    this.shown = next;
    if (focused && !(document.activeElement && this.rows.contains(document.activeElement))) {
      out.find((row) => row.dataset.id === focused)?.focus({ preventScroll: true });
    }
  }
}
