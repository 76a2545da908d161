import type { Envelope, Reply } from '../shared/protocol.ts';

// The first script of the popup (a classic script in index.html, built alone, importing nothing):
// it asks the background to read the page the moment the popup exists, while the popup's styles,
// the reader and DOMPurify are still loading. main.ts takes the answer from here. Reading the
// page is most of the wait between the click and the article, so it should start first.

interface Api {
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
}

declare global {
  interface Window {
    /** The reply to page.extract, or the error sendMessage threw; null when the popup has no tab. */
    siftEarlyExtract?: Promise<EarlyExtract | null>;
  }
}

export interface EarlyExtract {
  tabId: number;
  reply?: Reply<'page.extract'>;
  error?: string;
}

const g = globalThis as unknown as { browser?: Api; chrome?: Api };
const api = g.browser ?? g.chrome;
const params = new URLSearchParams(location.search);

async function run(): Promise<EarlyExtract | null> {
  const param = params.get('tabId');
  const tabId = param && /^\d+$/.test(param) ? Number(param) : (await api!.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  performance.mark('sift:extract-sent');
  const envelope: Envelope<'page.extract'> = { sift: 1, name: 'page.extract', req: { tabId, force: false, entitiesLater: true } };
  try {
    return { tabId, reply: (await api!.runtime.sendMessage(envelope)) as Reply<'page.extract'> };
  } catch (err) {
    return { tabId, error: String((err as Error)?.message ?? err) };
  }
}

// Not for the popup opened in a tab ("open in a tab"): that one shows what it was handed.
if (api && !params.has('view')) window.siftEarlyExtract = run();
