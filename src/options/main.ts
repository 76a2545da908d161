import browser from 'webextension-polyfill';
import { ENTITY_TYPES } from '../core/types.ts';
import { exportLibrary } from '../core/export/library-json.ts';
import { loadSettings, saveSettings, onSettingsChanged } from '../platform/settings-store.ts';
import { DexieStore } from '../platform/store/dexie-store.ts';
import type { Settings } from '../shared/settings.ts';
import { send } from '../shared/messaging.ts';
import { formatNumber, localize, t } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';
import { dateStamp, downloadText } from '../ui/download.ts';
import { exportAllMarkdown } from '../ui/export-markdown.ts';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const store = new DexieStore();
const dataStatus = $('[data-testid=data-status]');

function input(name: string): HTMLInputElement {
  return document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

function fill(s: Settings): void {
  for (const type of ENTITY_TYPES) input(`entity-${type}`).checked = s.entityTypes[type];
  input('showEntityPanel').checked = s.showEntityPanel;
  input('showImages').checked = s.showImages;
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('[name=theme]'))) r.checked = r.value === s.theme;
  input('fontSize').value = String(s.fontSize);
  $('output[name=fontSizeOut]').textContent = `${s.fontSize}px`;
  $<HTMLSelectElement>('[name=width]').value = s.width;
  applyAppearance(s);
}

async function update(patch: Partial<Settings>): Promise<void> {
  fill(await saveSettings(patch));
}

function bind(current: () => Settings): void {
  for (const type of ENTITY_TYPES) {
    input(`entity-${type}`).addEventListener('change', (e) => {
      void update({ entityTypes: { ...current().entityTypes, [type]: (e.target as HTMLInputElement).checked } });
    });
  }
  input('showEntityPanel').addEventListener('change', (e) => void update({ showEntityPanel: (e.target as HTMLInputElement).checked }));
  input('showImages').addEventListener('change', (e) => void update({ showImages: (e.target as HTMLInputElement).checked }));
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('[name=theme]'))) {
    r.addEventListener('change', () => void update({ theme: r.value as Settings['theme'] }));
  }
  input('fontSize').addEventListener('input', (e) => void update({ fontSize: Number((e.target as HTMLInputElement).value) }));
  $<HTMLSelectElement>('[name=width]').addEventListener('change', (e) => void update({ width: (e.target as HTMLSelectElement).value as Settings['width'] }));
}

async function showCount(): Promise<void> {
  $('[data-testid=library-count]').textContent = t('libraryCount', formatNumber(await store.count()));
}

async function showShortcuts(): Promise<void> {
  const dl = $('[data-testid=shortcuts]');
  dl.replaceChildren();
  const commands = (await browser.commands?.getAll?.()) ?? [];
  for (const c of commands) {
    const dt = document.createElement('dt');
    const kbd = document.createElement('kbd');
    kbd.textContent = c.shortcut || t('shortcutNotSet');
    dt.append(kbd);
    const dd = document.createElement('dd');
    dd.textContent = c.name === '_execute_action' ? t('cmdOpen') : c.description || c.name || '';
    dl.append(dt, dd);
  }
  const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
  $('[data-testid=shortcut-settings-url]').textContent = isFirefox ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts';
}

function bindData(): void {
  $('[data-testid=export-json]').addEventListener('click', async () => {
    const all = await store.list();
    downloadText(`sift-library-${dateStamp()}.json`, exportLibrary(all), 'application/json');
    dataStatus.textContent = t('exportedN', formatNumber(all.length));
  });
  $('[data-testid=export-markdown]').addEventListener('click', async () => {
    const all = await store.list();
    exportAllMarkdown(all);
    dataStatus.textContent = t('exportedN', formatNumber(all.length));
  });
  $<HTMLInputElement>('[data-testid=import-file]').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const r = await send('library.import', { json: await file.text() });
      dataStatus.textContent = t('importReport', [String(r.added), String(r.updated), String(r.unchanged), String(r.refused.length)]);
    } catch (err) {
      dataStatus.textContent = t('importFailed', String((err as Error).message));
    }
    (e.target as HTMLInputElement).value = '';
    await showCount();
  });
  $('[data-testid=clear-library]').addEventListener('click', async () => {
    const n = await store.count();
    if (n === 0 || !confirm(t('clearConfirm', formatNumber(n)))) return;
    const r = await send('library.clear', {});
    dataStatus.textContent = t('clearedN', formatNumber(r.deleted));
    await showCount();
  });
}

async function main(): Promise<void> {
  localize();
  let settings = await loadSettings();
  fill(settings);
  bind(() => settings);
  onSettingsChanged((s) => {
    settings = s;
    fill(s);
  });
  bindData();
  await Promise.all([showCount(), showShortcuts()]);
}

void main();
