// A list that renders only the rows in view (plus a margin): 10,000 clippings scroll as
// smoothly as 10. Rows have one fixed height, so a row's place is index * height.

export const ROW_HEIGHT = 88;
const OVERSCAN = 6;

export class VirtualList<T> {
  private items: readonly T[] = [];
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private first = -1;
  private last = -1;
  private frame = 0;

  constructor(
    readonly viewport: HTMLElement,
    private readonly renderRow: (item: T, index: number) => HTMLElement,
  ) {
    this.spacer = viewport.querySelector<HTMLElement>('.spacer')!;
    this.rows = viewport.querySelector<HTMLElement>('.rows')!;
    viewport.addEventListener('scroll', () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.paint(false);
      });
    });
    new ResizeObserver(() => this.paint(false)).observe(viewport);
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    this.spacer.style.height = `${items.length * ROW_HEIGHT}px`;
    this.paint(true);
  }

  get length(): number {
    return this.items.length;
  }

  /** Re-render the rows in view (after a change of selection or highlight). */
  refresh(): void {
    this.paint(true);
  }

  scrollToIndex(i: number): void {
    const top = i * ROW_HEIGHT;
    const vp = this.viewport;
    if (top < vp.scrollTop) vp.scrollTop = top;
    else if (top + ROW_HEIGHT > vp.scrollTop + vp.clientHeight) vp.scrollTop = top + ROW_HEIGHT - vp.clientHeight;
    this.paint(false);
  }

  private paint(force: boolean): void {
    const vp = this.viewport;
    // Before layout (hidden page, first frame) the height is 0: render a screenful anyway.
    const height = vp.clientHeight || 900;
    const first = Math.max(0, Math.floor(vp.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((vp.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    if (!force && first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    this.rows.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    const out: HTMLElement[] = [];
    for (let i = first; i < last; i++) out.push(this.renderRow(this.items[i]!, i));
    // Keep keyboard focus on the same row across a re-render.
    const focused = this.rows.contains(document.activeElement) ? (document.activeElement as HTMLElement).closest<HTMLElement>('[data-id]')?.dataset.id : undefined;
    this.rows.replaceChildren(...out);
    if (focused) out.find((row) => row.dataset.id === focused)?.focus({ preventScroll: true });
  }
}
