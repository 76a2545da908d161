import type { Clipping } from '../core/clipping.ts';
import { noteOf, quoteOf, positionOf, shownText, type Annotation } from '../core/annotations/types.ts';
import type { DexieStore } from '../platform/store/dexie-store.ts';
import { loadSettings } from '../platform/settings-store.ts';
import { colorLabel } from '../ui/highlight-marks.ts';
import { formatDate, t } from '../ui/i18n.ts';
import { $, el } from './dom.ts';

const MAX_SHOWN = 2_000;

/**
 * The "Highlights" view: every highlight in the library, newest first, each with its note, label
 * and clipping; choosing one opens the clipping at that place. Read from the full records when
 * opened (the cards carry only counts), so it costs nothing until asked for.
 */
export class HighlightsView {
  private readonly dialog = el('dialog', { className: 'hl-view' });
  private readonly list = el('ol', { className: 'hl-list hl-view-list' });

  constructor(private readonly store: DexieStore, private readonly open: (clippingId: string, highlightId: string) => void) {
    const button = el('button', { type: 'button', textContent: t('hlLibraryView') });
    button.dataset.testid = 'highlights-view';
    $('[data-testid=index-status]').after(button);
    this.dialog.dataset.testid = 'highlights-dialog';
    const title = el('h2', { id: 'hl-view-title', textContent: t('hlLibraryViewTitle') });
    this.dialog.setAttribute('aria-labelledby', title.id);
    const close = el('button', { type: 'button', textContent: t('hlClose'), className: 'hl-view-close' });
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.append(el('div', { className: 'hl-view-head' }, title, close), this.list);
    document.body.append(this.dialog);
    button.addEventListener('click', () => void this.show());
  }

  async show(): Promise<void> {
    const [all, settings] = await Promise.all([this.store.list(), loadSettings()]);
    const rows: { c: Clipping; a: Annotation }[] = all.flatMap((c) => (c.annotations ?? []).map((a) => ({ c, a })));
    rows.sort((x, y) => y.a.created.localeCompare(x.a.created));
    if (rows.length === 0) {
      const empty = el('li', { className: 'hl-empty', textContent: t('hlLibraryViewEmpty') });
      this.list.replaceChildren(empty);
    } else {
      this.list.replaceChildren(...rows.slice(0, MAX_SHOWN).map(({ c, a }) => this.item(c, a, settings.highlightLabels)));
    }
    this.dialog.showModal();
  }

  private item(c: Clipping, a: Annotation, labels: Parameters<typeof colorLabel>[1]): HTMLElement {
    const li = el('li', { className: 'hl-item' });
    li.dataset.color = a.color;
    li.dataset.testid = 'hl-view-item';
    const quote = el('blockquote', { className: 'hl-quote', textContent: shownText(quoteOf(a).exact).replace(/\s+/g, ' ').slice(0, 400), dir: 'auto' });
    if (c.lang) quote.lang = c.lang;
    const meta = [colorLabel(a.color, labels), c.title, formatDate(a.created)];
    if (!positionOf(a)) meta.push(t('hlNotFound'));
    const parts: HTMLElement[] = [el('span', { className: 'hl-item-label', textContent: meta.join(' · ') }), quote];
    const note = shownText(noteOf(a));
    if (note) parts.push(el('p', { className: 'hl-item-note', textContent: note, dir: 'auto' }));
    const go = el('button', { type: 'button', className: 'hl-item-go' }, ...parts);
    go.addEventListener('click', () => {
      this.dialog.close();
      this.open(c.id, a.id);
    });
    li.append(go);
    return li;
  }
}
