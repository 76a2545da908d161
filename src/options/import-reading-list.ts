import browser from 'webextension-polyfill';
import { parseReadingList, ReadingListError, type ReadingList } from '../core/reading-list/index.ts';
import { FETCH_POLICY } from '../background/capture/policy.ts';
import { FETCH_ORIGINS } from '../background/capture/origins.ts';
import { COOKIE_SITES_KEY } from '../background/capture/cookie-sites.ts';
import type { QueueInput } from '../background/capture/queue-types.ts';
import { send } from '../shared/messaging.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { mountQueuePanel } from '../ui/queue-panel.ts';

// Options → Your data → "Import from…": read a reading-list export here (the same core parser
// as the CLI), show what was read and every refused line with why, ask for the permission to
// fetch in plain words, then hand the items to the background queue in batches.

const BATCH = 500;
/** A message stays well under the browser's 64 MiB limit even with saved pages (Omnivore). */
const BATCH_BYTES = 16 * 2 ** 20;

function node<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

const FORMAT_NAMES: Record<string, string> = {
  'pocket-csv': 'Pocket (CSV)', 'pocket-html': 'Pocket (HTML)', 'omnivore-zip': 'Omnivore', 'omnivore-json': 'Omnivore',
  'instapaper-csv': 'Instapaper', 'wallabag-json': 'wallabag', 'bookmarks-html': 'Bookmarks',
};

async function queueAll(list: ReadingList, status: HTMLElement): Promise<void> {
  let added = 0;
  let batch: QueueInput[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    added += (await send('queue.add', { items: batch, importedFrom: list.format })).added;
    batch = [];
    bytes = 0;
  };
  for (const it of list.items) {
    const input: QueueInput = { url: it.url, title: it.title, savedAt: it.savedAt, tags: it.tags, status: it.status };
    if (it.content) input.content = it.content;
    bytes += (it.content?.length ?? 0) + it.url.length + it.title.length;
    batch.push(input);
    if (batch.length >= BATCH || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  // The summary of what was read stays; what went to the queue follows it.
  status.textContent = `${status.dataset.summary ?? ''} ${t('importQueued', formatNumber(added))}`.trim();
}

async function allowed(list: ReadingList): Promise<boolean> {
  const origins = [...new Set(list.items.filter((i) => !i.content).map((i) => `${new URL(i.url).protocol}//${new URL(i.url).hostname}/*`))];
  if (!origins.length) return true;
  try {
    return await browser.permissions.contains({ origins: origins.slice(0, 1000) });
  } catch {
    return false;
  }
}

export function bindReadingListImport(section: HTMLElement): void {
  const input = node('input', { type: 'file', className: 'visually-hidden' });
  input.dataset.testid = 'import-reading-list';
  const choose = node('label', { className: 'button' }, node('span', { textContent: t('importReadingListButton') }), input);
  const status = node('p', { className: 'row' });
  status.dataset.testid = 'import-reading-list-status';
  status.setAttribute('role', 'status');
  const refusedList = node('ol', { className: 'refused-lines' });
  refusedList.dataset.testid = 'import-refused';
  const refused = node('details', { hidden: true }, node('summary', { textContent: t('importRefusedLines') }), refusedList);
  const explain = node('p', { className: 'hint', textContent: t('permissionExplain') });
  const allow = node('button', { type: 'button', textContent: t('permissionAllow') });
  allow.dataset.testid = 'permission-allow';
  const notNow = node('button', { type: 'button', textContent: t('permissionNotNow') });
  notNow.dataset.testid = 'permission-not-now';
  const ask = node('div', { hidden: true }, explain, node('div', { className: 'row buttons' }, allow, notNow));
  ask.dataset.testid = 'permission-ask';
  const panelHost = node('div');
  // A bookmarks file: all of it, or one folder (at any depth, with its subfolders), as the CLI's --folder.
  const folder = node('input', { type: 'text', spellcheck: false, placeholder: t('importFolderAll') });
  folder.dataset.testid = 'import-folder';
  section.append(
    node('h3', { textContent: t('importReadingListHeading') }),
    node('p', { className: 'hint', textContent: t('importReadingListHint') }),
    node('label', { className: 'row' }, node('span', { textContent: t('importFolderLabel') }), folder),
    node('div', { className: 'row buttons' }, choose),
    status, refused, ask, panelHost,
  );
  const panel = mountQueuePanel(panelHost);
  let pending: ReadingList | null = null;

  const start = async (list: ReadingList, note = ''): Promise<void> => {
    ask.hidden = true;
    pending = null;
    await queueAll(list, status);
    if (note) status.textContent += ` ${note}`;
    await panel.refresh();
  };

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    refused.hidden = true;
    ask.hidden = true;
    try {
      const list = parseReadingList(new Uint8Array(await file.arrayBuffer()), { policy: FETCH_POLICY, folder: folder.value.trim() || null });
      status.textContent = t('importReadingListRead', [FORMAT_NAMES[list.format] ?? list.format, formatNumber(list.items.length), formatNumber(list.refused.length)]);
      status.dataset.summary = status.textContent;
      status.dataset.format = list.format;
      status.dataset.items = String(list.items.length);
      status.dataset.refused = String(list.refused.length);
      refusedList.replaceChildren(...list.refused.map((r) => node('li', { textContent: t('importRefusedLine', [String(r.line), r.reason]) })));
      refused.hidden = !list.refused.length;
      if (await allowed(list)) await start(list);
      else {
        pending = list;
        ask.hidden = false;
      }
    } catch (err) {
      status.textContent = t('importReadingListFailed', err instanceof ReadingListError ? err.message : String((err as Error)?.message ?? err));
      status.dataset.format = '';
      status.dataset.summary = '';
    }
    input.value = '';
  });

  // The browser asks only inside a click: this one. Refused or not, the items go to the queue;
  // without the permission they wait there as "needs permission".
  allow.addEventListener('click', async () => {
    if (!pending) return;
    const list = pending;
    const ok = await browser.permissions.request({ origins: FETCH_ORIGINS }).catch(() => false);
    await start(list, ok ? '' : t('permissionRefused'));
  });
  notNow.addEventListener('click', () => {
    if (pending) void start(pending, t('permissionRefused'));
  });
}

/** "Save all tabs of this window": reading tabs other than this one needs the permission too. */
export function bindSaveAllTabs(section: HTMLElement): void {
  const button = node('button', { type: 'button', textContent: t('saveAllTabs') });
  button.dataset.testid = 'save-all-tabs';
  const report = node('p', { className: 'row' });
  report.dataset.testid = 'save-all-tabs-report';
  report.setAttribute('role', 'status');
  section.append(node('div', { className: 'row buttons' }, button), report);
  button.addEventListener('click', async () => {
    await browser.permissions.request({ origins: FETCH_ORIGINS }).catch(() => false);
    button.disabled = true;
    try {
      const win = await browser.windows.getCurrent();
      const r = await send('capture.allTabs', { windowId: win.id });
      report.textContent = t('saveAllTabsReport', [formatNumber(r.saved), formatNumber(r.updated), formatNumber(r.notArticles.length), formatNumber(r.failed.length)]);
      Object.assign(report.dataset, { saved: String(r.saved), updated: String(r.updated), notArticles: String(r.notArticles.length), failed: String(r.failed.length) });
      report.title = [...r.notArticles.map((x) => x.title), ...r.failed.map((x) => `${x.title}: ${x.reason}`)].join('\n');
    } catch (err) {
      report.textContent = String((err as Error)?.message ?? err);
    } finally {
      button.disabled = false;
    }
  });
}

/** The sites whose cookies the queue's fetches may send (none unless listed). */
export async function bindCookieSites(section: HTMLElement): Promise<void> {
  const input = node('input', { type: 'text', spellcheck: false, placeholder: 'example.com' });
  input.dataset.testid = 'cookie-sites';
  const label = node('label', { className: 'row' }, node('span', { textContent: t('cookieSitesLabel') }), input);
  section.append(label, node('p', { className: 'hint', textContent: t('cookieSitesHint') }));
  const got = await browser.storage.local.get(COOKIE_SITES_KEY);
  const sites = got[COOKIE_SITES_KEY];
  input.value = Array.isArray(sites) ? sites.join(', ') : '';
  input.addEventListener('change', () => {
    const list = [...new Set(input.value.split(/[\s,;]+/).map((s) => s.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^www\./, '')).filter(Boolean))];
    input.value = list.join(', ');
    void browser.storage.local.set({ [COOKIE_SITES_KEY]: list });
  });
}
