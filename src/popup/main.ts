import browser from 'webextension-polyfill';
import { newClippingId } from '../core/clipping.ts';
import type { EntityType, ExtractOutcome } from '../core/types.ts';
import { send } from '../shared/messaging.ts';
import { SiftError } from '../shared/errors.ts';
import { enabledEntityTypes, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../platform/settings-store.ts';
import { localize, t } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';
import { renderReader } from '../ui/reader.ts';
import { renderEntityPanel } from '../ui/entity-panel.ts';
import { errorMessage, notArticleMessage } from '../ui/messages.ts';
import { currentState, errorHint, hideNotice, setState, showNotice, type State } from './status.ts';
import { bindDisplayMenu, fillDisplayMenu } from './display-menu.ts';
import { loadHandover, popupTabUrl, stashForTab } from './open-in-tab.ts';
import { markNamesReceived, markPainted, markReceived, markSent } from './paint.ts';
import { PopupHighlights } from './highlights.ts';

type Ready = Extract<ExtractOutcome, { ok: true }>;

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const saveBtn = $<HTMLButtonElement>('[data-testid=save]');
const tabBtn = $<HTMLButtonElement>('[data-testid=open-in-tab]');
const reader = $('[data-testid=reader]');
const panel = $('[data-testid=entities]');

const params = new URLSearchParams(location.search);
/** Set when this page is the popup opened in a tab ("open in a tab"). */
const viewKey = params.get('view');
// One id for this popup's clipping: pressing Save again (or a retry) updates, never duplicates.
let clippingId = newClippingId();
let current: Ready | null = null;
let saved = false;
/** The tab the popup reads. */
let tabId: number | null = null;
/**
 * The names of the article shown, while they are still being found: the article is shown first
 * and the status stays `loading` until its names are highlighted too. Saving waits for them.
 */
let names: Promise<void> | null = null;
let settings: Settings;
let highlights: PopupHighlights | null = null;

/** Entity types shown after the panel's toggles were used (null: the settings decide). */
let shownTypes: Set<EntityType> | null = null;

/** Render (or re-render after a settings change) the current article. */
function render(): void {
  if (!current?.article) return;
  const enabled = shownTypes ?? enabledEntityTypes(settings);
  panel.hidden = !settings.showEntityPanel;
  renderReader(reader, current.article, current.entities, { enabledTypes: enabled, showImages: settings.showImages });
  renderEntityPanel(panel, reader, current.entities, enabled, { onToggle: (next) => ((shownTypes = next), render()), pageTags: current.pageTags });
  highlights?.repaint();
}

/** Show the article; with `namesFollow`, ask for its names next and highlight them when they come. */
function show(out: Ready, namesFollow = false): void {
  current = out;
  const article = out.article!;
  hideNotice();
  render();
  const painted = markPainted();
  void highlights?.load(article);
  document.title = article.title;
  saveBtn.disabled = false;
  tabBtn.disabled = false;
  if (namesFollow && tabId !== null) {
    setState('loading', t('statusFindingNames'));
    // Asked once the article is on screen: the page's tagger would otherwise take the CPU the
    // popup needs for its first frame (on a busy machine, most of the wait). A page in a hidden
    // tab gets no frames: then after a moment.
    const tab = tabId;
    const shown = Promise.race([painted, new Promise((r) => setTimeout(r, 200))]);
    names = shown.then(() => findNames(out, tab));
  } else {
    showReady();
  }
  // Keyboard users can scroll the article with Space and the arrows straight away.
  if (!document.activeElement || document.activeElement === document.body) $('.content').focus({ preventScroll: true });
}

function showReady(): void {
  const article = current?.article;
  if (!article) return;
  setState(saved ? 'saved' : 'ready', saved ? t('statusSaved') : (article.siteName ?? new URL(article.url).hostname));
}

/** The names of the article shown (page.entities); without them the article stays, unhighlighted. */
async function findNames(out: Ready, tab: number): Promise<void> {
  try {
    const found = await send('page.entities', { tabId: tab });
    if (found.ok) markNamesReceived(found.ms);
    if (found.ok && current === out) {
      current = { ...out, entities: found.entities, pageTags: found.pageTags ?? [], timings: { ...out.timings, entitiesMs: found.ms } };
      render();
      markPainted('names');
    }
  } catch {
    // The worker restarted or the tab went away: the article is still worth reading and saving.
  }
  // Still this article (not a newer reading): its status was held at `loading` for the names.
  if (current?.article === out.article && currentState() === 'loading') showReady();
}

function showError(code: string, detail?: string): void {
  const msg = errorMessage(code);
  setState('error', msg, detail);
  showNotice({ kind: 'error', title: t('errorTitle'), text: msg, ...errorHint(code) });
}

async function activeTabId(): Promise<number | null> {
  // ?tabId= lets the popup page be opened as a tab on a given page (tests).
  const param = params.get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Ask the background to read the tab; errors become an outcome. */
async function requestExtract(force: boolean): Promise<ExtractOutcome> {
  tabId ??= await activeTabId();
  if (tabId === null) return { ok: false, error: { code: 'no-tab', message: t('errorNoTab') } };
  markSent();
  try {
    return await send('page.extract', { tabId, force, entitiesLater: true });
  } catch (err) {
    return { ok: false, error: { code: err instanceof SiftError ? (err.code as 'failed') : 'failed', message: String((err as Error).message) } };
  }
}

/** The first reading: the one early-extract.ts started as the popup opened, else a new request. */
async function firstExtract(): Promise<ExtractOutcome> {
  const early = await window.siftEarlyExtract?.catch(() => undefined);
  if (early === null) return { ok: false, error: { code: 'no-tab', message: t('errorNoTab') } };
  if (early) tabId = early.tabId;
  // No early request, or its message failed (e.g. the worker was restarting): ask again.
  if (!early?.reply) return requestExtract(false);
  if (early.reply.ok) return early.reply.value;
  return { ok: false, error: { code: early.reply.error.code as 'failed', message: early.reply.error.message } };
}

/** Show what a reading gave; `fromPage`: it came from the tab (its names follow), not a hand-over. */
function handle(out: ExtractOutcome, force: boolean, fromPage = true): void {
  markReceived(out.ok ? out.timings : null);
  if (!out.ok) {
    showError(out.error.code, out.error.message);
  } else if (!out.article?.text.trim() || (!out.readability.isArticle && !force)) {
    current = out;
    // Nothing readable even when asked to show anyway: say so rather than show a blank page.
    const empty = force || !out.article;
    const msg = notArticleMessage(empty ? 'no-content' : out.readability.reason);
    setState('not-article', msg);
    showNotice({
      kind: 'not-article', title: t('notArticleTitle'), text: msg,
      hint: t(empty ? 'hintNoContent' : 'hintNotArticle'), showAnyway: !force, retry: force,
    });
  } else {
    return show(out, fromPage);
  }
  markPainted('notice');
}

async function extract(force: boolean): Promise<void> {
  setState('loading', t('statusLoading'));
  saveBtn.disabled = true;
  handle(await requestExtract(force), force);
}

/** Save the article; the clipping's id once stored, null when the save failed (the status says why). */
async function save(): Promise<string | null> {
  if (!current?.article) return null;
  saveBtn.disabled = true;
  // A clipping keeps its names: wait for them if they are still being found.
  if (names) await names;
  // The page's tags that are not names go with it (shown apart in the reader, never highlighted).
  const article = current.pageTags?.length ? { ...current.article, pageTags: current.pageTags } : current.article;
  const before: State = currentState();
  setState(before, t('statusSaving'));
  try {
    const res = await send('clipping.save', { id: clippingId, article, entities: current.entities });
    saved = true;
    // A second save of the same page updates the clipping saved before, under its id.
    clippingId = res.id;
    setState('saved', res.created ? t('statusSaved') : t('statusUpdated'));
    saveBtn.querySelector('.save-label')!.textContent = t('saved');
    // Its highlights were re-anchored on this text: show them as stored.
    if (!res.created) void highlights?.reload(res.highlightsNotFound);
    return res.id;
  } catch (err) {
    const code = err instanceof SiftError ? err.code : 'failed';
    setState('error', errorMessage(code), String((err as Error).message));
    return null;
  } finally {
    saveBtn.disabled = false;
  }
}

/** Hand the article to a tab; if storage refuses it (a huge page), save it and open it in the library. */
async function openInTab(): Promise<void> {
  if (!current?.article) return;
  if (names) await names;
  let url: string;
  try {
    url = popupTabUrl(await stashForTab({ outcome: current, clippingId, saved }));
  } catch {
    if (!saved) await save();
    url = browser.runtime.getURL(`src/library/index.html?id=${encodeURIComponent(clippingId)}`);
  }
  await browser.tabs.create({ url });
  window.close();
}

function bind(): void {
  saveBtn.addEventListener('click', () => void save());
  tabBtn.addEventListener('click', () => void openInTab());
  $('[data-testid=show-anyway]').addEventListener('click', () => {
    // The first reading may have kept no text for a page it judged not an article: read it again, forced.
    if (current?.ok && current.article?.text.trim()) show(current, true);
    else void extract(true);
  });
  $('[data-testid=retry]').addEventListener('click', () => void extract(false));
  $('[data-testid=open-library]').addEventListener('click', () => {
    void browser.tabs.create({ url: browser.runtime.getURL('src/library/index.html') });
    window.close();
  });
  $('[data-testid=open-options]').addEventListener('click', () => {
    void browser.runtime.openOptionsPage();
    window.close();
  });
  bindDisplayMenu(() => settings, (s) => (settings = s));
  onSettingsChanged((s) => {
    const rerender = s.showImages !== settings.showImages || s.showEntityPanel !== settings.showEntityPanel ||
      JSON.stringify(s.entityTypes) !== JSON.stringify(settings.entityTypes);
    const relabel = JSON.stringify(s.highlightLabels) !== JSON.stringify(settings.highlightLabels);
    settings = s;
    applyAppearance(s);
    fillDisplayMenu(s);
    if (rerender) render();
    if (relabel) highlights?.relabel();
  });
}

async function main(): Promise<void> {
  if (viewKey) document.documentElement.dataset.mode = 'tab';
  localize();
  // Start reading the page at once; settings load meanwhile.
  const outcome = viewKey ? null : firstExtract();
  const handover = viewKey ? loadHandover(viewKey) : null;
  settings = await loadSettings();
  applyAppearance(settings);
  bind();
  highlights = new PopupHighlights({
    reader, names: panel, settings: () => settings, saved: () => saved, clippingId: () => clippingId,
    save: async () => (await save()) ?? Promise.reject(new Error(t('hlSaveFirstFailed'))),
  });
  if (outcome) return handle(await outcome, false);
  const h = await handover;
  if (!h) {
    setState('error', t('errorViewGone'));
    showNotice({ kind: 'error', title: t('errorTitle'), text: t('errorViewGone'), hint: t('hintRestricted') });
    return;
  }
  clippingId = h.clippingId;
  saved = h.saved;
  if (saved) saveBtn.querySelector('.save-label')!.textContent = t('saved');
  handle(h.outcome, true, false);
}

void main();
