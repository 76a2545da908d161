import browser from 'webextension-polyfill';

/** in-library: the page in the tab is already saved (stays until the tab navigates). */
export type BadgeState = 'saving' | 'saved' | 'error' | 'in-library';

const LOOK: Record<BadgeState, { text: string; color: string }> = {
  saving: { text: '…', color: '#5b6b7a' },
  saved: { text: '✓', color: '#1a7f37' },
  error: { text: '!', color: '#cf222e' },
  'in-library': { text: '✓', color: '#1a7f37' },
};
const CLEAR_AFTER_MS = 6000;

/** Show a save's progress on the toolbar button of that tab; the tooltip says what happened. */
export async function showBadge(tabId: number, state: BadgeState, title: string): Promise<void> {
  const look = LOOK[state];
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
    await browser.action.setBadgeText({ tabId, text: look.text });
    await browser.action.setTitle({ tabId, title });
  } catch {
    return; // The tab closed meanwhile: nothing to show.
  }
  if (state !== 'saving' && state !== 'in-library') setTimeout(() => clearBadge(tabId), CLEAR_AFTER_MS);
}

/** Take the tab's badge and tooltip off (a closed tab: nothing to do). */
export function clearBadge(tabId: number): void {
  browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
  browser.action.setTitle({ tabId, title: '' }).catch(() => undefined);
}
