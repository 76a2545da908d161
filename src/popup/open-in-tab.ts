import browser from 'webextension-polyfill';
import type { ExtractOutcome } from '../core/types.ts';

// "Open in a tab" for long reads. A popup page opened as a tab has no activeTab grant, so it
// cannot read the page again: the popup hands over what it already extracted through
// storage.session (memory only, gone when the browser closes, readable by extension pages only).

export interface Handover {
  outcome: ExtractOutcome;
  /** The popup's clipping id, so Save in the tab updates the same clipping. */
  clippingId: string;
  saved: boolean;
}

const PREFIX = 'reader-view:';
/** Keep the last few hand-overs: enough for reloading a tab, not a growing pile. */
const KEEP = 5;

export function popupTabUrl(key: string): string {
  return browser.runtime.getURL(`src/popup/index.html?view=${encodeURIComponent(key)}`);
}

/** Store the hand-over and return its key. Throws when storage refuses it (e.g. over quota). */
export async function stashForTab(h: Handover): Promise<string> {
  const key = `${PREFIX}${h.clippingId}`;
  const all = await browser.storage.session.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith(PREFIX) && k !== key).sort((a, b) => {
    return ((all[a] as { at?: number }).at ?? 0) - ((all[b] as { at?: number }).at ?? 0);
  });
  if (old.length >= KEEP) await browser.storage.session.remove(old.slice(0, old.length - KEEP + 1));
  await browser.storage.session.set({ [key]: { ...h, at: Date.now() } });
  return key;
}

export async function loadHandover(key: string): Promise<Handover | null> {
  if (!key.startsWith(PREFIX)) return null;
  const got = (await browser.storage.session.get(key))[key] as Handover | undefined;
  return got && typeof got === 'object' && got.outcome ? got : null;
}
