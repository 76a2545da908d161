import type { Clipping } from '../core/clipping.ts';
import { DexieStore } from '../platform/store/dexie-store.ts';
import { loadSettings } from '../platform/settings-store.ts';
import { enabledEntityTypes, type Settings } from '../shared/settings.ts';
import { send } from '../shared/messaging.ts';
import { formatDate, formatNumber, localize, t } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';
import { renderReader } from '../ui/reader.ts';
import { exportOneMarkdown } from '../ui/export-markdown.ts';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const store = new DexieStore();
const list = $('[data-testid=clippings]');
const search = $<HTMLInputElement>('[data-testid=search]');
const reader = $('[data-testid=reader]');
const actions = $('.reader-actions');
const toast = $('[data-testid=toast]');

let all: Clipping[] = [];
let selected: string | null = null;
let settings: Settings;
let undoable: Clipping[] = [];

function matches(c: Clipping, q: string): boolean {
  if (!q) return true;
  const hay = `${c.title}\n${c.siteName ?? ''}\n${c.entities.map((e) => [e.name, ...e.aliases].join(' ')).join(' ')}\n${c.text}`.toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

function renderList(): void {
  const q = search.value.trim();
  const shown = all.filter((c) => matches(c, q));
  list.replaceChildren(
    ...shown.map((c) => {
      const li = document.createElement('li');
      li.className = 'clipping';
      li.dataset.testid = 'clipping';
      li.dataset.id = c.id;
      li.tabIndex = 0;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(c.id === selected));
      const title = document.createElement('span');
      title.className = 'c-title';
      title.textContent = c.title;
      if (c.lang) title.lang = c.lang;
      const meta = document.createElement('span');
      meta.className = 'c-meta';
      meta.textContent = [c.siteName ?? hostOf(c.url), formatDate(c.savedAt)].filter(Boolean).join(' · ');
      const snippet = document.createElement('span');
      snippet.className = 'c-snippet';
      snippet.textContent = c.excerpt ?? c.text.slice(0, 200);
      li.append(title, meta, snippet);
      li.addEventListener('click', () => open(c.id));
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open(c.id);
      });
      return li;
    }),
  );
  $('[data-testid=count]').textContent = t('clippingsShown', [formatNumber(shown.length), formatNumber(all.length)]);
  $('[data-testid=empty]').hidden = all.length > 0;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function open(id: string): void {
  const c = all.find((x) => x.id === id);
  if (!c) return;
  selected = id;
  renderReader(reader, c, c.entities, { enabledTypes: enabledEntityTypes(settings), showImages: settings.showImages });
  actions.hidden = false;
  $<HTMLAnchorElement>('[data-testid=open-original]').href = /^https?:/i.test(c.url) ? c.url : '#';
  renderList();
}

async function reload(): Promise<void> {
  all = await store.list();
  renderList();
}

async function deleteSelected(): Promise<void> {
  if (!selected) return;
  const { deleted } = await send('clipping.delete', { ids: [selected] });
  undoable = deleted;
  selected = null;
  reader.replaceChildren();
  actions.hidden = true;
  await reload();
  toast.querySelector('.toast-text')!.textContent = t('deletedN', formatNumber(deleted.length));
  toast.hidden = false;
  setTimeout(() => (toast.hidden = true), 8000);
}

async function main(): Promise<void> {
  localize();
  settings = await loadSettings();
  applyAppearance(settings);
  search.addEventListener('input', renderList);
  $('[data-testid=delete]').addEventListener('click', () => void deleteSelected());
  $('[data-testid=export-md]').addEventListener('click', () => {
    const c = all.find((x) => x.id === selected);
    if (c) exportOneMarkdown(c);
  });
  $('[data-testid=undo]').addEventListener('click', async () => {
    if (undoable.length) await send('clipping.restore', { clippings: undoable });
    undoable = [];
    toast.hidden = true;
    await reload();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== search) {
      e.preventDefault();
      search.focus();
    }
  });
  await reload();
  const want = new URLSearchParams(location.search).get('id');
  if (want) open(want);
}

void main();
