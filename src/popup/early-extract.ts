import type { ExtractOutcome } from '../core/types.ts';
import { popupTab, readTab } from './read-tab.ts';

// The first script of the popup (a classic script in index.html, built alone): it reads the page
// the moment the popup exists, while the popup's styles, the reader and DOMPurify still load;
// main.ts takes the outcome from here. Reading the page is most of the wait between the click and
// the article, so it starts first.
//
// The popup injects and runs the content script itself (scripting.executeScript, under the
// activeTab grant the click gave the extension) rather than asking the worker to: the article
// then crosses one process boundary (page -> popup) instead of two (page -> worker -> popup, each
// a serialisation of the whole article), and a sleeping worker is not on the way. extractTab is
// the same function the worker uses for quick save and capture, with the same checks of what
// the page hands back (isExtractOutcome); read-tab.ts holds the popup's side. No message is involved, so privilege.ts has nothing
// to decide: an extension page already holds the scripting permission.

declare global {
  interface Window {
    /** The first reading of the popup's tab; null when the popup has no tab. */
    siftEarlyExtract?: Promise<EarlyExtract | null>;
  }
}

export interface EarlyExtract {
  tabId: number;
  outcome: ExtractOutcome;
}

const params = new URLSearchParams(location.search);

async function run(): Promise<EarlyExtract | null> {
  performance.mark('sift:early-run');
  const tab = await popupTab();
  if (tab === null) return null;
  return { tabId: tab.id, outcome: await readTab(tab.id, false, tab.url) };
}

// Not for the popup opened in a tab ("open in a tab"): that one shows what it was handed.
if (!params.has('view')) window.siftEarlyExtract = run();
