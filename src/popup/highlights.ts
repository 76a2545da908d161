import type { Article } from '../core/types.ts';
import type { Annotation, HighlightColor } from '../core/annotations/types.ts';
import { send } from '../shared/messaging.ts';
import type { Settings } from '../shared/settings.ts';
import { Highlights } from '../ui/highlights.ts';
import { formatNumber, t } from '../ui/i18n.ts';

// Highlights in the popup (and the popup opened in a tab): the side panel gets a Names |
// Highlights switch, and a highlight on an article not saved yet saves the article first, so
// nothing is lost when the popup closes.

export interface PopupHooks {
  reader: HTMLElement;
  /** The entity panel (aside); moved into the side column beside the highlights panel. */
  names: HTMLElement;
  settings(): Settings;
  saved(): boolean;
  /** Save the article; resolves to the clipping's id, or throws. */
  save(): Promise<string>;
  clippingId(): string;
}

function toastEl(host: HTMLElement): { show(text: string, undo?: () => void): void } {
  const box = document.createElement('div');
  box.className = 'hl-toast';
  box.dataset.testid = 'hl-toast';
  box.setAttribute('role', 'status');
  const text = document.createElement('span');
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.dataset.testid = 'hl-undo';
  undo.textContent = t('undo');
  box.append(text, undo);
  box.hidden = true;
  host.append(box);
  let timer = 0;
  let onUndo: (() => void) | null = null;
  undo.addEventListener('click', () => {
    box.hidden = true;
    onUndo?.();
  });
  return {
    show(message, fn) {
      text.textContent = message;
      onUndo = fn ?? null;
      undo.hidden = !fn;
      box.hidden = false;
      clearTimeout(timer);
      timer = window.setTimeout(() => (box.hidden = true), fn ? 10_000 : 4_000);
    },
  };
}

function sideColumn(names: HTMLElement): { panel: HTMLElement; count(n: number): void } {
  const side = document.createElement('div');
  side.className = 'side';
  side.dataset.side = 'names';
  const bar = document.createElement('div');
  bar.className = 'side-switch';
  bar.setAttribute('role', 'group');
  const panel = document.createElement('section');
  panel.className = 'highlights-panel';
  panel.dataset.testid = 'highlights';
  panel.id = 'highlights-panel';
  panel.setAttribute('aria-label', t('hlTab'));
  const tab = (key: 'names' | 'highlights', label: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.testid = `side-${key}`;
    b.textContent = label;
    b.addEventListener('click', () => {
      side.dataset.side = key;
      for (const x of Array.from(bar.children)) x.setAttribute('aria-pressed', String(x === b));
    });
    b.setAttribute('aria-pressed', String(key === 'names'));
    return b;
  };
  const namesTab = tab('names', t('hlNamesTab'));
  const hlTab = tab('highlights', t('hlTab'));
  hlTab.setAttribute('aria-controls', panel.id);
  bar.append(namesTab, hlTab);
  names.replaceWith(side);
  side.append(bar, names, panel);
  return { panel, count: (n) => (hlTab.textContent = n ? t('hlTabCount', formatNumber(n)) : t('hlTab')) };
}

export class PopupHighlights {
  private readonly ui: Highlights;
  private article: Article | null = null;
  private readonly toast: ReturnType<typeof toastEl>;

  constructor(private readonly h: PopupHooks) {
    this.toast = toastEl(h.reader.closest('main') ?? document.body);
    const side = sideColumn(h.names);
    this.ui = new Highlights({
      reader: h.reader,
      list: side.panel,
      labels: () => h.settings().highlightLabels,
      announce: (msg, undo) => this.toast.show(msg, undo),
      changed: (list) => side.count(list.length),
      store: {
        add: (a) => this.add(a),
        update: async (id, patch: { color?: HighlightColor; note?: string }) =>
          (await send('annotation.update', { clippingId: h.clippingId(), id, ...patch })).annotation,
        remove: async (id) => (await send('annotation.delete', { clippingId: h.clippingId(), id })).deleted,
      },
    });
  }

  /** A new article on screen: its saved highlights, if this page was saved before. */
  async load(article: Article, ask = true): Promise<void> {
    this.article = article;
    this.ui.show([], article);
    if (!ask) return;
    try {
      const found = await send('clipping.findByUrl', { url: article.canonicalUrl || article.url });
      if (found && this.article === article) this.ui.show(found.annotations, article);
    } catch {
      // No store answer: the article can still be read and highlighted (the first highlight saves it).
    }
  }

  /** The reader re-rendered (settings, names arrived): paint again. */
  repaint(): void {
    this.ui.repaint();
  }

  relabel(): void {
    this.ui.relabel();
  }

  /** After a re-save: the stored highlights, re-anchored on the new text. */
  async reload(notFound: number | undefined): Promise<void> {
    if (this.article) await this.load(this.article);
    if (notFound) this.toast.show(t('hlNotFoundAfterSave', formatNumber(notFound)));
  }

  private async add(a: Annotation): Promise<Annotation> {
    const first = !this.h.saved();
    const clippingId = first ? await this.h.save() : this.h.clippingId();
    const { annotation } = await send('annotation.add', { clippingId, annotation: a });
    this.toast.show(first ? t('hlSavedWithArticle') : t('hlSaved'));
    return annotation;
  }
}
