import { DexieStore } from '../platform/store/dexie-store.ts';
import { send } from '../shared/messaging.ts';
import { SiftError } from '../shared/errors.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { exportMarkdown } from '../ui/export-markdown.ts';
import { exportHtml } from '../ui/export-html.ts';
import { exportJson, importJson } from '../ui/export-json.ts';
import { onLibraryChange } from '../shared/library-channel.ts';

// "Your data": export (JSON, Markdown zip, HTML zip), import and clearing of the library.

const store = new DexieStore();
const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

async function showCount(): Promise<void> {
  $('[data-testid=library-count]').textContent = t('libraryCount', formatNumber(await store.count()));
}

/** The HTML export button sits beside the Markdown one; made here so the page's markup stays as it is. */
function htmlButton(): HTMLButtonElement {
  const existing = document.querySelector<HTMLButtonElement>('[data-testid=export-html]');
  if (existing) return existing;
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.testid = 'export-html';
  b.textContent = t('exportHtml');
  $('[data-testid=export-markdown]').after(b);
  return b;
}

export async function bindData(): Promise<void> {
  const status = $('[data-testid=data-status]');
  const exporting = (fn: (all: Awaited<ReturnType<DexieStore['list']>>) => void) => async () => {
    const all = await store.list();
    if (all.length === 0) {
      status.textContent = t('exportNothing');
      return;
    }
    fn(all);
    status.textContent = t('exportedN', formatNumber(all.length));
  };
  $('[data-testid=export-json]').addEventListener('click', exporting((all) => exportJson(all)));
  $('[data-testid=export-markdown]').addEventListener('click', exporting((all) => exportMarkdown(all)));
  htmlButton().addEventListener('click', exporting((all) => exportHtml(all)));
  $<HTMLInputElement>('[data-testid=import-file]').addEventListener('change', async (e) => {
    const fileInput = e.target as HTMLInputElement;
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      const r = await importJson(await file.text(), (done, total) => {
        status.textContent = t('importProgress', [formatNumber(done), formatNumber(total)]);
      });
      status.textContent = t('importReport', [String(r.added), String(r.updated), String(r.unchanged), String(r.refused.length)]);
      if (r.refused.length) {
        status.title = r.refused.slice(0, 20).map((x) => `#${x.index + 1}: ${x.reason}`).join('\n');
      }
    } catch (err) {
      const quota = err instanceof SiftError && err.code === 'quota';
      status.textContent = quota ? t('storageFull') : t('importFailed', String((err as Error).message));
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
  // The count follows what the worker saves meanwhile (an import, "Save link"): it tells open
  // pages on the library's channel (at most twice a second during an import). Without the
  // channel the count is right again at the next visit.
  onLibraryChange(() => void showCount());
}
