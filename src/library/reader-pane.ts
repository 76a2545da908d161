import type { Clipping } from '../core/clipping.ts';
import { DEFAULT_SETTINGS, enabledEntityTypes, type Settings } from '../shared/settings.ts';
import { send } from '../shared/messaging.ts';
import { renderReader } from '../ui/reader.ts';
import { showCaptureKind } from './capture-kind.ts';
import { safeHttpUrl } from '../ui/sanitize.ts';
import { t } from '../ui/i18n.ts';
import { $ } from './dom.ts';
import { LibraryHighlights } from './highlights-ui.ts';
import { renderPageTags } from './page-tags-ui.ts';
import type { Toast } from './toast.ts';

/** Tags as typed: comma (Latin or CJK) or newline separated. */
export function parseTags(s: string): string[] {
  return s.split(/[,，、\n]/).map((x) => x.trim()).filter(Boolean);
}

/**
 * The right-hand pane: one clipping in the shared reader (sanitised, highlighted), its actions,
 * and its tags and note, saved through the background when the field is left.
 */
export class ReaderPane {
  current: Clipping | null = null;
  private readonly reader = $('[data-testid=reader]');
  private readonly actions = $('.reader-actions');
  private readonly form = $<HTMLFormElement>('[data-testid=clip-meta]');
  private readonly tags = $<HTMLInputElement>('[data-testid=tags]');
  private readonly note = $<HTMLTextAreaElement>('[data-testid=note]');
  private readonly status = $('[data-testid=meta-status]');
  private readonly pageTags = $('[data-testid=page-tags]');
  readonly highlights: LibraryHighlights;

  constructor(
    private readonly settings: () => Settings,
    private readonly onEdited: (c: Clipping) => void,
    private readonly onError: (err: unknown) => void,
    toast: Toast,
  ) {
    // Settings load after the page is built: until then, no colour labels.
    this.highlights = new LibraryHighlights(this.reader, toast, () => this.settings()?.highlightLabels ?? DEFAULT_SETTINGS.highlightLabels, onEdited);
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.tags.addEventListener('change', () => void this.saveMeta());
    this.note.addEventListener('change', () => void this.saveMeta());
    this.tags.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.saveMeta();
      }
    });
  }

  show(c: Clipping): void {
    this.current = c;
    const s = this.settings();
    renderReader(this.reader, c, c.entities, { enabledTypes: enabledEntityTypes(s), showImages: s.showImages });
    this.highlights.show(c);
    showCaptureKind(this.reader, c);
    this.actions.hidden = false;
    this.form.hidden = false;
    this.tags.value = c.tags.join(', ');
    this.note.value = c.note;
    renderPageTags(this.pageTags, c.pageTags);
    this.status.textContent = '';
    const a = $<HTMLAnchorElement>('[data-testid=open-original]');
    const href = safeHttpUrl(c.url);
    if (href) a.href = href;
    else a.removeAttribute('href');
    $('.reader-pane').scrollTop = 0;
  }

  clear(): void {
    this.current = null;
    this.reader.replaceChildren();
    this.highlights.clear();
    this.actions.hidden = true;
    this.form.hidden = true;
    renderPageTags(this.pageTags, []);
  }

  private async saveMeta(): Promise<void> {
    const c = this.current;
    if (!c) return;
    const tags = parseTags(this.tags.value);
    const note = this.note.value;
    if (tags.join('\u0000') === c.tags.join('\u0000') && note === c.note) return;
    try {
      await send('clipping.update', { id: c.id, tags, note });
      this.status.textContent = t('metaSaved');
      this.onEdited(c);
    } catch (err) {
      this.status.textContent = t('metaFailed');
      this.onError(err);
    }
  }
}
