import browser from 'webextension-polyfill';
import { newClippingId } from '../core/clipping.ts';
import type { ExtractOutcome } from '../core/types.ts';
import { send } from '../shared/messaging.ts';
import { SiftError } from '../shared/errors.ts';
import { enabledEntityTypes, type Settings } from '../shared/settings.ts';
import { loadSettings } from '../platform/settings-store.ts';
import { localize, t } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';
import { renderReader } from '../ui/reader.ts';
import { renderEntityPanel } from '../ui/entity-panel.ts';
import { errorMessage, notArticleMessage } from '../ui/messages.ts';

type State = 'loading' | 'ready' | 'saved' | 'not-article' | 'error';
type Ready = Extract<ExtractOutcome, { ok: true }>;

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const status = $('[data-testid=status]');
const statusText = $('.status-text');
const saveBtn = $<HTMLButtonElement>('[data-testid=save]');
const notice = $('[data-testid=notice]');
const showAnyway = $<HTMLButtonElement>('[data-testid=show-anyway]');
const layout = $('.layout');
const reader = $('[data-testid=reader]');
const panel = $('[data-testid=entities]');

// One id for this popup's clipping: pressing Save again (or a retry) updates, never duplicates.
const clippingId = newClippingId();
let current: Ready | null = null;
let settings: Settings;

function setState(state: State, text: string): void {
  status.dataset.state = state;
  statusText.textContent = text;
  status.title = text;
}

function showNotice(text: string, offerShowAnyway: boolean): void {
  layout.hidden = true;
  notice.hidden = false;
  notice.querySelector('.notice-text')!.textContent = text;
  showAnyway.hidden = !offerShowAnyway;
}

function show(out: Ready): void {
  current = out;
  const article = out.article!;
  const enabled = enabledEntityTypes(settings);
  notice.hidden = true;
  layout.hidden = false;
  panel.hidden = !settings.showEntityPanel;
  renderReader(reader, article, out.entities, { enabledTypes: enabled, showImages: settings.showImages });
  renderEntityPanel(panel, reader, out.entities, enabled);
  document.title = article.title;
  saveBtn.disabled = false;
  setState('ready', article.siteName ?? new URL(article.url).hostname);
}

async function activeTabId(): Promise<number | null> {
  // ?tabId= lets the popup be opened as a tab (tests, "open in a tab").
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function extract(force: boolean): Promise<void> {
  setState('loading', t('statusLoading'));
  saveBtn.disabled = true;
  const tabId = await activeTabId();
  if (tabId === null) {
    setState('error', t('errorNoTab'));
    showNotice(t('errorNoTab'), false);
    return;
  }
  let out: ExtractOutcome;
  try {
    out = await send('page.extract', { tabId, force });
  } catch (err) {
    const msg = errorMessage(err instanceof SiftError ? err.code : 'failed');
    setState('error', msg);
    showNotice(msg, false);
    return;
  }
  if (!out.ok) {
    const msg = errorMessage(out.error.code);
    setState('error', msg);
    showNotice(msg, false);
    status.title = out.error.message;
    return;
  }
  if (!out.article || (!out.readability.isArticle && !force)) {
    current = out;
    const msg = notArticleMessage(out.readability.reason);
    setState('not-article', msg);
    showNotice(msg, true);
    return;
  }
  show(out);
}

async function save(): Promise<void> {
  const article = current?.article;
  if (!current || !article) return;
  saveBtn.disabled = true;
  setState(status.dataset.state as State, t('statusSaving'));
  try {
    const res = await send('clipping.save', { id: clippingId, article, entities: current.entities });
    setState('saved', res.created ? t('statusSaved') : t('statusUpdated'));
    saveBtn.querySelector('.save-label')!.textContent = t('saved');
  } catch (err) {
    const code = err instanceof SiftError ? err.code : 'failed';
    setState('error', errorMessage(code));
    status.title = String((err as Error).message);
  } finally {
    saveBtn.disabled = false;
  }
}

async function main(): Promise<void> {
  localize();
  settings = await loadSettings();
  applyAppearance(settings);
  saveBtn.addEventListener('click', () => void save());
  showAnyway.addEventListener('click', () => {
    if (current?.ok && current.article) show(current);
    else void extract(true);
  });
  $('[data-testid=open-library]').addEventListener('click', () => {
    void browser.tabs.create({ url: browser.runtime.getURL('src/library/index.html') });
    window.close();
  });
  $('[data-testid=open-options]').addEventListener('click', () => {
    void browser.runtime.openOptionsPage();
    window.close();
  });
  await extract(false);
}

void main();
