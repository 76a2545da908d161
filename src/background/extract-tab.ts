import browser from 'webextension-polyfill';
import type { ExtractOutcome } from '../core/types.ts';
import { classifyUrl } from '../core/url-policy.ts';
import type { ContentRequest } from '../content/api.ts';
import { runInPage } from '../content/api.ts';

// Built from src/content/index.ts (vite.config.ts additionalInputs).
const CONTENT_FILE = 'src/content/index.js';
const TIMEOUT_MS = 30_000;

function fail(code: Extract<ExtractOutcome, { ok: false }>['error']['code'], message: string): ExtractOutcome {
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

/** Inject the content script into the tab (on demand, under activeTab) and run the pipeline there. */
export async function extractTab(tabId: number, req: ContentRequest): Promise<ExtractOutcome> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return fail('no-tab', 'The tab is gone.');
  }
  const access = url === undefined ? 'ok' : classifyUrl(url);
  if (access === 'browser-page' || access === 'store') {
    return fail('restricted', `Browsers do not let extensions read this page (${url}).`);
  }
  try {
    const run = async (): Promise<ExtractOutcome | undefined> => {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_FILE] });
      const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: runInPage, args: [req] });
      return frame?.result as ExtractOutcome | undefined;
    };
    const out = await withTimeout(run(), TIMEOUT_MS);
    if (out === 'timeout') return fail('timeout', 'The page took too long to read.');
    if (!out) return fail('failed', 'The page gave no answer.');
    return out;
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    if (access === 'pdf') return fail('restricted', 'This is a PDF document, not a web page.');
    if (access === 'file') return fail('no-access', 'Sift needs "Allow access to file URLs" for local files.');
    if (/cannot access|cannot be scripted|missing host permission|extensions gallery|not allowed/i.test(message)) {
      return fail('restricted', message);
    }
    return fail('failed', message);
  }
}
