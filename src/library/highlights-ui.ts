import type { Clipping } from '../core/clipping.ts';
import type { HighlightColor } from '../core/annotations/types.ts';
import { send } from '../shared/messaging.ts';
import { Highlights } from '../ui/highlights.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { el } from './dom.ts';
import type { Toast } from './toast.ts';

/**
 * Highlighting in the library's reader: the same UI as the popup's, its list in a folding
 * section above the article. Every change goes through the background, then the page refreshes
 * its cards and search index (notes are searchable).
 */
export class LibraryHighlights {
  private clipping: Clipping | null = null;
  private readonly section = el('details', { className: 'hl-section', open: true });
  private readonly summary = el('summary');
  private readonly listHost = el('div');
  private readonly ui: Highlights;

  constructor(reader: HTMLElement, toast: Toast, labels: () => Record<HighlightColor, string>, onEdited: (c: Clipping) => void) {
    this.section.dataset.testid = 'highlights';
    this.section.hidden = true;
    this.section.append(this.summary, this.listHost);
    reader.before(this.section);
    const id = () => this.clipping!.id;
    this.ui = new Highlights({
      reader,
      list: this.listHost,
      labels,
      announce: (msg, undo) => toast.show(msg, undo ? { undo } : {}),
      changed: (list) => {
        this.summary.textContent = list.length ? t('hlTabCount', formatNumber(list.length)) : t('hlTab');
        if (this.clipping) this.section.hidden = false;
      },
      store: {
        add: async (a) => this.edited((await send('annotation.add', { clippingId: id(), annotation: a })).annotation),
        update: async (aid, patch) => this.edited((await send('annotation.update', { clippingId: id(), id: aid, ...patch })).annotation),
        remove: async (aid) => this.edited((await send('annotation.delete', { clippingId: id(), id: aid })).deleted),
      },
    });
    this.onEdited = onEdited;
  }

  private readonly onEdited: (c: Clipping) => void;

  private edited<T>(v: T): T {
    if (this.clipping) this.onEdited(this.clipping);
    return v;
  }

  /** After the reader rendered `c`. */
  show(c: Clipping): void {
    this.clipping = c;
    this.section.hidden = false;
    this.ui.show(c.annotations ?? [], c);
  }

  clear(): void {
    this.clipping = null;
    this.section.hidden = true;
  }

  relabel(): void {
    this.ui.relabel();
  }

  goTo(annotationId: string): void {
    this.ui.goTo(annotationId);
  }
}
