/// <reference types="vite/client" />
import browser from 'webextension-polyfill';
import type { ExtractOutcome } from '../../core/types.ts';
import type { CleanRequest } from './clean-message.ts';
import { CleanerLifecycle } from './cleaner-lifecycle.ts';

// Where a fetched page is cleaned. Firefox's background page has a DOM: right here. Chrome's
// service worker has none: in the offscreen document, made on first need (it lives on across
// worker restarts, and is made again if Chrome closed it).

/** Replaced at build time (vite --mode firefox), so Chrome's worker bundle leaves the cleaner out. */
const FIREFOX = import.meta.env.MODE === 'firefox';
const OFFSCREEN = 'src/offscreen/index.html';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface RuntimeContexts {
  getContexts?(f: { contextTypes: string[] }): Promise<unknown[]>;
}

let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const chromeApi = (globalThis as unknown as { chrome: { offscreen: OffscreenApi; runtime: RuntimeContexts } }).chrome;
  const open = (await chromeApi.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
  if (open.length) return;
  creating ??= chromeApi.offscreen
    .createDocument({ url: OFFSCREEN, reasons: ['DOM_PARSER'], justification: 'Clean pages of the reading list with the same reader as the popup.' })
    .catch((err: Error) => {
      // Another call made it first.
      if (!/single offscreen|already/i.test(err.message)) throw err;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

// Closed every so often and when the queue is idle: parsed pages Blink holds are freed (cleaner-lifecycle.ts).
const lifecycle = new CleanerLifecycle({
  open: ensureOffscreen,
  close: () => (globalThis as unknown as { chrome: { offscreen: OffscreenApi } }).chrome.offscreen.closeDocument(),
});

/** The queue has nothing left to clean: free the offscreen document (Chrome; Firefox has none). */
export function releaseCleaner(): Promise<void> {
  return FIREFOX ? Promise.resolve() : lifecycle.release();
}

export async function cleanHtml(html: string, url: string): Promise<ExtractOutcome> {
  const uiLang = browser.i18n.getUILanguage();
  // Firefox: src/offscreen/firefox.ts, loaded before this script in the background page.
  const local = (globalThis as { siftCleanPage?: (html: string, url: string, uiLang: string) => ExtractOutcome }).siftCleanPage;
  if (FIREFOX && local) return local(html, url, uiLang);
  const req: CleanRequest = { siftOffscreen: 1, html, url, uiLang };
  const out = await lifecycle.run(() => browser.runtime.sendMessage(req) as Promise<ExtractOutcome | undefined>);
  return out ?? { ok: false, error: { code: 'failed', message: 'The page cleaner gave no answer.' } };
}
