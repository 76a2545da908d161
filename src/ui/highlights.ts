import { makeAnnotation } from '../core/annotations/annotation.ts';
import { prepare, type Prepared } from '../core/annotations/anchor.ts';
import { textFragmentUrl } from '../core/annotations/fragment.ts';
import { buildTextMap, mapToText, rangeToSpan } from '../core/annotations/text-map.ts';
import { newAnnotationId, noteOf, quoteOf, type Annotation, type HighlightColor } from '../core/annotations/types.ts';
import { dressMarks, MARK, marksOf, paintHighlights, unpaint } from './highlight-marks.ts';
import { makeEditor, makeToolbar, placeNear } from './highlight-toolbar.ts';
import { renderHighlightsList } from './highlights-list.ts';
import { t } from './i18n.ts';

// Highlighting in any Sift reader (popup, full tab, library): select, pick a colour or "Add
// note" (or press H / N); click or Enter on a highlight to edit it. The page that uses it says
// how a change is stored (HighlightStore); the UI changes only once the store has answered, so
// what is on screen has been written.

export interface HighlightStore {
  add(a: Annotation): Promise<Annotation>;
  update(id: string, patch: { color?: HighlightColor; note?: string }): Promise<Annotation>;
  remove(id: string): Promise<Annotation | null>;
}

export interface HighlightsOptions {
  /** The reader element renderReader fills. */
  reader: HTMLElement;
  /** Where the list of highlights goes (optional). */
  list?: HTMLElement | null;
  store: HighlightStore;
  labels(): Record<HighlightColor, string>;
  /** Say something in the page's status area (live region). */
  announce(message: string, undo?: () => void): void;
  /** Called after every change, with the list as it now is. */
  changed?(list: readonly Annotation[]): void;
}

const DEFAULT_COLOR: HighlightColor = 'yellow';

export class Highlights {
  private list: Annotation[] = [];
  private text: Prepared | null = null;
  private url: string | null = null;
  private lang = '';
  private dir = 'ltr';
  private missing = new Set<string>();
  private lastColor: HighlightColor = DEFAULT_COLOR;
  private busy = false;
  private readonly toolbar;
  private readonly editor;

  constructor(private readonly o: HighlightsOptions) {
    this.toolbar = makeToolbar(o.labels, { highlight: (c) => void this.fromSelection(c, false), note: () => void this.fromSelection(this.lastColor, true) });
    this.editor = makeEditor(o.labels, {
      color: (c) => void this.edit({ color: c }),
      saveNote: (n) => void this.edit({ note: n }, true),
      copyLink: () => void this.copyLink(),
      remove: () => void this.remove(this.editor.openFor),
      close: () => this.closeEditor(),
    });
    // Inside the page's main landmark (they are fixed-positioned: where they sit does not show).
    (o.reader.closest('main') ?? document.body).append(this.toolbar.el, this.editor.el);
    this.bind();
  }

  get annotations(): readonly Annotation[] {
    return this.list;
  }

  private body(): HTMLElement | null {
    return this.o.reader.querySelector<HTMLElement>('.article-body');
  }

  /** After renderReader: paint `list` on the article whose text is `text`. */
  show(list: readonly Annotation[], article: { text: string; url?: string; canonicalUrl?: string; lang?: string | null; dir?: string }): void {
    this.list = [...list];
    if (this.text?.raw !== article.text) this.text = prepare(article.text);
    this.url = article.canonicalUrl || article.url || null;
    this.lang = article.lang ?? '';
    this.dir = article.dir ?? 'ltr';
    this.repaint();
  }

  /** Paint again (the reader re-rendered the article). */
  repaint(): void {
    const body = this.body();
    if (!body || !this.text) return;
    unpaint(body);
    this.missing = paintHighlights(body, this.text, this.list, this.o.labels()).missing;
    this.renderList();
  }

  /** Colour labels changed in the options. */
  relabel(): void {
    this.toolbar.refresh();
    const body = this.body();
    if (body) for (const a of this.list) dressMarks(body, a, this.o.labels());
    this.renderList();
  }

  private renderList(): void {
    if (this.o.list) {
      renderHighlightsList(this.o.list, this.list, this.missing, this.o.labels(), { go: (id) => this.goTo(id), remove: (id) => void this.remove(id) }, this.dir, this.lang);
    }
    this.o.changed?.(this.list);
  }

  /** Scroll to a highlight, focus it and flash it. */
  goTo(id: string): void {
    const body = this.body();
    const first = body && marksOf(body, id)[0];
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
    for (const m of marksOf(body, id)) m.classList.add('hl-flash');
    setTimeout(() => body.querySelectorAll('.hl-flash').forEach((m) => m.classList.remove('hl-flash')), 1200);
  }

  private selectionRange(): Range | null {
    const sel = document.getSelection();
    const body = this.body();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !body) return null;
    const r = sel.getRangeAt(0);
    if (!body.contains(r.commonAncestorContainer) && !r.intersectsNode(body)) return null;
    if (this.toolbar.el.contains(r.commonAncestorContainer) || this.editor.el.contains(r.commonAncestorContainer)) return null;
    return r;
  }

  private onSelection(): void {
    const r = this.selectionRange();
    if (!r || this.busy) {
      this.toolbar.el.hidden = true;
      return;
    }
    placeNear(this.toolbar.el, r.getBoundingClientRect());
  }

  /** Make a highlight of the selection; with `note`, open its note straight away. */
  private async fromSelection(color: HighlightColor, note: boolean): Promise<void> {
    const range = this.selectionRange();
    const body = this.body();
    if (!range || !body || !this.text || this.busy) return;
    const map = buildTextMap(body);
    const span = rangeToSpan(map, range);
    const inText = span && mapToText(map, this.text, span);
    if (!inText) {
      this.o.announce(t('hlOutside'));
      return;
    }
    this.lastColor = color;
    const draft = makeAnnotation(newAnnotationId(), this.text.raw, inText, color);
    this.busy = true;
    this.toolbar.el.hidden = true;
    try {
      const stored = await this.o.store.add(draft);
      document.getSelection()?.removeAllRanges();
      this.list.push(stored);
      this.repaintOne(stored);
      if (note) this.openEditor(stored.id, true);
    } catch (err) {
      this.o.announce(t('hlFailed', String((err as Error).message ?? err)));
    } finally {
      this.busy = false;
    }
  }

  private repaintOne(a: Annotation): void {
    const body = this.body();
    if (!body || !this.text) return;
    unpaint(body, a.id);
    const { missing } = paintHighlights(body, this.text, [a], this.o.labels());
    if (missing.has(a.id)) this.missing.add(a.id);
    else this.missing.delete(a.id);
    this.renderList();
  }

  private openEditor(id: string, focusNote: boolean): void {
    const a = this.list.find((x) => x.id === id);
    const body = this.body();
    const first = body && marksOf(body, id)[0];
    if (!a || !first) return;
    this.toolbar.el.hidden = true;
    this.editor.open(id, a.color, noteOf(a), first.getBoundingClientRect(), focusNote, !!this.url && /^https?:/.test(this.url));
  }

  private closeEditor(): void {
    const id = this.editor.openFor;
    this.editor.close();
    const body = this.body();
    if (id && body) marksOf(body, id)[0]?.focus({ preventScroll: true });
  }

  private async edit(patch: { color?: HighlightColor; note?: string }, close = false): Promise<void> {
    const id = this.editor.openFor;
    if (!id) return;
    try {
      const next = await this.o.store.update(id, patch);
      this.list = this.list.map((a) => (a.id === id ? next : a));
      const body = this.body();
      if (body) dressMarks(body, next, this.o.labels());
      this.renderList();
      if (patch.color) this.lastColor = patch.color;
      this.o.announce(patch.note !== undefined ? t('hlNoteSaved') : t('hlUpdated'));
      if (close) this.closeEditor();
      else if (patch.color) this.openEditor(id, false);
    } catch (err) {
      this.o.announce(t('hlFailed', String((err as Error).message ?? err)));
    }
  }

  private async remove(id: string | null): Promise<void> {
    if (!id) return;
    try {
      const gone = await this.o.store.remove(id);
      this.editor.close();
      this.list = this.list.filter((a) => a.id !== id);
      const body = this.body();
      if (body) unpaint(body, id);
      this.missing.delete(id);
      this.renderList();
      this.o.announce(t('hlDeleted'), gone ? () => void this.restore(gone) : undefined);
    } catch (err) {
      this.o.announce(t('hlFailed', String((err as Error).message ?? err)));
    }
  }

  private async restore(a: Annotation): Promise<void> {
    try {
      const back = await this.o.store.add(a);
      this.list.push(back);
      this.repaintOne(back);
      this.o.announce(t('hlRestored'));
    } catch (err) {
      this.o.announce(t('hlFailed', String((err as Error).message ?? err)));
    }
  }

  private async copyLink(): Promise<void> {
    const a = this.list.find((x) => x.id === this.editor.openFor);
    if (!a || !this.url) return;
    const link = textFragmentUrl(this.url, quoteOf(a));
    try {
      await navigator.clipboard.writeText(link);
      this.editor.el.dataset.link = link;
      this.o.announce(t('hlLinkCopied'));
    } catch {
      this.o.announce(t('hlLinkFailed'));
    }
  }

  private bind(): void {
    const reader = this.o.reader;
    let pending = 0;
    document.addEventListener('selectionchange', () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => this.onSelection());
    });
    reader.addEventListener('click', (e) => {
      const mark = (e.target as Element).closest?.<HTMLElement>(MARK);
      // A click that ends a selection is not a click on the highlight under it.
      if (!mark || !document.getSelection()?.isCollapsed) return;
      this.openEditor(mark.dataset.annotationId!, false);
    });
    reader.addEventListener('keydown', (e) => {
      const mark = (e.target as Element).closest?.<HTMLElement>(MARK);
      if (mark && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.openEditor(mark.dataset.annotationId!, false);
      }
    });
    document.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable]')) return;
      const key = e.key.toLowerCase();
      if ((key === 'h' || key === 'n') && this.selectionRange()) {
        e.preventDefault();
        void this.fromSelection(this.lastColor, key === 'n');
      } else if (e.key === 'Escape' && !this.toolbar.el.hidden) {
        this.toolbar.el.hidden = true;
      }
    });
    document.addEventListener('mousedown', (e) => {
      const el = e.target as Element;
      if (this.editor.openFor && !this.editor.el.contains(el) && !el.closest?.(MARK)) this.editor.close();
    });
    document.addEventListener('scroll', () => {
      if (!this.toolbar.el.hidden) this.onSelection();
    }, { capture: true, passive: true });
  }
}
