import type { Clipping } from '../core/clipping.ts';
import { DexieStore } from '../platform/store/dexie-store.ts';
import { loadSettings, onSettingsChanged } from '../platform/settings-store.ts';
import type { Settings } from '../shared/settings.ts';
import { send } from '../shared/messaging.ts';
import { formatNumber, localize, t } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';
import { exportMarkdown } from '../ui/export-markdown.ts';
import { exportHtml } from '../ui/export-html.ts';
import { exportJson } from '../ui/export-json.ts';
import { $ } from './dom.ts';
import { EntityIndexPane } from './entity-index-ui.ts';
import { FilterBar } from './filters-ui.ts';
import { bindKeyboard } from './keyboard.ts';
import { ReaderPane } from './reader-pane.ts';
import { LibrarySearch } from './search-service.ts';
import { Toast } from './toast.ts';
import { LibraryView } from './view.ts';
import { HighlightsView } from './highlights-view.ts';
import { mountQueuePanelAfter } from '../ui/queue-panel.ts';
import { showSyncStatus } from './sync-status.ts';
import { onLibraryChange } from '../shared/library-channel.ts';

// The library page: wiring only. First paint comes from the newest cards alone; the rest of the
// cards, the entity index and the search index follow without blocking it.

const FIRST_SCREEN = 40;

const store = new DexieStore();
const search = $<HTMLInputElement>('[data-testid=search]');
const indexStatus = $('[data-testid=index-status]');
const toast = new Toast();
let settings: Settings;

const librarySearch = new LibrarySearch(store, (done, total) => {
  indexStatus.textContent = done < total ? t('indexing', [formatNumber(done), formatNumber(total)]) : '';
  if (view.query) view.apply();
});
const filters = new FilterBar(() => view.apply());
const entityPane = new EntityIndexPane((e) => filters.setEntity(e ? { name: e.name, type: e.type } : null));
const view = new LibraryView(store, librarySearch, entityPane, () => filters.value, showSelection);
const reader = new ReaderPane(() => settings, () => void refresh(), (err) => toast.error(err, exportAll), toast);
// The library-wide Highlights view (a button in the top bar, a dialog).
new HighlightsView(store, (id, hl) => void openAt(id, hl));

function showSelection(): void {
  const n = view.selected.size;
  $('[data-testid=selection-bar]').hidden = n === 0;
  $('[data-testid=selection-count]').textContent = t('selectedN', formatNumber(n));
  const all = $<HTMLInputElement>('[data-testid=select-all]');
  all.checked = n > 0 && n >= view.shown.length;
  all.indeterminate = n > 0 && n < view.shown.length;
}

async function open(index: number): Promise<void> {
  const card = view.shown[index];
  if (!card) return;
  view.cursor = index;
  view.openId = card.id;
  view.repaint();
  const c = await store.get(card.id);
  if (c && view.openId === card.id) reader.show(c);
}

/** Open a clipping (shown in the list or not) at one of its highlights. */
async function openAt(id: string, highlightId: string): Promise<void> {
  const i = view.shown.findIndex((c) => c.id === id);
  const c = await store.get(id);
  if (!c) return;
  view.openId = id;
  if (i >= 0) view.cursor = i;
  view.repaint();
  reader.show(c);
  reader.highlights.goTo(highlightId);
}

async function exportAll(): Promise<void> {
  exportJson(await store.list());
}

async function selectedClippings(): Promise<Clipping[]> {
  const ids = view.shown.filter((c) => view.selected.has(c.id)).map((c) => c.id);
  return (await store.getMany(ids)).filter((c): c is Clipping => !!c);
}

async function remove(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const { deleted } = await send('clipping.delete', { ids });
    for (const id of ids) view.selected.delete(id);
    if (view.openId && ids.includes(view.openId)) {
      view.openId = null;
      reader.clear();
    }
    await refresh();
    showSelection();
    toast.show(t('deletedN', formatNumber(deleted.length)), {
      undo: () => void send('clipping.restore', { clippings: deleted }).then(refresh, (err) => toast.error(err, exportAll)),
    });
  } catch (err) {
    toast.error(err, exportAll);
  }
}

let refreshing: Promise<void> | null = null;
let refreshAgain = false;

/**
 * Re-read the cards (after a change here, in another page or in the worker) and re-index what
 * changed. Calls during a refresh are folded into one more run.
 */
function refresh(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      await refreshOnce();
    } while (refreshAgain);
  })().finally(() => (refreshing = null));
  return refreshing;
}

async function refreshOnce(): Promise<void> {
  view.setCards(await store.cards());
  filters.setFacets(view.cards);
  view.apply();
  await librarySearch.sync(view.cards);
  if (view.query) view.apply();
  if (reader.current) {
    const c = await store.get(reader.current.id);
    if (c && c.updatedAt !== reader.current.updatedAt) reader.current = c;
  }
}

function runSearch(): void {
  view.query = search.value;
  view.cursor = -1;
  const times = view.apply();
  // For the benchmark and tests: how long the search took (index, filters and the rows' DOM).
  const { total: ms, ...stages } = times;
  document.dispatchEvent(new CustomEvent('sift:searched', { detail: { query: view.query, ms, stages, shown: view.shown.length, indexing: librarySearch.pending } }));
}

function bindControls(): void {
  search.addEventListener('input', (e) => {
    // While an input method composes (pinyin, kana), the text is not the query yet.
    if (!(e as InputEvent).isComposing) runSearch();
  });
  search.addEventListener('compositionend', runSearch);
  const rows = $('[data-testid=clippings]');
  rows.addEventListener('click', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-testid=clipping]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const id = row.dataset.id!;
    if ((e.target as HTMLElement).matches('input[type=checkbox]')) {
      if ((e as MouseEvent).shiftKey && view.cursor >= 0) view.selectRange(view.cursor, index);
      else view.toggle(id, (e.target as HTMLInputElement).checked);
      view.cursor = index;
      return;
    }
    if ((e as MouseEvent).ctrlKey || (e as MouseEvent).metaKey) {
      view.toggle(id);
      return;
    }
    void open(index);
  });
  $<HTMLInputElement>('[data-testid=select-all]').addEventListener('change', (e) => view.selectAllShown((e.target as HTMLInputElement).checked));
  $('[data-testid=delete-selected]').addEventListener('click', () => void remove([...view.selected]));
  $('[data-testid=selected-md]').addEventListener('click', async () => exportMarkdown(await selectedClippings()));
  $('[data-testid=selected-html]').addEventListener('click', async () => exportHtml(await selectedClippings()));
  $('[data-testid=selected-json]').addEventListener('click', async () => exportJson(await selectedClippings(), `sift-selection-${new Date().toISOString().slice(0, 10)}.json`));
  $('[data-testid=delete]').addEventListener('click', () => reader.current && void remove([reader.current.id]));
  $('[data-testid=export-md]').addEventListener('click', () => reader.current && exportMarkdown([reader.current]));
  $('[data-testid=export-html]').addEventListener('click', () => reader.current && exportHtml([reader.current]));
  $('[data-testid=export-json]').addEventListener('click', () => reader.current && exportJson([reader.current], `${reader.current.id}.json`));
  bindKeyboard(view, {
    open: (i) => void open(i),
    deleteSelectionOrCursor: () => {
      const ids = view.selected.size ? [...view.selected] : view.shown[view.cursor] ? [view.shown[view.cursor]!.id] : [];
      void remove(ids);
    },
  });
  // Saves from the popup or the context menu while this page is open.
  if (!onLibraryChange(() => void refresh())) {
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void refresh());
  }
}

async function main(): Promise<void> {
  localize();
  settings = await loadSettings();
  applyAppearance(settings);
  filters.highlights.relabel(settings.highlightLabels);
  onSettingsChanged((s) => {
    const relabel = JSON.stringify(s.highlightLabels) !== JSON.stringify(settings.highlightLabels);
    settings = s;
    applyAppearance(s);
    if (relabel) {
      filters.highlights.relabel(s.highlightLabels);
      reader.highlights.relabel();
    }
  });
  bindControls();
  mountQueuePanelAfter(document.querySelector<HTMLElement>('header.top')!);
  void showSyncStatus();
  // First screen: the newest cards only.
  view.setCards(await store.cards(FIRST_SCREEN));
  view.apply();
  requestAnimationFrame(() => performance.mark('sift:first-rows'));
  view.setCards(await store.cards());
  performance.mark('sift:cards-read');
  filters.setFacets(view.cards);
  performance.mark('sift:facets');
  if (search.value) view.query = search.value;
  view.apply();
  performance.mark('sift:all-rows');
  const want = new URLSearchParams(location.search).get('id');
  if (want) {
    const i = view.shown.findIndex((c) => c.id === want);
    if (i >= 0) void open(i);
  }
  document.documentElement.dataset.index = 'loading';
  await librarySearch.open();
  await librarySearch.sync(view.cards);
  performance.mark('sift:index-ready');
  document.documentElement.dataset.index = 'ready';
  indexStatus.textContent = '';
  if (view.query) view.apply();
}

// Test and benchmark hook: write the search index now instead of after the idle delay.
Object.assign(globalThis, { siftPersistIndex: () => librarySearch.persist() });

void main();
