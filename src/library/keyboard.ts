import { $ } from './dom.ts';
import type { LibraryView } from './view.ts';

export interface KeyActions {
  open(index: number): void;
  deleteSelectionOrCursor(): void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) && (el as HTMLInputElement).type !== 'checkbox';
}

/**
 * "/" focuses the search; in the list, arrows (and Home, End, Page Up/Down) move, Enter opens,
 * Space selects, Delete deletes (with undo), Escape clears the selection.
 */
export function bindKeyboard(view: LibraryView, act: KeyActions): void {
  const search = $<HTMLInputElement>('[data-testid=search]');
  const viewport = $('[data-testid=clippings]');
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.isComposing)) {
      if (view.shown.length === 0) return;
      e.preventDefault();
      viewport.focus();
      view.moveCursor(Math.max(0, view.cursor));
      if (e.key === 'Enter') act.open(view.cursor);
    }
  });
  viewport.addEventListener('keydown', (e) => {
    const moves: Record<string, number> = {
      ArrowDown: view.cursor + 1,
      ArrowUp: view.cursor - 1,
      Home: 0,
      End: view.shown.length - 1,
      PageDown: view.cursor + view.pageSize(),
      PageUp: view.cursor - view.pageSize(),
    };
    if (e.key in moves) {
      e.preventDefault();
      view.moveCursor(moves[e.key]!);
      if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) view.toggle(view.shown[view.cursor]!.id, true);
    } else if (e.key === 'Enter' && view.cursor >= 0) {
      e.preventDefault();
      act.open(view.cursor);
    } else if (e.key === ' ' && view.cursor >= 0) {
      e.preventDefault();
      view.toggle(view.shown[view.cursor]!.id);
    } else if (e.key === 'Delete' || (e.key === 'Backspace' && (e.metaKey || e.ctrlKey))) {
      e.preventDefault();
      act.deleteSelectionOrCursor();
    } else if (e.key === 'Escape') {
      view.selectAllShown(false);
    } else if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      view.selectAllShown(true);
    }
  });
  viewport.addEventListener('focus', () => {
    if (view.cursor < 0 && view.shown.length) view.moveCursor(0);
  });
}
