import type { Envelope, Reply } from '../shared/protocol.ts';

// The first script of the popup (a classic script in index.html, built alone, importing nothing):
// it asks the background to read the page the moment the popup exists, while the popup's styles,
// the reader and DOMPurify are still loading. main.ts takes the answer from here. Reading the
// page is most of the wait between the click and the article, so it should start first.

interface Api {
  runtime: { sendMessage(msg: unknown): Promise<unknown> };
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number; windowId?: number }[]>;
    onActivated: { addListener(fn: (info: { tabId: number; windowId: number }) => void): void };
  };
}

declare global {
  interface Window {
    /** The reply to page.extract, or the error sendMessage threw; null when the popup has no tab. */
    siftEarlyExtract?: Promise<EarlyExtract | null>;
    /** The popup a toolbar click opened for a tab (?click=1): false if that tab is not the active one. */
    siftOwnTab?: Promise<boolean>;
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

/**
 * A popup opened by a toolbar click (background/action-click.ts) reads the tab in its address.
 * It belongs on that tab only: if its window shows another tab (openPopup() of a first click ran
 * after a second tab was selected), or the user switches tabs, it closes rather than show one
 * tab's article over another. main.ts paints nothing before this says yes.
 */
async function ownTab(tabId: number): Promise<boolean> {
  const [active] = await api!.tabs.query({ active: true, currentWindow: true });
  const own = !active || active.id === tabId;
  if (!own) window.close();
  else api!.tabs.onActivated.addListener((info) => info.windowId === active?.windowId && info.tabId !== tabId && window.close());
  return own;
}

// Not for the popup opened in a tab ("open in a tab"): that one shows what it was handed.
if (api && !params.has('view')) window.siftEarlyExtract = run();
const clicked = params.get('tabId');
if (api && params.get('click') === '1' && clicked && /^\d+$/.test(clicked)) window.siftOwnTab = ownTab(Number(clicked)).catch(() => true);
