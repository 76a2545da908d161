import { exportLibrary } from '../core/export/library-json.ts';
import { DexieStore } from '../platform/store/dexie-store.ts';
import { send } from '../shared/messaging.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { dateStamp, downloadText } from '../ui/download.ts';
import { exportAllMarkdown } from '../ui/export-markdown.ts';

// "Your data": export, import and clearing of the library.

const store = new DexieStore();
const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

async function showCount(): Promise<void> {
  $('[data-testid=library-count]').textContent = t('libraryCount', formatNumber(await store.count()));
}

export async function bindData(): Promise<void> {
  const status = $('[data-testid=data-status]');
  $('[data-testid=export-json]').addEventListener('click', async () => {
    const all = await store.list();
    downloadText(`sift-library-${dateStamp()}.json`, exportLibrary(all), 'application/json');
    status.textContent = t('exportedN', formatNumber(all.length));
  });
  $('[data-testid=export-markdown]').addEventListener('click', async () => {
    const all = await store.list();
    exportAllMarkdown(all);
    status.textContent = t('exportedN', formatNumber(all.length));
  });
  $<HTMLInputElement>('[data-testid=import-file]').addEventListener('change', async (e) => {
    const fileInput = e.target as HTMLInputElement;
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      const r = await send('library.import', { json: await file.text() });
      status.textContent = t('importReport', [String(r.added), String(r.updated), String(r.unchanged), String(r.refused.length)]);
    } catch (err) {
      status.textContent = t('importFailed', String((err as Error).message));
    }
    fileInput.value = '';
    await showCount();
  });
  $('[data-testid=clear-library]').addEventListener('click', async () => {
    const n = await store.count();
    if (n === 0 || !confirm(t('clearConfirm', formatNumber(n)))) return;
    const r = await send('library.clear', {});
    status.textContent = t('clearedN', formatNumber(r.deleted));
    await showCount();
  });
  await showCount();
}
