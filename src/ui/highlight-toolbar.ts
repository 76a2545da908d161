import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/types.ts';
import { colorLabel } from './highlight-marks.ts';
import { t } from './i18n.ts';

// The two small floating panels of highlighting: the toolbar over a selection (a colour, or
// "Add note") and the editor of one highlight (colour, note, copy link, delete). Built from DOM
// nodes; positioned next to what they act on, kept inside the window.

function button(text: string, testid: string, cls = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.dataset.testid = testid;
  if (cls) b.className = cls;
  return b;
}

function swatch(color: HighlightColor, labels: Record<HighlightColor, string>, testid: string): HTMLButtonElement {
  const b = button('', testid, 'hl-swatch');
  b.dataset.color = color;
  const label = colorLabel(color, labels);
  b.setAttribute('aria-label', t('hlHighlightIn', label));
  b.title = label;
  return b;
}

/** Place a floating panel below (or above) a rectangle, inside the viewport. */
export function placeNear(panel: HTMLElement, r: DOMRect): void {
  panel.hidden = false;
  const w = panel.offsetWidth;
  const h = panel.offsetHeight;
  const left = Math.max(4, Math.min(r.left + r.width / 2 - w / 2, window.innerWidth - w - 4));
  const below = r.bottom + 8;
  const top = below + h > window.innerHeight - 4 ? Math.max(4, r.top - h - 8) : below;
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}

export interface ToolbarActions {
  highlight(color: HighlightColor): void;
  note(): void;
}

/** Stop a press on the panel from clearing the reader's selection. */
function keepSelection(el: HTMLElement): void {
  el.addEventListener('mousedown', (e) => {
    if ((e.target as HTMLElement).closest('button')) e.preventDefault();
  });
}

export function makeToolbar(labels: () => Record<HighlightColor, string>, act: ToolbarActions): { el: HTMLElement; refresh(): void } {
  const el = document.createElement('div');
  el.className = 'hl-toolbar';
  el.dataset.testid = 'hl-toolbar';
  el.setAttribute('role', 'toolbar');
  el.setAttribute('aria-label', t('hlToolbar'));
  el.hidden = true;
  keepSelection(el);
  const refresh = () => {
    const swatches = HIGHLIGHT_COLORS.map((c) => {
      const b = swatch(c, labels(), `hl-color-${c}`);
      b.addEventListener('click', () => act.highlight(c));
      return b;
    });
    const note = button(t('hlAddNote'), 'hl-add-note', 'hl-note-button');
    note.addEventListener('click', () => act.note());
    const hint = document.createElement('span');
    hint.className = 'hl-hint';
    hint.textContent = t('hlShortcutHint');
    el.replaceChildren(...swatches, note, hint);
  };
  refresh();
  return { el, refresh };
}

export interface EditorActions {
  color(c: HighlightColor): void;
  saveNote(note: string): void;
  copyLink(): void;
  remove(): void;
  close(): void;
}

export interface Editor {
  el: HTMLElement;
  open(id: string, color: HighlightColor, note: string, near: DOMRect, focusNote: boolean, canLink: boolean): void;
  close(): void;
  readonly openFor: string | null;
}

export function makeEditor(labels: () => Record<HighlightColor, string>, act: EditorActions): Editor {
  const el = document.createElement('div');
  el.className = 'hl-editor';
  el.dataset.testid = 'hl-editor';
  el.setAttribute('role', 'dialog');
  el.setAttribute('aria-label', t('hlEditor'));
  el.hidden = true;
  let openFor: string | null = null;
  const colors = document.createElement('div');
  colors.className = 'hl-editor-colors';
  colors.setAttribute('role', 'group');
  colors.setAttribute('aria-label', t('hlColorLabel'));
  const noteId = `hl-note-${Math.random().toString(36).slice(2)}`;
  const label = document.createElement('label');
  label.htmlFor = noteId;
  label.textContent = t('hlNoteLabel');
  const note = document.createElement('textarea');
  note.id = noteId;
  note.rows = 3;
  note.placeholder = t('hlNotePlaceholder');
  note.dataset.testid = 'hl-note';
  const save = button(t('hlSaveNote'), 'hl-save-note', 'primary');
  const link = button(t('hlCopyLink'), 'hl-copy-link');
  const del = button(t('hlDelete'), 'hl-delete', 'danger');
  const close = button(t('hlClose'), 'hl-close');
  const row = document.createElement('div');
  row.className = 'hl-editor-actions';
  row.append(save, link, del, close);
  el.append(colors, label, note, row);
  save.addEventListener('click', () => act.saveNote(note.value));
  link.addEventListener('click', () => act.copyLink());
  del.addEventListener('click', () => act.remove());
  close.addEventListener('click', () => act.close());
  // Ctrl/Cmd+Enter saves the note; Escape closes without saving.
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      act.close();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      act.saveNote(note.value);
    }
  });
  return {
    el,
    get openFor() {
      return openFor;
    },
    open(id, color, text, near, focusNote, canLink) {
      openFor = id;
      colors.replaceChildren(...HIGHLIGHT_COLORS.map((c) => {
        const b = swatch(c, labels(), `hl-edit-color-${c}`);
        b.setAttribute('aria-pressed', String(c === color));
        b.addEventListener('click', () => act.color(c));
        return b;
      }));
      note.value = text;
      link.hidden = !canLink;
      placeNear(el, near);
      (focusNote ? note : colors.querySelector<HTMLElement>('[aria-pressed=true]') ?? note).focus({ preventScroll: true });
    },
    close() {
      openFor = null;
      el.hidden = true;
    },
  };
}
