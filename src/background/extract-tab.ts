import browser from 'webextension-polyfill';
import type { Article, ExtractError, ExtractErrorCode, ExtractOutcome } from '../core/types.ts';
import { classifyUrl } from '../core/url-policy.ts';
import type { ContentRequest, EntitiesOutcome, EntitiesRequest } from '../content/api.ts';
import { isEntitiesOutcome, isExtractOutcome, packsInPage, runEntitiesInPage, runInPage } from '../content/api.ts';
import { PACK_LANGS } from '../core/entities/model/packs-for.ts';
import { packsForArticle } from '../core/entities/packs-for-article.ts';

// Built from src/content/index.ts and entities.ts (vite.config.ts additionalInputs).
const CONTENT_FILE = 'src/content/index.js';
const ENTITIES_FILE = 'src/content/entities.js';
/**
 * Inject the names script and the language packs its article needs, in one call: the packs are
 * chosen here from the article the page handed back, by the language the tagger detects
 * (packsForArticle; the page's lang attribute is often the site's), so a Polish or Russian page
 * loads no English model. Packs are read when the tagger first runs, so they come after the
 * script. Without the article (the worker restarted since it read the page), the names script is
 * asked for its packs. Only known pack names become file names.
 */
async function injectNamesScript(tabId: number, article?: Article): Promise<void> {
  const packFiles = (langs: readonly unknown[]) => PACK_LANGS.filter((l) => langs.includes(l)).map((l) => `src/content/pack-${l}.js`);
  if (article) {
    await browser.scripting.executeScript({ target: { tabId }, files: [ENTITIES_FILE, ...packFiles(packsForArticle(article))] });
    return;
  }
  await browser.scripting.executeScript({ target: { tabId }, files: [ENTITIES_FILE] });
  const [asked] = await browser.scripting.executeScript({ target: { tabId }, func: packsInPage });
  const files = packFiles(Array.isArray(asked?.result) ? (asked.result as unknown[]) : []);
  if (files.length) await browser.scripting.executeScript({ target: { tabId }, files });
}
/**
 * The popup's hard stop. The content script bounds its own work (core/budget.ts: 20 s), but a
 * page whose own scripts never yield (an endless loop) keeps the injection from even starting;
 * the popup then gets this answer while the tab stays as it is.
 */
export const TIMEOUT_MS = 30_000;

function fail(code: ExtractErrorCode, message: string): { ok: false; error: ExtractError } {
  return { ok: false, error: { code, message } };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** The tab's address now: a string, undefined when Sift may no longer see it, null when the tab is gone. */
async function tabUrl(tabId: number): Promise<string | undefined | null> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return null;
  }
}

const withoutHash = (u: string | undefined) => u?.replace(/#.*$/, '');

const NAVIGATED = 'The page changed while Sift was reading it.';

/** Inject the content script into the tab (on demand, under activeTab) and run the pipeline there. */
export async function extractTab(tabId: number, req: ContentRequest, timeoutMs = TIMEOUT_MS): Promise<ExtractOutcome> {
  const url = await tabUrl(tabId);
  if (url === null) return fail('no-tab', 'The tab is gone.');
  const access = url === undefined ? 'ok' : classifyUrl(url);
  if (access === 'browser-page' || access === 'store') {
    return fail('restricted', `Browsers do not let extensions read this page (${url}).`);
  }
  // The names come in a second step (unless the caller asks for them separately, entitiesTab):
  // which language packs the names script needs is known only once the article is read.
  const attempt = async (): Promise<unknown> => {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_FILE] });
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: runInPage, args: [{ ...req, entities: 'later' }] });
    const out = frame?.result;
    if (req.entities === 'later' || !isExtractOutcome(out) || !out.ok || !out.article) return out;
    await injectNamesScript(tabId, out.article);
    const [named] = await browser.scripting.executeScript({ target: { tabId }, func: runEntitiesInPage, args: [{ uiLang: req.uiLang }] });
    const found = named?.result;
    if (!isEntitiesOutcome(found)) return undefined;
    if (!found.ok) return found;
    return { ...out, entities: found.entities, pageTags: found.pageTags ?? [], timings: { ...out.timings, entitiesMs: found.ms } };
  };
  try {
    const run = async (): Promise<unknown> => {
      const first = await attempt();
      // A new document replaced the old one between the two calls: read the new one, once.
      const replaced = isExtractOutcome(first) && !first.ok && first.error.code === 'navigated';
      return replaced ? attempt() : first;
    };
    const out = await withTimeout(run(), timeoutMs);
    if (out === 'timeout') return fail('timeout', 'The page took too long to read.');
    if (out === undefined || out === null) {
      const now = await tabUrl(tabId);
      if (now === null) return fail('no-tab', 'The tab was closed while Sift was reading it.');
      return withoutHash(now) !== withoutHash(url) ? fail('navigated', NAVIGATED) : fail('failed', 'The page gave no answer.');
    }
    if (!isExtractOutcome(out)) return fail('failed', 'The page gave an answer Sift does not understand.');
    if (!out.ok && out.error.code === 'navigated') return fail('navigated', NAVIGATED);
    return out;
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    const now = await tabUrl(tabId);
    if (now === null || /no tab with id|tab was closed/i.test(message)) return fail('no-tab', 'The tab was closed while Sift was reading it.');
    // Leaving the page also ends activeTab's grant, so the address may no longer be visible.
    if (url !== undefined && withoutHash(now) !== withoutHash(url)) return fail('navigated', NAVIGATED);
    if (/frame with id \d+ (?:was|is) removed|frame was removed|document (?:was|is) unloaded|navigated away/i.test(message)) {
      return fail('navigated', NAVIGATED);
    }
    if (access === 'pdf') return fail('restricted', 'This is a PDF document, not a web page.');
    if (access === 'file') return fail('no-access', 'Sift needs "Allow access to file URLs" for local files.');
    if (/cannot access|cannot be scripted|missing host permission|extensions gallery|not allowed/i.test(message)) {
      return fail('restricted', message);
    }
    return fail('failed', message);
  }
}

/**
 * The names of the article extractTab(..., {entities: 'later'}) just read in this tab: injects the
 * entity script (the tagger and its data) and runs it on the article the first script kept.
 * `article`: that article as the page handed it back, to choose the packs here.
 */
export async function entitiesTab(tabId: number, req: EntitiesRequest, article?: Article, timeoutMs = TIMEOUT_MS): Promise<EntitiesOutcome> {
  const run = async (): Promise<unknown> => {
    await injectNamesScript(tabId, article);
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: runEntitiesInPage, args: [req] });
    return frame?.result;
  };
  try {
    const out = await withTimeout(run(), timeoutMs);
    if (out === 'timeout') return fail('timeout', 'The page took too long to read.');
    if (isEntitiesOutcome(out)) return out;
    return (await tabUrl(tabId)) === null ? fail('no-tab', 'The tab was closed while Sift was reading it.') : fail('failed', 'The page gave no answer.');
  } catch (err) {
    if ((await tabUrl(tabId)) === null) return fail('no-tab', 'The tab was closed while Sift was reading it.');
    // activeTab's grant ends when the tab leaves the page it was given for.
    return fail('navigated', `${NAVIGATED} (${String((err as Error)?.message ?? err)})`);
  }
}
